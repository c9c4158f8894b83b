#pragma once

#include "engine/ClusterSnapshot.h"
#include "TreeRoles.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace fd {
namespace ui {

class ClusterHandle;
class YamlHighlighter;

// What the details pane shows: a cluster, a tenant, or one object.
struct Selection {
    NodeType type = NodeType::Root;
    QString context;
    QString namespaceName;
    fd::fission::ObjectRef object; // for NodeType::Object
    bool operator==(const Selection &other) const
    {
        return type == other.type && context == other.context && namespaceName == other.namespaceName && object == other.object;
    }
};

// The right-hand pane: an overview per kind (with related objects as links), the object's
// events (from the session, when it offers them) and its YAML with a Copy button.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);
    ~DetailsPane() override;

    // A new selection (handle may be null in tests without a session).
    void show(const Selection &selection, const fd::engine::ClusterSnapshotPtr &snapshot, ClusterHandle *handle);
    // The same selection with a newer snapshot: re-renders only what changed.
    void refresh(const fd::engine::ClusterSnapshotPtr &snapshot);
    // A newer snapshot that cannot change what is shown: kept for what comes next, not drawn.
    void keep(const fd::engine::ClusterSnapshotPtr &snapshot) { m_snapshot = snapshot; }
    const Selection &selection() const { return m_selection; }
    QString overviewText() const;
    QString yamlText() const;

Q_SIGNALS:
    void objectLinkActivated(const QString &context, const fd::fission::ObjectRef &ref);
    // "Why is this build not done?" on a Package (the build troubleshooter, src/ui/troubleshoot).
    void buildTroubleshooterRequested(const QString &context, const fd::fission::ObjectRef &package);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void loadEvents();
    void copyYaml();

    Selection m_selection;
    fd::engine::ClusterSnapshotPtr m_snapshot;
    QPointer<ClusterHandle> m_handle;
    QString m_lastHtml;
    QString m_lastYaml;
    int m_eventsRequest = 0;

    QLabel *m_title;
    QTabWidget *m_tabs;
    QTextBrowser *m_overview;
    QPlainTextEdit *m_yaml;
    QPushButton *m_copy;
    QPushButton *m_whyBuild = nullptr;
    QTreeWidget *m_events;
    QLabel *m_eventsNote;
    YamlHighlighter *m_highlighter;
};

} // namespace ui
} // namespace fd
