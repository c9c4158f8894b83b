#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace fd {
namespace ui {

// The filter box: every word must appear in a row's name, kind or status (case-insensitive).
// Filtering is recursive: a matching object keeps its tenant and context visible.
class TreeFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TreeFilterProxy(QObject *parent = nullptr);
    void setFilterWords(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace ui
} // namespace fd
