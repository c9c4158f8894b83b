#include "FindingLookup.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::Finding;

namespace fd {
namespace ui {

FindingLookup::FindingLookup(const QList<Finding> &findings) : m_findings(findings)
{
    for (qsizetype i = 0; i < m_findings.size(); ++i) {
        const Finding &f = m_findings[i];
        const QString ns = namespaceOf(f);
        if (!ns.isEmpty())
            m_byNamespace[ns].append(i);
        QList<QString> keys{f.subject};
        for (const fd::fission::Symptom &s : f.symptoms) {
            if (!s.object.isNull())
                keys.append(s.object.key());
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys))
            m_byObject[key].append(i);
    }
}

QString FindingLookup::namespaceOf(const Finding &finding)
{
    // The subject is an ObjectRef key; the evidence or symptoms carry the same ref with its
    // namespace, which avoids parsing keys whose group part may itself contain slashes.
    if (finding.subject.startsWith("Namespace/"_L1))
        return finding.subject.mid(10);
    for (const fd::fission::Evidence &e : finding.evidence) {
        if (e.object.key() == finding.subject)
            return e.object.namespaceName;
    }
    for (const fd::fission::Symptom &s : finding.symptoms) {
        if (s.object.key() == finding.subject)
            return s.object.namespaceName;
    }
    return {};
}

QList<const Finding *> FindingLookup::forNamespace(const QString &namespaceName) const
{
    QList<const Finding *> out;
    for (qsizetype i : m_byNamespace.value(namespaceName))
        out.append(&m_findings[i]);
    return out;
}

QList<const Finding *> FindingLookup::forObject(const QString &objectKey) const
{
    QList<const Finding *> out;
    for (qsizetype i : m_byObject.value(objectKey))
        out.append(&m_findings[i]);
    return out;
}

int FindingLookup::worstOf(const QList<qsizetype> &indexes, const QList<Finding> &findings)
{
    int worst = -1;
    for (qsizetype i : indexes)
        worst = std::max(worst, static_cast<int>(findings[i].severity));
    return worst;
}

int FindingLookup::worstForNamespace(const QString &namespaceName) const
{
    return worstOf(m_byNamespace.value(namespaceName), m_findings);
}

int FindingLookup::worstForObject(const QString &objectKey) const
{
    return worstOf(m_byObject.value(objectKey), m_findings);
}

int FindingLookup::worst() const
{
    int worst = -1;
    for (const Finding &f : m_findings)
        worst = std::max(worst, static_cast<int>(f.severity));
    return worst;
}

} // namespace ui
} // namespace fd
