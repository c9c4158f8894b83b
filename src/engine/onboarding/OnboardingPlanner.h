#pragma once

#include "common/Expected.h"
#include "engine/onboarding/OnboardingPlan.h"
#include "fission/InstallDetection.h"
#include "helm/HelmRunner.h"
#include "helm/Release.h"
#include "helm/ValuesDocument.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace fd::kube {
class RestClient;
}

// Plans adding/removing namespaces on a legacy (or static-mode) Fission install, where the Helm
// values are the truth. Nothing in the cluster changes:
//  1. the new user values: the release's user values (or the editor's text) with
//     additionalFissionNamespaces edited through ValuesDocument (comments and order kept);
//  2. the chart: rebuilt from the release (ChartWriter), or a chart reference the caller gives
//     (needed when the release does not store its templates);
//  3. `helm template` (the real helm, offline) with those values — and once more with
//     executor.adoptExistingResources: true when the chart knows the key and it is off;
//  4. the live Deployments/DaemonSets of the release namespace, the namespaces and the function
//     pods, read through the RestClient;
//  5. the diff (ImpactAnalysis) and the preconditions: namespaces that do not exist yet (the chart
//     writes Roles into them and Helm creates none: the whole upgrade would fail).
// Lives on the RestClient's thread. finished() once; then result().

namespace fd::engine::onboarding {

struct PlanRequest {
    fd::helm::HelmRunnerSettings helm; // the helm binary, the kubeconfig file(s) and context
    fd::fission::InstallReport report;
    fd::helm::Release release; // the upgrade base (ReleaseRevisions::upgradeBase()), decoded
    int latestRevision = 0;    // the release's latest revision; 0 = release.version
    QStringList add;
    QStringList remove;
    std::optional<QString> valuesText; // the editor's text; default: the release's user values as YAML
    // valuesText is the edited result (the values editor), not a base to apply add/remove to:
    // the namespaces before come from the release's user values, added/removed are what the
    // text's list differs by, and the text is sent as it is (add/remove are ignored).
    bool valuesTextIsTarget = false;
    QString chartReference;            // empty: rebuild the chart stored in the release
};

struct PlanError {
    enum class Kind {
        InvalidInput, // a name that is not a DNS-1123 label, removing the default namespace, …
        NotHelmWorld, // no install, or tenancy that onboards without Helm (use TenantRun)
        Values,       // the values document has errors or cannot be edited
        Chart,        // the chart cannot be rebuilt from the release (give a chart reference)
        Helm,         // helm is missing or `helm template` failed
        Cluster,      // reading the live objects failed
    };
    Kind kind = Kind::InvalidInput;
    QString message; // translated
};

class OnboardingPlanner : public QObject {
    Q_OBJECT
public:
    explicit OnboardingPlanner(fd::kube::RestClient *rest, QObject *parent = nullptr);
    ~OnboardingPlanner() override;

    void start(const PlanRequest &request);
    bool isFinished() const { return m_result.has_value(); }
    const fd::Expected<Plan, PlanError> &result() const { return *m_result; }

    // Checks done before anything runs (also used by the CLI for its usage errors).
    static std::optional<PlanError> validateNames(const QStringList &add, const QStringList &remove);

Q_SIGNALS:
    void progress(const QString &message);
    void finished();

private:
    void prepareRender(fd::helm::ValuesDocument document);
    void render(const QString &valuesText, std::function<void(const fd::Expected<QList<ManifestObject>, PlanError> &)> next);
    void renderVariants();
    void readCluster();
    void fail(PlanError error);
    void complete();

    fd::kube::RestClient *m_rest = nullptr;
    PlanRequest m_request;
    Plan m_plan;
    QString m_newValuesText;
    QString m_adoptValuesText;
    QJsonObject m_chartDefaults;
    bool m_effectiveAdopt = false;
    QString m_chartPath;
    std::unique_ptr<QTemporaryDir> m_dir;
    QPointer<fd::helm::HelmRunner> m_runner;
    int m_renderCount = 0;
    QList<ManifestObject> m_rendered;
    std::optional<QList<ManifestObject>> m_renderedAdopt;
    QList<fd::kube::KubeObject> m_liveWorkloads;
    int m_functionPods = 0;
    std::optional<fd::Expected<Plan, PlanError>> m_result;
};

// Helpers shared with OnboardingRun.
// The chart defaults a chart reference carries (values.yaml of a directory), empty when unreadable.
QJsonObject chartDirectoryDefaults(const QString &chartDirectory);
// Coalesced executor.adoptExistingResources of user values over chart defaults.
bool effectiveAdoptExistingResources(const QJsonObject &chartDefaults, const QJsonObject &userValues);

} // namespace fd::engine::onboarding

namespace fd::engine::onboarding {
// The chart helm should use for `plan`: the user's reference, or the stored chart written below
// `directory`. Translated error text on failure.
fd::Expected<QString, QString> materializeChart(const Plan &plan, const QString &directory);
} // namespace fd::engine::onboarding
