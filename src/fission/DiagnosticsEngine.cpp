#include "fission/DiagnosticsEngine.h"

#include "fission/Tr.h"

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;

namespace fd::fission {

Rule::~Rule() = default;

DiagnosticsEngine::DiagnosticsEngine(std::vector<std::unique_ptr<Rule>> rules)
    : m_rules(std::move(rules))
{
}

DiagnosticsEngine::~DiagnosticsEngine() = default;

FindingsDiff DiagnosticsEngine::evaluateAll(const RuleContext &context)
{
    QList<const Rule *> all;
    for (const auto &r : m_rules)
        all.append(r.get());
    return run(context, all);
}

FindingsDiff DiagnosticsEngine::evaluateChanged(const RuleContext &context, const QSet<GroupResource> &changedKinds,
                                                bool installChanged)
{
    QList<const Rule *> selected;
    for (const auto &r : m_rules) {
        bool due = installChanged && r->dependsOnInstall();
        if (!due) {
            for (const KindInfo &k : r->dependsOn()) {
                if (changedKinds.contains(k.gr)) {
                    due = true;
                    break;
                }
            }
        }
        if (!due) {
            const QDateTime recheck = m_state.value(r->id()).recheck;
            due = recheck.isValid() && recheck <= context.now;
        }
        if (due)
            selected.append(r.get());
    }
    return run(context, selected);
}

FindingsDiff DiagnosticsEngine::evaluateDue(const RuleContext &context)
{
    return evaluateChanged(context, {}, false);
}

namespace {

// The gap finding for a rule that cannot see everything it needs.
Finding evidenceIncomplete(const Rule &rule, const QList<std::pair<KindInfo, KindCoverage>> &gaps)
{
    Finding f;
    f.ruleId = DiagnosticsEngine::evidenceIncompleteRuleId();
    f.subject = rule.id();
    f.severity = Severity::Info;
    QStringList names;
    for (const auto &[kind, coverage] : gaps) {
        names.append(kind.gr.toString());
        Evidence e;
        e.object.kind = kind.kind;
        e.object.group = kind.gr.group;
        e.object.name = kind.gr.toString();
        const QString state = coverage.state == KindCoverage::State::Partial
            ? translate("fd::fission", "readable only in %n namespace(s)", nullptr, int(coverage.namespaces.size()))
            : translate("fd::fission", "not readable");
        e.note = coverage.reason.isEmpty() ? state : state + u": "_s + coverage.reason;
        f.evidence.append(e);
    }
    f.title = translate("fd::fission", "Cannot fully check: %1").arg(rule.description());
    f.explanation = translate("fd::fission",
                              "This check needs to read %1, which your credentials do not fully allow. It reports "
                              "nothing it cannot prove, so problems of this kind may go unreported.")
                        .arg(names.join(u", "_s));
    return f;
}

} // namespace

FindingsDiff DiagnosticsEngine::run(const RuleContext &context, const QList<const Rule *> &rules)
{
    QList<Finding> before;
    QList<Finding> after;
    m_lastRun.clear();
    for (const Rule *rule : rules) {
        RuleState &state = m_state[rule->id()];
        QList<std::pair<KindInfo, KindCoverage>> gaps;
        bool waiting = false;
        for (const KindInfo &k : rule->requiredKinds()) {
            const KindCoverage c = context.state.coverage(k);
            if (c.state == KindCoverage::State::Unknown)
                waiting = true;
            else if (c.state == KindCoverage::State::Forbidden || c.state == KindCoverage::State::Partial)
                gaps.append({k, c});
        }
        if (waiting)
            continue; // not synced yet: keep what we had
        m_lastRun.append(rule->id());
        before += state.findings;
        RuleOutput out;
        bool blocked = false;
        for (const auto &[k, c] : gaps)
            blocked = blocked || c.state == KindCoverage::State::Forbidden;
        if (!blocked)
            rule->evaluate(context, out);
        state.findings = out.findings();
        if (!gaps.isEmpty())
            state.findings.append(evidenceIncomplete(*rule, gaps));
        state.recheck = out.recheck();
        after += state.findings;
    }
    FindingsDiff diff = diffFindings(before, after);
    sortFindings(diff.added);
    sortFindings(diff.resolved);
    sortFindings(diff.changed);
    return diff;
}

QList<Finding> DiagnosticsEngine::findings() const
{
    QList<Finding> all;
    for (const auto &r : m_rules)
        all += m_state.value(r->id()).findings;
    sortFindings(all);
    return all;
}

QDateTime DiagnosticsEngine::nextRecheck() const
{
    QDateTime next;
    for (const RuleState &s : m_state) {
        if (s.recheck.isValid() && (!next.isValid() || s.recheck < next))
            next = s.recheck;
    }
    return next;
}

} // namespace fd::fission
