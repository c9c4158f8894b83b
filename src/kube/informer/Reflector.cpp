#include "kube/informer/Reflector.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fd::kube {

namespace {

// A watch that ends cleanly this soon without delivering anything is treated as a failure, so
// that a server closing watches at once cannot make us spin (client-go: "very short watch").
constexpr qint64 ShortWatchMs = 1000;

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<fd::kube::ReflectorStatus>();
        qRegisterMetaType<fd::kube::KubeError>();
        qRegisterMetaType<fd::kube::Delta>();
        qRegisterMetaType<QList<fd::kube::Delta>>();
        return true;
    }();
    Q_UNUSED(done);
}

KubeError reflectorError(ErrorKind kind, const char *text)
{
    KubeError error;
    error.kind = kind;
    error.message = QCoreApplication::translate("fd::kube::Reflector", text);
    return error;
}

} // namespace

Reflector::Reflector(std::unique_ptr<ListWatchSource> source, ReflectorOptions options, Timing timing, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_options(std::move(options))
    , m_timing(std::move(timing))
{
    registerMetaTypes();
    if (!m_options.random)
        m_options.random = [] { return QRandomGenerator::global()->generateDouble(); };
    m_backoff = Backoff(m_options.backoff, m_options.random);
    m_clock.start();
    if (!m_timing.nowMs)
        m_timing.nowMs = [this] { return m_clock.elapsed(); };
    if (!m_timing.wakeAfterMs) {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &Reflector::wake);
        m_timing.wakeAfterMs = [this](qint64 delay) { m_timer.start(int(std::clamp<qint64>(delay, 0, qint64(1) << 30))); };
    }
}

Reflector::~Reflector()
{
    cancelCall();
}

QString Reflector::describe() const
{
    return m_source->describe();
}

// --- control -----------------------------------------------------------------------------------

void Reflector::start()
{
    m_retryPending = false;
    m_backoff.reset();
    cancelCall();
    if (!m_status.synced)
        m_status.staleReason = StaleReason::NotSynced;
    startSync();
}

void Reflector::relist()
{
    m_retryPending = false;
    cancelCall();
    startSync();
}

void Reflector::stop()
{
    m_retryPending = false;
    cancelCall();
    m_listItems.clear();
    m_initialEvents.reset();
    m_status.lastError.reset();
    setPhase(ReflectorPhase::Stopped, StaleReason::Stopped);
}

void Reflector::wake()
{
    if (!m_retryPending)
        return;
    const qint64 now = m_timing.nowMs();
    if (now < m_retryAtMs) {
        m_timing.wakeAfterMs(m_retryAtMs - now);
        return;
    }
    m_retryPending = false;
    m_status.nextAttemptMs.reset();
    m_status.nextAttemptAt = QDateTime();
    if (m_next == Next::Watch && m_status.synced)
        startWatch();
    else
        startSync();
}

void Reflector::cancelCall()
{
    ++m_generation;
    m_call.reset();
}

// --- LIST --------------------------------------------------------------------------------------

void Reflector::startSync()
{
    // Whether to try a watch-list is decided afresh on every (re)list, as client-go does.
    if (m_options.watchList == WatchListMode::Prefer)
        startWatchList();
    else
        startList();
}

void Reflector::startList()
{
    m_initialEvents.reset();
    m_listItems.clear();
    m_listResourceVersion.clear();
    m_continue.clear();
    requestPage();
}

void Reflector::requestPage()
{
    cancelCall();
    // Every LIST asks for the most recent state (resourceVersion unset: a consistent read).
    // client-go lists from "0" (any cached state) first; a GUI showing what is true prefers the
    // current state, and apiservers since 1.31 serve consistent reads from their cache anyway.
    ListPageOptions options;
    options.limit = m_unpaged ? 0 : m_options.pageSize;
    options.continueToken = m_continue;
    const quint64 generation = m_generation;
    ++m_counters.listRequests;
    m_call = m_source->list(options, [this, generation](const Expected<ObjectList, KubeError> &page) {
        onPage(generation, page);
    });
    setPhase(ReflectorPhase::Listing, m_status.staleReason);
}

