#pragma once

#include "fission/ClusterState.h"
#include "fission/FissionIndex.h"
#include "fission/Finding.h"
#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <vector>

namespace fd::fission {

// Thresholds past which "still in progress" becomes "stuck". Defaults follow Fission's own
// timings (fission-reference §6) with room for slow clusters.
struct RuleSettings {
    // A source package still pending (or without status) this long in a served namespace. 1.20
    // turns a package it sees `running` at once; main polls for a ready builder every 5 s.
    std::chrono::seconds packagePending{std::chrono::minutes(5)};
    // Still `running`: 1.20 gives up on an unready builder after ≈16–27 min.
    std::chrono::seconds packageRunning{std::chrono::minutes(30)};
    // A builder pod not Ready without a definite error reason.
    std::chrono::seconds builderNotReady{std::chrono::minutes(3)};
    // A control-plane Deployment without an available pod.
    std::chrono::seconds controlPlaneUnavailable{std::chrono::minutes(2)};
    // A FissionTenant without Ready (upstream targets < 10 s), or a labelled namespace without a tenant.
    std::chrono::seconds tenantPending{std::chrono::minutes(1)};
    // A Helm release whose latest revision is pending-* this long: the operation crashed (Helm's
    // own default timeout is 5 minutes).
    std::chrono::seconds helmPending{std::chrono::minutes(15)};
    // A Namespace terminating this long is stuck.
    std::chrono::seconds namespaceTerminating{std::chrono::minutes(5)};
    // Symptoms listed per symptom kind before "… and N more".
    int maxSymptomsPerKind = 25;
};

// What a rule sees. All references outlive the evaluation.
struct RuleContext {
    const ClusterState &state;
    const FissionIndex &fission;
    const InstallReport &install;
    const TenantModel &tenants;
    QDateTime now;
    const RuleSettings &settings;
};

class RuleOutput
{
public:
    void add(Finding finding) { m_findings.append(std::move(finding)); }
    // The rule's answer can change at `when` without any delta (a threshold is crossed then).
    void recheckAt(const QDateTime &when)
    {
        if (when.isValid() && (!m_recheck.isValid() || when < m_recheck))
            m_recheck = when;
    }
    const QList<Finding> &findings() const { return m_findings; }
    QDateTime recheck() const { return m_recheck; }

private:
    QList<Finding> m_findings;
    QDateTime m_recheck;
};

// One diagnostics rule. Rules are stateless; the engine keeps their last findings.
class Rule
{
public:
    virtual ~Rule();
    virtual QString id() const = 0;
    // One line: what the rule checks (translated), for `doctor --list-rules` and the UI.
    virtual QString description() const = 0;
    // The kinds whose changes can change the rule's findings (the engine re-runs it on those).
    virtual QList<KindInfo> dependsOn() const = 0;
    // Whether the install report (control plane, watched sets, Helm release, tenancy world) or
    // the tenant model matter to the rule.
    virtual bool dependsOnInstall() const { return true; }
    // The kinds without which the rule cannot conclude anything. When one of them cannot be read
    // (Forbidden, or only in some namespaces) the engine says so with an "evidence-incomplete"
    // finding; rules still check per namespace with ClusterState::covers() before concluding
    // from absence.
    virtual QList<KindInfo> requiredKinds() const = 0;
    virtual void evaluate(const RuleContext &context, RuleOutput &output) const = 0;
};

// The rules of issue 6's "Diagnostics" list.
std::vector<std::unique_ptr<Rule>> defaultRules();

} // namespace fd::fission
