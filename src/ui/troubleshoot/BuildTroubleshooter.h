#pragma once

#include "engine/ClusterSnapshot.h"
#include "fission/BuildTimeline.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

// "Why is this build not done?" for one Package: its build timeline (BuildTimeline) as a vertical
// list of steps with icons and times, the step where it stopped highlighted with its explanation
// and the builder's output, and the actions that help: rebuild, open the builder's live log, edit
// the package or its environment (each disabled, with the missing permission named, when RBAC
// says no). Live: re-reads the timeline when the session publishes a change of the package's
// namespace, and every few seconds for the builder pods (which snapshots do not carry).
// A top-level window that deletes itself on close.
class BuildTroubleshooter : public QWidget
{
    Q_OBJECT
public:
    BuildTroubleshooter(fd::engine::ClusterSession *session, const QString &namespaceName, const QString &packageName,
                        QWidget *parent = nullptr);
    ~BuildTroubleshooter() override;

    // Opens (or raises) the troubleshooter of a package.
    static BuildTroubleshooter *open(fd::engine::ClusterSession *session, const QString &namespaceName,
                                     const QString &packageName, QWidget *parent = nullptr);

    const fd::fission::BuildTimeline &timeline() const { return m_timeline; }
    bool hasTimeline() const { return m_hasTimeline; }
    QString namespaceName() const { return m_namespace; }
    QString packageName() const { return m_package; }

public Q_SLOTS:
    // Reads the timeline again now.
    void reload();

Q_SIGNALS:
    // The timeline was (re)assembled and shown.
    void timelineShown();
    // A rebuild finished (ok, and the engine's message).
    void rebuildFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSnapshot(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);
    void showInput(const std::optional<fd::fission::BuildTimelineInput> &input);
    void render();
    QWidget *stepRow(const fd::fission::BuildStep &step, bool stoppedHere);
    void checkPermissions();
    void rebuild();
    void openBuilderLog();
    void edit(const QString &kind, const QString &ns, const QString &name);
    void retranslate();

    QPointer<fd::engine::ClusterSession> m_session;
    QString m_namespace;
    QString m_package;
    QString m_environmentNamespace;
    QString m_environmentName;
    QString m_builderNamespace;
    fd::fission::BuildTimeline m_timeline;
    bool m_hasTimeline = false;
    int m_request = 0;      // generation of the latest timeline request: older answers are dropped
    bool m_loading = false;
    bool m_dirty = false;   // a change arrived while a request ran

    QLabel *m_title;
    QLabel *m_verdict;
    QWidget *m_steps;
    QVBoxLayout *m_stepsLayout;
    QLabel *m_explanation;
    QPlainTextEdit *m_output;
    QPushButton *m_rebuild;
    QPushButton *m_log;
    QPushButton *m_editPackage;
    QPushButton *m_editEnvironment;
    QLabel *m_status;
    QTimer m_poll{this};
    bool m_canRebuild = true;
    QString m_rebuildMissing;
};

} // namespace ui
} // namespace fd
