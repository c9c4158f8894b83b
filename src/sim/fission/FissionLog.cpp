#include "sim/fission/FissionLog.h"

#include "sim/api/LogStore.h"
#include "sim/fission/ComponentInstance.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fd::sim::fission {

namespace {

// QJsonDocument renders only objects and arrays; a one-element array, stripped, renders
// any value exactly as JSON.
QByteArray jsonValue(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

QByteArray zapLine(const QString &level, const QDateTime &time, const QString &logger, const QString &message,
                   const LogFields &fields)
{
    QByteArray line = "{\"level\":" + jsonValue(level);
    line += ",\"ts\":" + jsonValue(time.toUTC().toString(Qt::ISODateWithMs));
    if (!logger.isEmpty())
        line += ",\"logger\":" + jsonValue(logger);
    line += ",\"msg\":" + jsonValue(message);
    for (const auto &[key, value] : fields)
        line += ',' + jsonValue(key) + ':' + jsonValue(value);
    line += '}';
    return line;
}

void PodLogWriter::append(const QString &podUid, const QString &container, const QByteArray &line,
                          const QDateTime &time) const
{
    if (!m_logs || podUid.isEmpty())
        return;
    const ContainerLog *log = m_logs->log(podUid, container);
    if (!log || log->terminated)
        return;
    m_logs->append(podUid, container, line, time);
}

void PodLogWriter::zap(const ComponentInstance &instance, const QString &level, const QString &logger,
                       const QString &message, const LogFields &fields, const QDateTime &time) const
{
    if (!instance.isActive())
        return;
    append(instance.podUid, instance.container, zapLine(level, time, logger, message, fields), time);
}

} // namespace fd::sim::fission
