#include "engine/onboarding/StepRunner.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingTr.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

QString stepStateId(StepState state)
{
    switch (state) {
    case StepState::Pending: return u"pending"_s;
    case StepState::Running: return u"running"_s;
    case StepState::Done: return u"done"_s;
    case StepState::Failed: return u"failed"_s;
    case StepState::Skipped: return u"skipped"_s;
    case StepState::Cancelled: return u"cancelled"_s;
    }
    return u"pending"_s;
}

StepRunner::StepRunner(fd::kube::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<fd::engine::onboarding::StepState>();
    m_timer->setSingleShot(true);
}

StepRunner::~StepRunner() = default;

bool StepRunner::canCancel() const
{
    if (!m_running)
        return false;
    return m_current < 0 || m_current >= m_steps.size() || m_steps.at(m_current).cancellable;
}

void StepRunner::cancel()
{
    if (!canCancel())
        return;
    m_cancelRequested = true;
    // A poll that waits for its timer stops now; a request in flight stops when it answers.
    if (m_timer->isActive()) {
        m_timer->stop();
        handleCancel();
    }
}

void StepRunner::handleCancel()
{
    if (m_current >= 0 && m_current < m_steps.size())
        setStep(m_current, StepState::Cancelled, OnboardingText::tr("cancelled"));
    finishRun(false);
}

QString StepRunner::failureMessage() const
{
    for (const RunStep &step : m_steps) {
        if (step.state == StepState::Failed)
            return step.message;
    }
    return {};
}

int StepRunner::addStep(const QString &id, const QString &title, bool cancellable)
{
    m_steps.append({id, title, StepState::Pending, {}, cancellable});
    return int(m_steps.size()) - 1;
}

void StepRunner::setStep(int index, StepState state, const QString &message)
{
    if (index < 0 || index >= m_steps.size())
        return;
    RunStep &step = m_steps[index];
    step.state = state;
    if (!message.isNull())
        step.message = message;
    Q_EMIT stepChanged(index, state, step.message);
}

void StepRunner::note(int index, const QString &message)
{
    if (index < 0 || index >= m_steps.size() || m_steps.at(index).message == message)
        return;
    m_steps[index].message = message;
    Q_EMIT stepChanged(index, m_steps.at(index).state, message);
}

void StepRunner::beginRun()
{
    m_running = true;
    m_finished = false;
    m_succeeded = false;
    m_cancelRequested = false;
}

void StepRunner::runStep(int index, const std::function<void()> &work)
{
    if (m_cancelRequested) {
        m_current = index;
        handleCancel();
        return;
    }
    m_current = index;
    setStep(index, StepState::Running, QString(u""_s));
    work();
}

void StepRunner::failStep(const QString &message)
{
    setStep(m_current, StepState::Failed, message);
    finishRun(false);
}

void StepRunner::finishRun(bool success)
{
    if (!m_running)
        return;
    m_running = false;
    m_finished = true;
    m_succeeded = success;
    m_timer->stop();
    Q_EMIT finished(success);
}

void StepRunner::poll(int timeoutMs, const QString &timeoutMessage,
                      const std::function<void(const std::function<void(bool)> &)> &check, const std::function<void()> &next)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto attempt = std::make_shared<std::function<void()>>();
    // The shared function refers to itself only weakly, so it dies with the last pending call.
    std::weak_ptr<std::function<void()>> weakAttempt = attempt;
    *attempt = [this, clock, weakAttempt, timeoutMs, timeoutMessage, check, next] {
        if (!m_running)
            return;
        if (m_cancelRequested) {
            handleCancel();
            return;
        }
        auto self = weakAttempt.lock();
        check([this, clock, self, timeoutMs, timeoutMessage, next](bool done) {
            if (!m_running)
                return;
            if (done) {
                next();
                return;
            }
            if (m_cancelRequested) {
                handleCancel();
                return;
            }
            if (clock->elapsed() > timeoutMs) {
                failStep(timeoutMessage);
                return;
            }
            m_timer->disconnect();
            connect(m_timer, &QTimer::timeout, this, [self] { (*self)(); });
            m_timer->start(pollIntervalMs);
        });
    };
    (*attempt)();
}

void StepRunner::waitUntilGone(const QString &path, const QString &timeoutMessage, const std::function<void()> &next)
{
    poll(readyTimeoutMs, timeoutMessage, [this, path](const std::function<void(bool)> &done) {
        getObject(m_rest, this, path, [this, done](const ObjectResult &result) {
            if (!result && result.error().kind == fd::kube::ErrorKind::NotFound) {
                done(true);
                return;
            }
            if (result) {
                const QJsonObject json = result->toJsonObject();
                const QJsonArray finalizers = json.value(u"metadata"_s).toObject().value(u"finalizers"_s).toArray();
                QStringList names;
                for (const QJsonValue &finalizer : finalizers)
                    names.append(finalizer.toString());
                note(currentStep(), names.isEmpty() ? OnboardingText::tr("waiting for the deletion to finish")
                                                    : OnboardingText::tr("waiting for finalizers: %1").arg(names.join(u", "_s)));
            }
            done(false);
        });
    }, next);
}

} // namespace fd::engine::onboarding

#include "moc_StepRunner.cpp"
