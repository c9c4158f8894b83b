#pragma once

#include "engine/ClusterSnapshot.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace fd {
namespace ui {

class ClusterHandle;

// The findings of the selected cluster (all) or tenant (those about its namespace), grouped by
// severity: title, explanation, symptoms and one button per fix the cluster can carry out. A fix
// the user's RBAC forbids is disabled, with the missing permission in its tooltip.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);
    ~DiagnosticsPanel() override;

    // namespaceName empty: the whole cluster.
    void setScope(const QString &context, const QString &namespaceName, const fd::engine::ClusterSnapshotPtr &snapshot,
                  ClusterHandle *handle);
    void refresh(const fd::engine::ClusterSnapshotPtr &snapshot);
    QString context() const { return m_context; }
    // Whether the UI can show an object (an "inspect" fix is offered only then).
    void setInspectable(std::function<bool(const QString &context, const fd::fission::ObjectRef &ref)> inspectable)
    {
        m_inspectable = std::move(inspectable);
    }
    QStringList shownFindingIds() const { return m_shownIds; }

Q_SIGNALS:
    void inspectRequested(const QString &context, const fd::fission::ObjectRef &ref);
    void fixFinished(bool ok, const QString &message);

private:
    QList<fd::fission::Finding> findingsInScope() const;
    void rebuild(const QList<fd::fission::Finding> &findings);
    QWidget *card(const fd::fission::Finding &finding);
    QPushButton *fixButton(const fd::fission::Finding &finding, const fd::fission::FixAction &action);
    void runFix(QPushButton *button, const QString &findingId, const fd::fission::FixAction &action);

    QString m_context;
    QString m_namespace;
    fd::engine::ClusterSnapshotPtr m_snapshot;
    QPointer<ClusterHandle> m_handle;
    QList<fd::fission::Finding> m_shown;
    QStringList m_shownIds;
    fd::engine::ConnectionState m_shownState = fd::engine::ConnectionState::Connecting;
    QString m_shownMessage;
    QHash<QString, QString> m_lastResult; // finding id → message of the last fix run from here
    std::function<bool(const QString &, const fd::fission::ObjectRef &)> m_inspectable;
    int m_generation = 0; // drops permission answers for cards that were rebuilt

    QLabel *m_header;
    QWidget *m_content;
    QVBoxLayout *m_list;
};

} // namespace ui
} // namespace fd
