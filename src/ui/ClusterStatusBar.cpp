#include "ClusterStatusBar.h"

#include "StatusIcons.h"
#include "TreeSpecBuilder.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>

using namespace Qt::StringLiterals;
using fd::engine::ConnectionState;

namespace fd {
namespace ui {

ClusterStatusBar::ClusterStatusBar(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this)), m_timer(new QTimer(this))
{
    setObjectName(u"clusterStatusBar"_s);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ClusterStatusBar::tick);
    m_timer->start();
}

QString ClusterStatusBar::describe(const fd::engine::ClusterSnapshot &s, const QDateTime &now)
{
    QString text = s.contextName + u": "_s + connectionStateText(s.connection.state);
    const bool stale = s.connection.state == ConnectionState::Reconnecting || s.connection.state == ConnectionState::Failed;
    if (stale && s.connection.dataAsOf.isValid()) {
        const qint64 seconds = std::max<qint64>(0, s.connection.dataAsOf.secsTo(now));
        if (seconds < 120)
            text += tr(", data from %n s ago", nullptr, int(seconds));
        else
            text += tr(", data from %n min ago", nullptr, int(seconds / 60));
    } else if (s.connection.state == ConnectionState::Reconnecting) {
        text += tr(", no data yet"); // the first attempts failed: say so rather than look empty
    }
    return text;
}

void ClusterStatusBar::update(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    Entry &entry = m_entries[snapshot->contextName];
    if (!entry.label) {
        entry.icon = new QLabel(this);
        entry.label = new QLabel(this);
        entry.label->setObjectName(u"clusterStatus:"_s + snapshot->contextName);
        // Before the trailing stretch: entries line up from the left.
        const int at = m_layout->count() - 1;
        m_layout->insertWidget(at, entry.label);
        m_layout->insertWidget(at, entry.icon);
        m_layout->insertSpacing(at + 2, 12);
    }
    entry.snapshot = snapshot;
    entry.icon->setPixmap(statusIcon(connectionStateIconId(snapshot->connection.state)).pixmap(14, 14));
    entry.label->setToolTip(snapshot->connection.message);
    entry.label->setText(describe(*snapshot, QDateTime::currentDateTimeUtc()));
}

void ClusterStatusBar::remove(const QString &contextName)
{
    const Entry entry = m_entries.take(contextName);
    delete entry.icon;
    delete entry.label;
}

QString ClusterStatusBar::text(const QString &contextName) const
{
    const Entry entry = m_entries.value(contextName);
    return entry.label ? entry.label->text() : QString();
}

void ClusterStatusBar::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.snapshot && entry.label)
            entry.label->setText(describe(*entry.snapshot, now));
    }
}

} // namespace ui
} // namespace fd

#include "moc_ClusterStatusBar.cpp"
