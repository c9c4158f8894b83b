#pragma once

#include "FissionFixtures.h"

#include "fission/FissionModel.h"

#include <QStringList>

#include <optional>

// Evaluating rules over a hand-built cluster, and finding findings, for the rule tests.

namespace fd::fission::test {

inline QList<Finding> evaluate(const ClusterState &state, HelmReleaseReader *helm = nullptr, const RuleSettings &settings = {},
                               const QDateTime &now = testNow())
{
    FissionModel model(state, settings);
    model.setHelmReader(helm);
    model.refresh(now);
    return model.findings();
}

// A copy (findings lists are often temporaries in the tests).
inline std::optional<Finding> findFinding(const QList<Finding> &findings, const QString &ruleId, const QString &subjectEnd = {})
{
    for (const Finding &f : findings) {
        if (f.ruleId == ruleId && (subjectEnd.isEmpty() || f.subject.endsWith(subjectEnd)))
            return f;
    }
    return std::nullopt;
}

inline int countRule(const QList<Finding> &findings, const QString &ruleId)
{
    int n = 0;
    for (const Finding &f : findings)
        n += f.ruleId == ruleId ? 1 : 0;
    return n;
}

// "rule:subject" of every finding, for readable failure messages.
inline QString describe(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &f : findings)
        ids.append(f.id() + QStringLiteral(" [") + severityId(f.severity) + QStringLiteral("] ") + f.title);
    return ids.isEmpty() ? QStringLiteral("(no findings)") : ids.join(QStringLiteral("\n"));
}

inline QStringList symptomIds(const Finding &f)
{
    QStringList ids;
    for (const Symptom &s : f.symptoms)
        ids.append(s.id);
    return ids;
}

template<typename T>
const T *fixOf(const Finding &f)
{
    for (const FixAction &a : f.fixes) {
        if (const T *t = std::get_if<T>(&a))
            return t;
    }
    return nullptr;
}

} // namespace fd::fission::test
