#include "TreeFilterProxy.h"

#include "TreeRoles.h"

namespace fd {
namespace ui {

TreeFilterProxy::TreeFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterRole(FilterTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void TreeFilterProxy::setFilterWords(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool TreeFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString text = sourceModel()->index(sourceRow, 0, sourceParent).data(FilterTextRole).toString();
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace ui
} // namespace fd

#include "moc_TreeFilterProxy.cpp"
