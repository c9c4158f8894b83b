#pragma once

#include <QStyledItemDelegate>

namespace fd {
namespace ui {

// Paints a row's count (CountRole) as a rounded badge at the right end of the name column.
class CountBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ui
} // namespace fd
