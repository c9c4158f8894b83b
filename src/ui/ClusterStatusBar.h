#pragma once

#include "engine/ClusterSnapshot.h"

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTimer;

namespace fd {
namespace ui {

// One entry per cluster in the status bar: its connection and sync state, and how old the data
// is while a watch is down ("reconnecting, data from 12 s ago"), ticking every second.
class ClusterStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit ClusterStatusBar(QWidget *parent = nullptr);
    void update(const fd::engine::ClusterSnapshotPtr &snapshot);
    void remove(const QString &contextName);
    // The text shown for a cluster (tests).
    QString text(const QString &contextName) const;
    static QString describe(const fd::engine::ClusterSnapshot &snapshot, const QDateTime &now);

private:
    void tick();

    struct Entry {
        fd::engine::ClusterSnapshotPtr snapshot;
        QLabel *icon = nullptr;
        QLabel *label = nullptr;
    };
    QHash<QString, Entry> m_entries;
    QHBoxLayout *m_layout;
    QTimer *m_timer;
};

} // namespace ui
} // namespace fd