void Reflector::onPage(quint64 generation, const Expected<ObjectList, KubeError> &page)
{
    if (generation != m_generation)
        return;
    if (!page) {
        if (page.error().kind == ErrorKind::Gone && !m_continue.isEmpty()) {
            // The continue token expired (its snapshot was compacted): start over with one
            // unpaged LIST, as client-go's pager does; the pages so far are thrown away.
            m_unpaged = true;
            ++m_counters.expiredContinues;
            startList();
            return;
        }
        m_unpaged = false;
        fail(page.error(), Next::List);
        return;
    }
    if (m_continue.isEmpty()) // the first page: all pages share its snapshot
        m_listResourceVersion = page->resourceVersion;
    m_listItems.append(page->items);
    m_continue = page->continueToken;
    if (!m_continue.isEmpty())
        requestPage();
    else
        finishList();
}

void Reflector::finishList()
{
    const QList<KubeObject> items = std::exchange(m_listItems, {});
    m_unpaged = false;
    ++m_counters.lists;
    const QList<Delta> deltas = m_store.replace(items, m_listResourceVersion);
    m_status.synced = true;
    const quint64 generation = m_generation;
    publish(deltas);
    if (generation != m_generation)
        return; // a slot stopped or restarted us
    Q_EMIT synced();
    if (generation != m_generation)
        return;
    startWatch();
}

// --- WATCH -------------------------------------------------------------------------------------

int Reflector::randomWatchTimeoutSeconds()
{
    const int low = std::max(1, m_options.minWatchTimeoutSeconds);
    const int high = std::max(low, m_options.maxWatchTimeoutSeconds);
    const double random = std::clamp(m_options.random(), 0.0, 1.0);
    return std::min(high, low + int(std::floor(random * double(high - low + 1))));
}

void Reflector::startWatchList()
{
    m_initialEvents = std::make_unique<ObjectStore>();
    WatchStreamOptions options;
    // No resourceVersion: the most recent state (kube-protocol.md §4, as client-go's first
    // watch-list; after a 410 it would send "" too).
    options.sendInitialEvents = true;
    options.resourceVersionMatch = u"NotOlderThan"_s;
    options.allowBookmarks = true;
    options.timeoutSeconds = randomWatchTimeoutSeconds();
    options.idleTimeoutMs = (options.timeoutSeconds + m_options.idleMarginSeconds) * 1000;
    openWatch(options);
    setPhase(ReflectorPhase::Listing, m_status.staleReason);
}

void Reflector::startWatch()
{
    WatchStreamOptions options;
    options.resourceVersion = m_store.resourceVersion();
    options.allowBookmarks = true;
    options.timeoutSeconds = randomWatchTimeoutSeconds();
    options.idleTimeoutMs = (options.timeoutSeconds + m_options.idleMarginSeconds) * 1000;
    openWatch(options);
    setPhase(ReflectorPhase::Watching, m_status.staleReason);
}

void Reflector::openWatch(const WatchStreamOptions &options)
{
    cancelCall();
    const quint64 generation = m_generation;
    ++m_counters.watchRequests;
    m_watchStartedMs = m_timing.nowMs();
    m_watchReceived = false;
    ListWatchSource::WatchHandlers handlers;
    handlers.opened = [this, generation] { onWatchOpened(generation); };
    handlers.events = [this, generation](const QList<WatchEvent> &events) { onWatchEvents(generation, events); };
    handlers.closed = [this, generation](const std::optional<KubeError> &error) { onWatchClosed(generation, error); };
    m_call = m_source->watch(options, std::move(handlers));
}

void Reflector::onWatchOpened(quint64 generation)
{
    if (generation != m_generation || m_initialEvents)
        return;
    becameLive();
}

void Reflector::onWatchEvents(quint64 generation, const QList<WatchEvent> &events)
{
    if (generation != m_generation)
        return;
    m_watchReceived = true;
    QList<Delta> deltas;
    for (const WatchEvent &event : events) {
        if (event.type == WatchEventType::Error) {
            publish(deltas);
            if (generation == m_generation)
                watchFailed(event.error);
            return;
        }
        if (m_initialEvents) {
            if (event.type == WatchEventType::Bookmark && event.initialEventsEnd) {
                finishWatchList(event.resourceVersion);
                if (generation != m_generation)
                    return;
            } else {
                m_initialEvents->apply(event);
            }
            continue;
        }
        if (const std::optional<Delta> delta = m_store.apply(event))
            deltas.append(*delta);
    }
    // The store has changed: publish before anything else can react (and, say, stop us).
    publish(deltas);
    if (generation == m_generation && !m_initialEvents && m_status.staleReason != StaleReason::None)
        becameLive(); // the source could not tell when the watch opened: events prove it
}

