#pragma once

#include "fission/Finding.h"

#include <QHash>
#include <QList>
#include <QString>

// Which findings belong to which tenant and object, computed once per snapshot: the tree's
// status icons and the diagnostics panel ask per row, and findings are few while rows are many.

namespace fd {
namespace ui {

class FindingLookup
{
public:
    explicit FindingLookup(const QList<fd::fission::Finding> &findings = {});

    // Findings about the namespace itself or about an object in it.
    QList<const fd::fission::Finding *> forNamespace(const QString &namespaceName) const;
    // Findings whose subject, or one of whose symptoms, is this object (ObjectRef::key()).
    QList<const fd::fission::Finding *> forObject(const QString &objectKey) const;
    const QList<fd::fission::Finding> &all() const { return m_findings; }

    // -1 when there is none, else the worst fission::Severity as int.
    int worstForNamespace(const QString &namespaceName) const;
    int worstForObject(const QString &objectKey) const;
    int worst() const;

    // The namespace a finding is about ("" for cluster-wide ones): the namespace of its subject.
    static QString namespaceOf(const fd::fission::Finding &finding);

private:
    static int worstOf(const QList<qsizetype> &indexes, const QList<fd::fission::Finding> &findings);

    QList<fd::fission::Finding> m_findings;
    QHash<QString, QList<qsizetype>> m_byNamespace;
    QHash<QString, QList<qsizetype>> m_byObject;
};

} // namespace ui
} // namespace fd
