#include "sim/api/PodLogHandler.h"

#include <QJsonArray>

namespace fd::sim {

Expected<PodLogOptions, ApiError> PodLogOptions::fromQuery(const HttpRequest &request, const QDateTime &now)
{
    PodLogOptions options;
    options.container = request.queryValue(QStringLiteral("container"));
    options.follow = request.queryValue(QStringLiteral("follow")) == QLatin1String("true");
    options.previous = request.queryValue(QStringLiteral("previous")) == QLatin1String("true");
    options.timestamps = request.queryValue(QStringLiteral("timestamps")) == QLatin1String("true");
    const bool hasSinceSeconds = request.hasQuery(QStringLiteral("sinceSeconds"));
    const bool hasSinceTime = request.hasQuery(QStringLiteral("sinceTime"));
    if (hasSinceSeconds && hasSinceTime)
        return Unexpected(ApiError::badRequest(QStringLiteral("at most one of `sinceTime` or `sinceSeconds` may be specified")));
    if (hasSinceSeconds) {
        bool ok = false;
        const qint64 seconds = request.queryValue(QStringLiteral("sinceSeconds")).toLongLong(&ok);
        if (!ok || seconds < 1)
            return Unexpected(ApiError::badRequest(QStringLiteral("sinceSeconds: Invalid value: must be greater than 0")));
        options.since = now.addSecs(-seconds);
    }
    if (hasSinceTime) {
        const QDateTime since = QDateTime::fromString(request.queryValue(QStringLiteral("sinceTime")), Qt::ISODateWithMs);
        if (!since.isValid())
            return Unexpected(ApiError::badRequest(QStringLiteral("sinceTime: Invalid value: not an RFC 3339 time")));
        options.since = since;
    }
    if (request.hasQuery(QStringLiteral("tailLines"))) {
        bool ok = false;
        const int tail = request.queryValue(QStringLiteral("tailLines")).toInt(&ok);
        if (!ok || tail < 0)
            return Unexpected(ApiError::badRequest(QStringLiteral("tailLines: Invalid value: must be greater than or equal to 0")));
        options.tailLines = tail;
    }
    if (request.hasQuery(QStringLiteral("limitBytes"))) {
        bool ok = false;
        const qint64 limit = request.queryValue(QStringLiteral("limitBytes")).toLongLong(&ok);
        if (!ok || limit < 1)
            return Unexpected(ApiError::badRequest(QStringLiteral("limitBytes: Invalid value: must be greater than 0")));
        options.limitBytes = limit;
    }
    return options;
}

Expected<QString, ApiError> resolveLogContainer(const QJsonObject &pod, const QString &requested)
{
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    const QString podName = metadata.value(QLatin1String("name")).toString();
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QStringList containers;
    QStringList initContainers;
    for (const QJsonValue &value : spec.value(QLatin1String("containers")).toArray())
        containers << value.toObject().value(QLatin1String("name")).toString();
    for (const QJsonValue &value : spec.value(QLatin1String("initContainers")).toArray())
        initContainers << value.toObject().value(QLatin1String("name")).toString();
    if (!requested.isEmpty()) {
        if (containers.contains(requested) || initContainers.contains(requested))
            return requested;
        return Unexpected(ApiError::badRequest(
            QStringLiteral("container %1 is not valid for pod %2").arg(requested, podName)));
    }
    const QString annotated = metadata.value(QLatin1String("annotations")).toObject()
                                  .value(QLatin1String("kubectl.kubernetes.io/default-container")).toString();
    if (!annotated.isEmpty() && containers.contains(annotated))
        return annotated;
    if (containers.size() == 1)
        return containers.first();
    QString message = QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                          .arg(podName, containers.join(QLatin1Char(' ')));
    if (!initContainers.isEmpty())
        message += QStringLiteral(" or one of the init containers: [%1]").arg(initContainers.join(QLatin1Char(' ')));
    return Unexpected(ApiError::badRequest(message));
}

PodLogStream::PodLogStream(LogStore *logs, const QString &podUid, const PodLogOptions &options,
                           HttpResponder *responder, QObject *parent)
    : QObject(parent), m_logs(logs), m_podUid(podUid), m_options(options), m_responder(responder)
{
    connect(responder, &HttpResponder::closed, this, &PodLogStream::end);
    connect(responder, &QObject::destroyed, this, &PodLogStream::end);
}

void PodLogStream::start()
{
    const ContainerLog *log = m_logs->log(m_podUid, m_options.container);
    m_responder->start(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain")},
                             {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache, private")}});
    const QVector<LogLine> &lines = m_options.previous ? log->previous : log->current;
    qsizetype first = 0;
    if (m_options.tailLines)
        first = qMax<qsizetype>(0, lines.size() - *m_options.tailLines);
    for (qsizetype i = first; i < lines.size() && !m_ended; ++i) {
        if (!m_options.since || lines.at(i).time >= *m_options.since)
            writeLine(lines.at(i));
    }
    flush();
    if (m_ended)
        return;
    if (!m_options.follow || m_options.previous || log->terminated) {
        end();
        return;
    }
    connect(m_logs, &LogStore::appended, this,
            [this](const QString &podUid, const QString &container, const LogLine &line) {
                if (podUid == m_podUid && container == m_options.container)
                    writeLine(line);
            });
    connect(m_logs, &LogStore::ended, this, [this](const QString &podUid, const QString &container) {
        if (podUid == m_podUid && container == m_options.container)
            end();
    });
}

void PodLogStream::drop()
{
    if (m_responder && m_responder->isOpen())
        m_responder->abort();
    end();
}

void PodLogStream::writeLine(const LogLine &line)
{
    if (m_ended || !m_responder || !m_responder->isOpen())
        return;
    QByteArray text;
    if (m_options.timestamps) {
        // RFC 3339 with nanoseconds, as the kubelet writes them: "…T15:24:17.356000000Z".
        text = line.time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
        text.chop(1); // the 'Z'
        text += "000000Z ";
    }
    text += line.text + '\n';
    if (m_options.limitBytes) {
        const qint64 left = *m_options.limitBytes - m_bytesWritten;
        if (left <= 0) {
            end();
            return;
        }
        text = text.left(left);
    }
    m_bytesWritten += text.size();
    m_pending += text;
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &PodLogStream::flush, Qt::QueuedConnection);
    }
}

void PodLogStream::flush()
{
    m_flushQueued = false;
    if (m_pending.isEmpty() || !m_responder || !m_responder->isOpen())
        return;
    m_responder->write(m_pending);
    m_pending.clear();
}

void PodLogStream::end()
{
    if (m_ended)
        return;
    m_ended = true;
    disconnect(m_logs, nullptr, this, nullptr);
    flush();
    if (m_responder && m_responder->isOpen())
        m_responder->finish();
    deleteLater();
}

} // namespace fd::sim

#include "moc_PodLogHandler.cpp"
