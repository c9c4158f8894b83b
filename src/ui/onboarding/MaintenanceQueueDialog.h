#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace fd::engine::onboarding {
class MaintenanceQueue;
}

// Tools → Maintenance queue…: what is queued for each cluster's next maintenance window
// (MaintenanceQueue), with the batch's time (local time shown, stored UTC) and the last failure.
// The admin adds or removes entries, schedules or unschedules the batch, and asks to plan it or
// apply it now — those two open the onboarding dialog, which the dialog leaves to its owner
// (planRequested/applyRequested). The list is rebuilt whenever the queue changes.

namespace fd {
namespace ui {

class MaintenanceQueueDialog : public QDialog
{
    Q_OBJECT
public:
    // knownContexts: the app's clusters, offered for new entries besides those already queued.
    MaintenanceQueueDialog(fd::engine::onboarding::MaintenanceQueue *queue, const QStringList &knownContexts,
                           QWidget *parent = nullptr);
    ~MaintenanceQueueDialog() override;

    QString selectedContext() const;
    void selectContext(const QString &context);
    // Focuses the time field with a proposal (an hour from now), e.g. to reschedule a missed window.
    void proposeReschedule(const QString &context);

    // The widgets tests drive.
    QTreeWidget *tree() const { return m_tree; }
    QComboBox *contextBox() const { return m_contextBox; }
    QLineEdit *namespacesEdit() const { return m_namespacesEdit; }
    QPushButton *queueAddButton() const { return m_queueAdd; }
    QPushButton *queueRemoveButton() const { return m_queueRemove; }
    QPushButton *dequeueButton() const { return m_dequeue; }
    QDateTimeEdit *timeEdit() const { return m_timeEdit; }
    QPushButton *scheduleButton() const { return m_schedule; }
    QPushButton *unscheduleButton() const { return m_unschedule; }
    QPushButton *planButton() const { return m_plan; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    void planRequested(const QString &context);
    void applyRequested(const QString &context);

private:
    void rebuild();
    void updateButtons();
    void enqueue(bool add);
    void showError(const QString &message);

    fd::engine::onboarding::MaintenanceQueue *m_queue = nullptr;
    QStringList m_knownContexts;
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_contextBox = nullptr;
    QLineEdit *m_namespacesEdit = nullptr;
    QPushButton *m_queueAdd = nullptr;
    QPushButton *m_queueRemove = nullptr;
    QPushButton *m_dequeue = nullptr;
    QDateTimeEdit *m_timeEdit = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_unschedule = nullptr;
    QPushButton *m_plan = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ui
} // namespace fd
