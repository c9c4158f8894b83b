#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace fd::kube {
class RestClient;
}

// The step list a dialog shows for a long operation: each step has a title, a state and the
// latest message. Subclasses (OnboardingRun, TenantRun) add their steps and advance them; this
// class keeps the bookkeeping, the signals and the polling helpers.

namespace fd::engine::onboarding {

enum class StepState { Pending, Running, Done, Failed, Skipped, Cancelled };
QString stepStateId(StepState state); // "pending", "running", … (stable)

struct RunStep {
    QString id;    // stable: "check-release", "create-namespace:test", "upgrade", …
    QString title; // translated
    StepState state = StepState::Pending;
    QString message; // the latest progress or error text (translated)
    bool cancellable = true; // cancelling while it runs is safe
};

class StepRunner : public QObject {
    Q_OBJECT
public:
    explicit StepRunner(fd::kube::RestClient *rest, QObject *parent = nullptr);
    ~StepRunner() override;

    const QList<RunStep> &steps() const { return m_steps; }
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    // The current step can be stopped safely (not in the middle of helm upgrade/rollback).
    bool canCancel() const;
    // Stops after the current request where that is safe; finished(false) follows.
    void cancel();
    // The message of the first failed step (translated), empty when none failed.
    QString failureMessage() const;

    // Poll intervals and limits (tests shorten nothing: they only need generous limits).
    int pollIntervalMs = 1000;
    int rolloutTimeoutMs = 10 * 60 * 1000;
    int readyTimeoutMs = 3 * 60 * 1000;

Q_SIGNALS:
    void stepChanged(int index, fd::engine::onboarding::StepState state, const QString &message);
    void finished(bool success);

protected:
    int addStep(const QString &id, const QString &title, bool cancellable = true);
    void setStep(int index, StepState state, const QString &message = {});
    void note(int index, const QString &message); // new message, same state
    int currentStep() const { return m_current; }
    void beginRun();
    // Starts step `index` (Running) and calls `work`.
    void runStep(int index, const std::function<void()> &work);
    // The current step failed: the run ends (later steps stay pending).
    void failStep(const QString &message);
    void finishRun(bool success);
    bool cancelRequested() const { return m_cancelRequested; }
    // Calls `check` every pollIntervalMs until it calls its argument with true (done); gives up
    // with `timeoutMessage` after timeoutMs. Stops quietly when the run was cancelled.
    void poll(int timeoutMs, const QString &timeoutMessage,
              const std::function<void(const std::function<void(bool done)> &)> &check, const std::function<void()> &next);
    // Polls `path` until GET answers 404.
    void waitUntilGone(const QString &path, const QString &timeoutMessage, const std::function<void()> &next);

    fd::kube::RestClient *m_rest = nullptr;

private:
    void handleCancel();

    QList<RunStep> m_steps;
    int m_current = -1;
    bool m_running = false;
    bool m_finished = false;
    bool m_succeeded = false;
    bool m_cancelRequested = false;
    QTimer *m_timer = nullptr;
};

} // namespace fd::engine::onboarding

Q_DECLARE_METATYPE(fd::engine::onboarding::StepState)
