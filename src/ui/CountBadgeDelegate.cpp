#include "CountBadgeDelegate.h"

#include "TreeRoles.h"

#include <QApplication>
#include <QPainter>

namespace fd {
namespace ui {

namespace {
QRect badgeRect(const QStyleOptionViewItem &option, const QString &text)
{
    const QFontMetrics fm(option.font);
    const int w = fm.horizontalAdvance(text) + fm.height() / 2 + 4;
    const int h = fm.height() - 2;
    return QRect(option.rect.right() - w - 4, option.rect.center().y() - h / 2, w, h);
}
} // namespace

void CountBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int count = index.data(CountRole).toInt();
    if (count < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = QString::number(count);
    const QRect badge = badgeRect(option, text);
    // The row's background (selection, hover) spans the badge too.
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &full, painter, widget);
    QStyleOptionViewItem rest = option;
    rest.rect.setRight(badge.left() - 4);
    QStyledItemDelegate::paint(painter, rest, index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    QColor fill = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Mid);
    fill.setAlpha(selected ? 70 : 110);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize CountBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int count = index.data(CountRole).toInt();
    if (count >= 0)
        size.rwidth() += QFontMetrics(option.font).horizontalAdvance(QString::number(count)) + 24;
    return size;
}

} // namespace ui
} // namespace fd

#include "moc_CountBadgeDelegate.cpp"
