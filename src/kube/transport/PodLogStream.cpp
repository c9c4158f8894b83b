#include "kube/transport/PodLogStream.h"

#include "kube/config/Tr.h"
#include "kube/transport/RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

constexpr int kBatchMaxLines = 5000;
constexpr int kReopenBaseMs = 250;
constexpr int kReopenMaxMs = 10'000;

bool digits(QByteArrayView text, qsizetype from, qsizetype count, int *value)
{
    if (from + count > text.size())
        return false;
    int v = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

QString rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

} // namespace

std::optional<LogTimestamp> LogTimestamp::parse(QByteArrayView text)
{
    // yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !digits(text, 0, 4, &year) || text[4] != '-' || !digits(text, 5, 2, &month) || text[7] != '-'
        || !digits(text, 8, 2, &day) || (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2, &hour)
        || text[13] != ':' || !digits(text, 14, 2, &minute) || text[16] != ':' || !digits(text, 17, 2, &second))
        return std::nullopt;
    qsizetype i = 19;
    int nanos = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        int count = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (count < 9) {
                nanos = nanos * 10 + (text[i] - '0');
                ++count;
            }
            ++i;
        }
        if (count == 0)
            return std::nullopt;
        for (; count < 9; ++count)
            nanos *= 10;
    }
    int offsetSeconds = 0;
    if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
        ++i;
    } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        int oh = 0, om = 0;
        if (!digits(text, i + 1, 2, &oh) || i + 3 >= text.size() || text[i + 3] != ':' || !digits(text, i + 4, 2, &om))
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (text[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    LogTimestamp stamp;
    stamp.seconds = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch() - offsetSeconds;
    stamp.nanos = nanos;
    return stamp;
}

QString LogTimestamp::toSinceTime() const
{
    return rfc3339(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC));
}

PodLogStream::PodLogStream(RestClient *client, const QString &namespaceName, const QString &pod,
                           const PodLogOptions &options, QObject *parent)
    : QObject(parent), m_client(client), m_namespace(namespaceName), m_pod(pod), m_options(options)
{
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &PodLogStream::flush);
    m_reopenTimer = new QTimer(this);
    m_reopenTimer->setSingleShot(true);
    connect(m_reopenTimer, &QTimer::timeout, this, &PodLogStream::open);
}

PodLogStream::~PodLogStream() = default; // the open KubeStream is our child

void PodLogStream::start()
{
    if (m_started)
        return;
    m_started = true;
    open();
}

void PodLogStream::cancel()
{
    if (m_finished)
        return;
    KubeError error;
    error.kind = ErrorKind::Cancelled;
    error.message = translate("fd::kube", "cancelled");
    finish(error);
}

void PodLogStream::open()
{
    if (m_finished)
        return;
    if (!m_client) {
        KubeError error;
        error.kind = ErrorKind::Cancelled;
        finish(error);
        return;
    }
    QUrlQuery query;
    if (!m_options.container.isEmpty())
        query.addQueryItem(u"container"_s, m_options.container);
    if (m_options.follow)
        query.addQueryItem(u"follow"_s, u"true"_s);
    if (m_options.previous)
        query.addQueryItem(u"previous"_s, u"true"_s);
    // Always: the timestamps are how a resumed stream finds its place.
    query.addQueryItem(u"timestamps"_s, u"true"_s);
    m_resumed = m_last.has_value();
    if (m_resumed) {
        query.addQueryItem(u"sinceTime"_s, m_last->toSinceTime());
        m_skipRemaining = m_countAtLast;
    } else {
        if (m_options.tailLines)
            query.addQueryItem(u"tailLines"_s, QString::number(*m_options.tailLines));
        if (m_options.sinceSeconds)
            query.addQueryItem(u"sinceSeconds"_s, QString::number(*m_options.sinceSeconds));
        else if (m_options.sinceTime)
            query.addQueryItem(u"sinceTime"_s, rfc3339(*m_options.sinceTime));
    }
    if (m_options.limitBytes)
        query.addQueryItem(u"limitBytes"_s, QString::number(*m_options.limitBytes));

    KubeRequest request = KubeRequest::get(u"/api/v1/namespaces/%1/pods/%2/log"_s.arg(m_namespace, m_pod), query);
    request.accept = "*/*";
    request.timeoutMs = 30'000; // until the response headers; a followed log then may stay quiet
    m_partial.clear();
    m_linesThisStream = false;
    m_stream = m_client->openStream(request);
    m_stream->setParent(this);
    connect(m_stream, &KubeStream::dataReceived, this, &PodLogStream::onData);
    connect(m_stream, &KubeStream::finished, this, &PodLogStream::onStreamFinished);
}

void PodLogStream::onData(const QByteArray &chunk)
{
    m_receivedAny = true;
    m_partial += chunk;
    qsizetype start = 0;
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n', start)) >= 0) {
        processLine(QByteArrayView(m_partial).sliced(start, newline - start));
        start = newline + 1;
    }
    m_partial.remove(0, start);
}

void PodLogStream::processLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    m_linesThisStream = true;
    const qsizetype space = line.indexOf(' ');
    const auto stamp = space > 0 ? LogTimestamp::parse(line.first(space)) : std::nullopt;
    if (!stamp) {
        // Not a timestamped line (limitBytes cut one short): pass it on as it is.
        queueLine(QString::fromUtf8(line));
        return;
    }
    if (m_resumed && m_last) {
        if (*stamp < *m_last)
            return; // delivered before the drop
        if (*stamp == *m_last && m_skipRemaining > 0) {
            --m_skipRemaining;
            return;
        }
        m_skipRemaining = 0;
    }
    if (m_last && *stamp == *m_last) {
        ++m_countAtLast;
    } else {
        m_last = stamp;
        m_countAtLast = 1;
    }
    queueLine(QString::fromUtf8(m_options.timestamps ? line : line.sliced(space + 1)));
}