void Reflector::onWatchClosed(quint64 generation, const std::optional<KubeError> &error)
{
    if (generation != m_generation)
        return;
    if (error) {
        watchFailed(*error);
        return;
    }
    if (m_initialEvents) {
        watchFailed(reflectorError(ErrorKind::ServerError,
                                   QT_TRANSLATE_NOOP("fd::kube::Reflector",
                                                     "the watch-list ended before its initial-events-end bookmark")));
        return;
    }
    if (!m_watchReceived && m_timing.nowMs() - m_watchStartedMs < ShortWatchMs) {
        fail(reflectorError(ErrorKind::ServerError,
                            QT_TRANSLATE_NOOP("fd::kube::Reflector", "the server closed the watch at once without events")),
             Next::Watch);
        return;
    }
    // A clean end (the server's timeoutSeconds): not an error. Watch again from where we are.
    startWatch();
}

void Reflector::watchFailed(const KubeError &error)
{
    if (m_initialEvents) {
        m_initialEvents.reset();
        // client-go backs off and retries the watch-list on throttling and refused connections;
        // anything else (422 from a server without watch-list, 5xx, a stream that ended early)
        // falls back to a LIST at once.
        const bool retryWatchList = error.kind == ErrorKind::TooManyRequests || error.kind == ErrorKind::Transport
            || error.kind == ErrorKind::Forbidden || error.kind == ErrorKind::Unauthorized;
        if (retryWatchList) {
            fail(error, Next::List);
            return;
        }
        startList();
        return;
    }
    // 410 (HTTP or ERROR event; "too large resource version" maps to Gone as well): our RV is
    // no longer served, relist. Everything else: watch again from the RV we have.
    fail(error, error.kind == ErrorKind::Gone ? Next::List : Next::Watch);
}

void Reflector::finishWatchList(const QString &resourceVersion)
{
    const QList<KubeObject> items = m_initialEvents->items();
    const QString rv = resourceVersion.isEmpty() ? m_initialEvents->resourceVersion() : resourceVersion;
    m_initialEvents.reset();
    ++m_counters.watchListSyncs;
    const QList<Delta> deltas = m_store.replace(items, rv);
    m_status.synced = true;
    const quint64 generation = m_generation;
    publish(deltas);
    if (generation != m_generation)
        return;
    becameLive();
    if (generation != m_generation)
        return;
    Q_EMIT synced();
}

// --- failures and status -----------------------------------------------------------------------

void Reflector::fail(const KubeError &error, Next next)
{
    cancelCall();
    m_initialEvents.reset();
    m_listItems.clear();
    ++m_counters.failures;
    const qint64 now = m_timing.nowMs();
    qint64 delay = m_backoff.nextDelayMs(now);
    if (error.kind == ErrorKind::TooManyRequests && error.retryAfterSeconds > 0)
        delay = std::max(delay, qint64(error.retryAfterSeconds) * 1000);

    m_status.lastError = error;
    m_status.staleReason = staleReasonFor(error);
    const bool isForbidden = error.kind == ErrorKind::Forbidden;
    m_status.phase = isForbidden ? ReflectorPhase::Forbidden : ReflectorPhase::Backoff;
    if (isForbidden && !m_options.retryForbidden) {
        m_retryPending = false;
        m_status.nextAttemptMs.reset();
        m_status.nextAttemptAt = QDateTime();
    } else {
        m_next = next;
        m_retryPending = true;
        m_retryAtMs = now + delay;
        m_status.nextAttemptMs = m_retryAtMs;
        m_status.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
        m_timing.wakeAfterMs(delay);
    }
    const quint64 generation = m_generation;
    emitStatus();
    if (isForbidden && generation == m_generation)
        Q_EMIT forbidden(error);
}

void Reflector::becameLive()
{
    m_backoff.markHealthy(m_timing.nowMs());
    m_status.lastError.reset();
    setPhase(ReflectorPhase::Watching, StaleReason::None);
}

void Reflector::setPhase(ReflectorPhase phase, StaleReason reason)
{
    const bool changed = m_status.phase != phase || m_status.staleReason != reason || m_status.nextAttemptMs.has_value();
    m_status.phase = phase;
    m_status.staleReason = reason;
    m_status.nextAttemptMs.reset();
    m_status.nextAttemptAt = QDateTime();
    if (changed)
        emitStatus();
}

void Reflector::publish(const QList<Delta> &deltas)
{
    if (!deltas.isEmpty())
        Q_EMIT changed(deltas);
}

void Reflector::emitStatus()
{
    Q_EMIT statusChanged(m_status);
}

} // namespace fd::kube

#include "moc_Reflector.cpp"
