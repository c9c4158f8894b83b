#pragma once

#include "fission/FissionTypes.h"
#include "fission/InstallDetection.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

// What the diagnostics rules produce: a finding names its cause, the evidence (objects and the
// fields that prove it), the symptoms the admin sees and that this cause explains, and the fixes
// the app can perform — as typed descriptors the engine/UI execute later (never free text).

namespace fd::fission {

enum class Severity { Info, Warning, Error };
QString severityId(Severity severity); // "info", "warning", "error"

// One field of one object that supports the finding.
struct EvidenceField {
    QString path;  // JSON path in the object, e.g. "status.buildstatus"
    QString value; // as found (shortened when long); empty when the point is its absence
};

struct Evidence {
    ObjectRef object;
    QList<EvidenceField> fields;
    QString note; // what this object shows, in plain words (translated); may be empty
};

// A symptom the admin observes, tied to this cause.
struct Symptom {
    QString id;        // stable: "router-404", "build-pending", "no-active-pods", …
    ObjectRef object;  // where it shows
    QString text;      // what the admin sees, e.g. the exact error text (translated)
};

// ---- Fix actions -----------------------------------------------------------------------------

// Make Fission serve a namespace. Legacy/static: a Helm upgrade adding it to
// additionalFissionNamespaces, which rolls every Deployment in `restarts`; dynamic: a
// FissionTenant (or the namespace label); cluster: removing fission.io/enabled=false.
struct OnboardAction {
    enum class Method { HelmUpgrade, CreateTenant, RemoveOptOutLabel };
    QString namespaceName;
    TenancyWorld world = TenancyWorld::Unknown;
    Method method = Method::HelmUpgrade;
    QString releaseNamespace;
    QString releaseName;
    QStringList restarts;          // Deployments the upgrade rolls (HelmUpgrade)
    bool coldStartsFunctions = false; // adoptExistingResources false: every function pod is recreated
};

// Set the Package's build status back to pending (through /status on main).
struct RebuildPackageAction {
    QString namespaceName;
    QString name;
};

// Open a log view: one pod's container, or the pods a label selector picks.
struct OpenLogsAction {
    QString namespaceName;
    QString pod;       // empty: use the selector
    QString container; // empty: all containers
    QString selector;  // "owner=buildermgr,envName=go"
    bool previous = false; // the previous (crashed) run
};

struct CreateNamespaceAction {
    QString name;
};

// Create a FissionTenant for a namespace (dynamic/cluster worlds).
struct CreateTenantAction {
    QString namespaceName;
};

// Remove finalizers nobody will clear (the escape hatch for stuck deletions).
struct RemoveFinalizersAction {
    ObjectRef object;
    QStringList finalizers;
};

// Roll a Helm release back to a revision (pending-* left behind, failed upgrade).
struct RollbackReleaseAction {
    QString releaseNamespace;
    QString releaseName;
    int revision = 0;
};

// Show an object (its YAML, conditions, events): when there is nothing to execute.
struct InspectObjectAction {
    ObjectRef object;
};

using FixAction = std::variant<OnboardAction, RebuildPackageAction, OpenLogsAction, CreateNamespaceAction,
                               CreateTenantAction, RemoveFinalizersAction, RollbackReleaseAction, InspectObjectAction>;
QString fixActionType(const FixAction &action); // "onboard", "rebuild-package", … (stable, for JSON)
QString fixActionTitle(const FixAction &action); // a button label (translated)

// ---- Finding ---------------------------------------------------------------------------------

struct Finding {
    QString ruleId;     // "namespace-not-watched"
    QString subject;    // what it is about, stable: "Namespace/test", "fission.io/Package/test/hello"
    Severity severity = Severity::Warning;
    QString title;      // one line (translated)
    QString explanation; // plain words: the cause and why it produces the symptoms (translated)
    QList<Evidence> evidence;
    QList<Symptom> symptoms;
    QList<FixAction> fixes;

    // "namespace-not-watched:Namespace/test": stable across evaluations, so "new" and "resolved"
    // can be computed between two runs.
    QString id() const { return ruleId + u':' + subject; }
    // Content equality (for "changed"): everything but the translated texts' language.
    bool sameContent(const Finding &other) const;
};

// The difference between two evaluations.
struct FindingsDiff {
    QList<Finding> added;    // new ids
    QList<Finding> resolved; // ids that disappeared (their last state)
    QList<Finding> changed;  // same id, different content (new state)
    bool isEmpty() const { return added.isEmpty() && resolved.isEmpty() && changed.isEmpty(); }
};
FindingsDiff diffFindings(const QList<Finding> &before, const QList<Finding> &after);

// Sorts by severity (errors first), then rule id, then subject: the order the CLI prints.
void sortFindings(QList<Finding> &findings);

} // namespace fd::fission
