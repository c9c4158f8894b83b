#pragma once

#include "OnboardingEnvironment.h"
#include "helm/HelmRunner.h"
#include "helm/ReleaseHistory.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

// The history of the Fission release (legacy clusters) in the onboarding dialog: every stored
// revision (revision, updated, status, chart, app version, description, newest first), the user
// values of the selected one, a coloured line diff between any two revisions or between the
// values being edited and a revision, and "Roll back to this revision": a confirmation that says
// which workloads restart and which namespaces change (from the two stored manifests), then
// `helm rollback --wait` through HelmRunner with its progress and result.

namespace fd {
namespace ui {

class DiffView;
class YamlHighlighter;

class ReleaseHistoryView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int EditedValues = -1; // the "from"/"to" choice for the editor's text

    explicit ReleaseHistoryView(QWidget *parent = nullptr);
    ~ReleaseHistoryView() override;

    void setRevisions(const fd::helm::ReleaseRevisions &revisions);
    const std::optional<fd::helm::ReleaseRevisions> &revisions() const { return m_revisions; }
    // The editor's text, offered as a side of the diff.
    void setEditedValues(const QString &text);
    void setHelmSettings(const fd::helm::HelmRunnerSettings &settings) { m_helm = settings; }

    // Asks before rolling back (a QMessageBox by default; tests replace it).
    ConfirmQuestion confirm;

    void selectRevision(int version);
    int selectedRevision() const; // 0 when none
    // Shows the diff from `from` to `to` (revisions, or EditedValues) on the diff tab.
    void compare(int from, int to);
    // The edited values against the upgrade base (deployed) revision.
    void compareEditedWithDeployed();
    void rollBackToSelected();
    bool isRollingBack() const { return m_job != nullptr; }
    // The question the last rollback confirmation asked (for tests), and the last result shown.
    QString lastQuestion() const { return m_lastQuestion; }
    QString statusText() const;

    QTreeWidget *historyTree() const { return m_tree; }
    QPlainTextEdit *valuesView() const { return m_values; }
    DiffView *diffView() const { return m_diff; }
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }
    QPushButton *rollbackButton() const { return m_rollback; }
    QTabWidget *detailTabs() const { return m_tabs; }

Q_SIGNALS:
    void rollbackStarted(int revision);
    // After helm finished (the dialog re-reads the release then).
    void rollbackFinished(bool success, const QString &message);

private:
    void fillTree();
    void fillChoices();
    void showSelected();
    void showChosenDiff();
    QString textOf(int choice) const;
    QString labelOf(int choice) const;
    QString rollbackQuestion(const fd::helm::Release &current, const fd::helm::Release &target) const;

    std::optional<fd::helm::ReleaseRevisions> m_revisions;
    QString m_edited;
    bool m_haveEdited = false;
    fd::helm::HelmRunnerSettings m_helm;
    QPointer<fd::helm::HelmRunner> m_runner;
    QPointer<fd::helm::HelmJob> m_job;
    QString m_lastQuestion;

    QTreeWidget *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_values = nullptr;
    YamlHighlighter *m_highlighter = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    DiffView *m_diff = nullptr;
    QPushButton *m_rollback = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ui
} // namespace fd