void PodLogStream::queueLine(const QString &line)
{
    m_batch.append(line);
    if (m_batch.size() >= kBatchMaxLines) {
        flush();
        return;
    }
    if (!m_batchTimer->isActive())
        m_batchTimer->start(m_batchIntervalMs);
}

void PodLogStream::flush()
{
    m_batchTimer->stop();
    if (m_batch.isEmpty())
        return;
    const QStringList lines = std::exchange(m_batch, {});
    m_delivered += lines.size();
    Q_EMIT linesReceived(lines);
}

void PodLogStream::onStreamFinished()
{
    KubeStream *stream = m_stream;
    if (!stream || m_finished)
        return;
    const KubeResult result = stream->result();
    const bool opened = stream->head().status != 0;
    stream->deleteLater();
    m_stream = nullptr;

    if (result) {
        // A clean end: a line without its newline is still a line.
        if (!m_partial.isEmpty())
            processLine(m_partial);
        m_partial.clear();
        if (m_linesThisStream)
            m_failures = 0;
        if (!m_options.follow || m_options.previous || m_options.limitBytes) {
            finish(std::nullopt);
            return;
        }
        checkPod();
        return;
    }
    // A broken stream: a partial last line is read again after the resume.
    m_partial.clear();
    const KubeError &error = result.error();
    if (error.kind == ErrorKind::Cancelled) {
        finish(error);
        return;
    }
    if (!m_options.follow || (!m_receivedAny && !opened && error.httpStatus != 0)) {
        // Not following, or the very first request was refused (pod missing, container
        // waiting, forbidden): nothing to resume.
        finish(error);
        return;
    }
    if (m_linesThisStream)
        m_failures = 0;
    checkPod();
}

void PodLogStream::checkPod()
{
    if (!m_client) {
        finish(std::nullopt);
        return;
    }
    const KubeRequest request = KubeRequest::get(u"/api/v1/namespaces/%1/pods/%2"_s.arg(m_namespace, m_pod));
    m_client->send(request, this, [this](const KubeResult &result) {
        if (m_finished)
            return;
        if (!result) {
            if (result.error().kind == ErrorKind::NotFound) {
                finish(std::nullopt); // the pod is gone: its log ended with it
                return;
            }
            ++m_failures;
            if (m_failures > m_maxFailures) {
                finish(result.error());
                return;
            }
            m_reopenTimer->setInterval(std::min(kReopenMaxMs, kReopenBaseMs << std::min(m_failures, 8)));
            m_reopenTimer->disconnect(this);
            connect(m_reopenTimer, &QTimer::timeout, this, &PodLogStream::checkPod);
            m_reopenTimer->start();
            return;
        }
        onPod(result->body);
    });
}

void PodLogStream::onPod(const QByteArray &podJson)
{
    const QJsonObject pod = QJsonDocument::fromJson(podJson).object();
    const QJsonObject metadata = pod.value("metadata"_L1).toObject();
    const QJsonObject spec = pod.value("spec"_L1).toObject();
    const QJsonObject status = pod.value("status"_L1).toObject();
    QString container = m_options.container;
    if (container.isEmpty()) {
        container = metadata.value("annotations"_L1).toObject().value("kubectl.kubernetes.io/default-container"_L1).toString();
        const QJsonArray containers = spec.value("containers"_L1).toArray();
        if (container.isEmpty() && !containers.isEmpty())
            container = containers.at(0).toObject().value("name"_L1).toString();
    }
    bool running = false;
    const QString phase = status.value("phase"_L1).toString();
    if (phase != "Succeeded"_L1 && phase != "Failed"_L1 && !metadata.contains("deletionTimestamp"_L1)) {
        for (const char *key : {"containerStatuses", "initContainerStatuses"}) {
            for (const QJsonValue &value : status.value(QLatin1String(key)).toArray()) {
                const QJsonObject containerStatus = value.toObject();
                if (containerStatus.value("name"_L1).toString() == container)
                    running = containerStatus.value("state"_L1).toObject().contains("running"_L1);
            }
        }
    }
    if (!running) {
        finish(std::nullopt); // the container stopped: everything it wrote has been read
        return;
    }
    scheduleReopen();
}

void PodLogStream::scheduleReopen()
{
    ++m_reconnects;
    Q_EMIT reconnecting();
    // The first reopen after a stream that carried lines is immediate; repeated ones (the
    // server keeps ending streams of a running container) back off.
    const int delay = m_failures == 0 ? 0 : std::min(kReopenMaxMs, kReopenBaseMs << std::min(m_failures, 8));
    if (!m_linesThisStream)
        ++m_failures;
    if (m_failures > m_maxFailures) {
        KubeError error;
        error.kind = ErrorKind::Transport;
        error.message = translate("fd::kube", "the log of pod %1/%2 keeps breaking off").arg(m_namespace, m_pod);
        finish(error);
        return;
    }
    m_reopenTimer->disconnect(this);
    connect(m_reopenTimer, &QTimer::timeout, this, &PodLogStream::open);
    m_reopenTimer->start(delay);
}

void PodLogStream::finish(std::optional<KubeError> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_reopenTimer->stop();
    if (m_stream) {
        KubeStream *stream = m_stream;
        m_stream = nullptr;
        disconnect(stream, nullptr, this, nullptr);
        stream->deleteLater();
    }
    flush();
    m_error = std::move(error);
    Q_EMIT finished();
}

} // namespace fd::kube

#include "moc_PodLogStream.cpp"
