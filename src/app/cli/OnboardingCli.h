#pragma once

#include "app/cli/CliCommand.h"
#include "engine/onboarding/ClusterProbe.h"
#include "engine/onboarding/OnboardingPlan.h"
#include "engine/onboarding/OnboardingPlanner.h"
#include "engine/onboarding/OnboardingRun.h"
#include "engine/onboarding/StepRunner.h"
#include "engine/onboarding/TenantRun.h"
#include "helm/HelmRunner.h"
#include "kube/transport/KubeSession.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <memory>
#include <optional>

// What the `plan`, `onboard` and `offboard` commands share: their common options, the connection
// to the chosen context, the one-shot read of the cluster, planning in either tenancy world, the
// plan as a table or JSON, the confirmation prompt and following a run's steps on stderr.

namespace fd::cli {

struct OnboardingOptions {
    QCommandLineOption context{QStringLiteral("context"), CliText::tr("The kubeconfig context (default: the current one)."),
                               QStringLiteral("name")};
    QCommandLineOption kubeconfig{QStringLiteral("kubeconfig"),
                                  CliText::tr("Read only this kubeconfig file (instead of KUBECONFIG or ~/.kube/config)."),
                                  QStringLiteral("file")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")}, CliText::tr("Output format: table (default) or json."),
                              QStringLiteral("format"), QStringLiteral("table")};
    QCommandLineOption chart{QStringLiteral("chart"),
                             CliText::tr("Upgrade with this chart (directory, archive or reference) instead of the chart stored in the release."),
                             QStringLiteral("chart")};
    QCommandLineOption helm{QStringLiteral("helm"), CliText::tr("The helm binary to run (default: helm on PATH)."), QStringLiteral("path")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, CliText::tr("Show this help.")};
    // onboard/offboard only (not part of addTo): wait until then, for scripts and maintenance windows.
    QCommandLineOption at{QStringLiteral("at"),
                          CliText::tr("Wait until TIME, then plan and run (needs --yes). TIME: an ISO 8601 date-time "
                                      "(local unless it has an offset) or HH:MM (local, today or tomorrow)."),
                          QStringLiteral("time")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({context, kubeconfig, output, chart, helm, help}); }
};

// Everything a command needs once the arguments are valid.
class OnboardingCliContext {
public:
    OnboardingCliContext(QString command, CliIo &io) : m_command(std::move(command)), m_io(io) {}
    ~OnboardingCliContext();

    // Parses; returns an exit code when the command must stop (help printed, usage error).
    std::optional<int> parse(QCommandLineParser &parser, const OnboardingOptions &options, const QStringList &args);
    // Loads the kubeconfig and opens a session for the context; false (message printed) on failure.
    bool connect();
    // Reads the cluster (ClusterProbe); false (message printed) on failure.
    bool probe();

    const QStringList &namespaces() const { return m_namespaces; }
    bool json() const { return m_json; }
    CliIo &io() { return m_io; }
    const fd::engine::onboarding::ClusterFacts &facts() const { return *m_facts; }
    fd::kube::RestClient *rest() const;
    const fd::helm::HelmRunnerSettings &helmSettings() const { return m_helm; }
    QString chart() const { return m_chart; }
    QString contextName() const { return m_contextName; }
    // True when onboarding this cluster means a Helm upgrade (legacy/static); the world otherwise.
    bool isHelmWorld() const;

    // Plans the Helm change (legacy/static); prints the error and returns nullopt on failure.
    std::optional<fd::engine::onboarding::Plan> planHelm(const QStringList &add, const QStringList &remove);
    // useLabel: dynamic mode onboards by labelling the namespaces fission.io/enabled=true.
    fd::engine::onboarding::TenantPlan planTenants(const QStringList &onboard, const QStringList &offboard, bool useLabel = false) const;

    // What onboard and offboard do after parse() and before planning: -o json and --at need
    // --yes (there is no prompt then), --at TIME is read, the session opened, the wait until TIME
    // (printing `what`, with %1 the namespaces and %2 the context), and the cluster read. An exit
    // code when the command must stop (message printed).
    std::optional<int> prepareRun(const QCommandLineParser &parser, const QCommandLineOption &yes,
                                  const QCommandLineOption &at, const QString &what);

    void printPlan(const fd::engine::onboarding::Plan &plan);
    void printPlan(const fd::engine::onboarding::TenantPlan &plan);
    // Asks on stdin; true for "y"/"yes".
    bool confirm(const QString &question);
    // Asks to type `expected` exactly.
    bool confirmTyped(const QString &question, const QString &expected);
    // Confirms (unless `yes`), runs the plan and reports; returns the exit code.
    int runHelm(const fd::engine::onboarding::Plan &plan, const fd::engine::onboarding::RunOptions &options, bool yes);
    int runTenants(const fd::engine::onboarding::TenantPlan &plan, const fd::engine::onboarding::TenantRunOptions &options, bool yes);
    // Follows a run, printing each step's changes on stderr; true when it succeeded.
    bool follow(fd::engine::onboarding::StepRunner &run, const std::function<void()> &start);
    // Waits (spinning the event loop) until `done` returns true or `timeoutMs` passes.
    static bool waitFor(const std::function<bool()> &done, int timeoutMs);

    void error(const QString &message);

private:
    // --at TIME: the time, or an exit code for a usage error (message printed).
    std::optional<int> parseAt(const QString &text, bool yes, QDateTime *at);
    // Prints what it waits for on stderr and returns once the wall clock reaches `at`.
    void waitUntil(const QDateTime &at, const QString &what);
    void printResult(const QJsonObject &plan, const fd::engine::onboarding::StepRunner &run);

    QString m_command;
    CliIo &m_io;
    QStringList m_namespaces;
    bool m_json = false;
    QString m_kubeconfigFile;
    QString m_contextOverride;
    QString m_contextName;
    QString m_chart;
    fd::helm::HelmRunnerSettings m_helm;
    std::unique_ptr<fd::kube::KubeSession> m_session;
    std::optional<fd::engine::onboarding::ClusterFacts> m_facts;
};

} // namespace fd::cli
