#pragma once

#include "fission/Rule.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace fd::fission {

// Runs the rules and keeps their findings. Rules re-run only when something they depend on
// changed (a kind they read, or the install report) or when a threshold they reported passes
// (nextRecheck()); each evaluation returns what is new, resolved and changed since the last one.
//
// Incomplete evidence: when a rule's required kind cannot be read, the engine reports one
// "evidence-incomplete" finding (severity info) for the rule instead of letting it conclude
// from absence. A kind that is merely not synced yet (Unknown) makes the rule wait: its previous
// findings stay as they were.
class DiagnosticsEngine
{
public:
    explicit DiagnosticsEngine(std::vector<std::unique_ptr<Rule>> rules = defaultRules());
    ~DiagnosticsEngine();
    DiagnosticsEngine(const DiagnosticsEngine &) = delete;
    DiagnosticsEngine &operator=(const DiagnosticsEngine &) = delete;

    // Every rule.
    FindingsDiff evaluateAll(const RuleContext &context);
    // The rules that depend on one of `changedKinds`, or on the install when `installChanged`,
    // plus those whose recheck time has come.
    FindingsDiff evaluateChanged(const RuleContext &context, const QSet<GroupResource> &changedKinds, bool installChanged);
    // Only the rules whose recheck time has come (a timer tick).
    FindingsDiff evaluateDue(const RuleContext &context);

    // Current findings, sorted (errors first).
    QList<Finding> findings() const;
    // The earliest time a rule asked to be re-run; invalid when none.
    QDateTime nextRecheck() const;
    const std::vector<std::unique_ptr<Rule>> &rules() const { return m_rules; }
    // Ids of the rules the last evaluation ran (tests and benchmarks look at this).
    const QStringList &lastRun() const { return m_lastRun; }

    static QString evidenceIncompleteRuleId() { return QStringLiteral("evidence-incomplete"); }

private:
    FindingsDiff run(const RuleContext &context, const QList<const Rule *> &rules);

    struct RuleState {
        QList<Finding> findings;
        QDateTime recheck;
    };
    std::vector<std::unique_ptr<Rule>> m_rules;
    QHash<QString, RuleState> m_state; // by rule id
    QStringList m_lastRun;
};

} // namespace fd::fission
