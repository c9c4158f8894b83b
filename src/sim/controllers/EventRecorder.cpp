#include "sim/controllers/EventRecorder.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {

// record.EventCorrelator folds identical events seen within ten minutes into one.
constexpr qint64 kAggregationWindowSecs = 600;
constexpr int kMaxSeries = 4096;

ResourceType eventType(const ObjectService &objects)
{
    if (auto type = objects.catalog()->findByKind(QString(), u"Event"_s))
        return *type;
    ResourceType type;
    type.version = u"v1"_s;
    type.kind = u"Event"_s;
    type.plural = u"events"_s;
    type.verbs = allVerbs();
    return type;
}

QJsonObject involvedObjectOf(const QJsonObject &object, const QString &fieldPath)
{
    const QJsonObject metadata = metadataOf(object);
    QJsonObject involved{{u"kind"_s, object.value("kind"_L1).toString()},
                         {u"name"_s, metadata.value("name"_L1).toString()},
                         {u"uid"_s, metadata.value("uid"_L1).toString()},
                         {u"apiVersion"_s, object.value("apiVersion"_L1).toString()},
                         {u"resourceVersion"_s, metadata.value("resourceVersion"_L1).toString()}};
    const QString namespaceName = metadata.value("namespace"_L1).toString();
    if (!namespaceName.isEmpty())
        involved.insert(u"namespace"_s, namespaceName);
    if (!fieldPath.isEmpty())
        involved.insert(u"fieldPath"_s, fieldPath);
    return involved;
}

} // namespace

EventRecorder::EventRecorder(ObjectService *objects, QObject *parent) : QObject(parent), m_objects(objects)
{
}

void EventRecorder::normal(const QJsonObject &involved, const QString &reason, const QString &message,
                           const EventSource &source, const QString &fieldPath)
{
    record(involved, u"Normal"_s, reason, message, source, fieldPath);
}

void EventRecorder::warning(const QJsonObject &involved, const QString &reason, const QString &message,
                            const EventSource &source, const QString &fieldPath)
{
    record(involved, u"Warning"_s, reason, message, source, fieldPath);
}

bool EventRecorder::bump(const Series &series, const QString &now, const QString &manager)
{
    const auto result = m_objects->mutate(
        eventType(*m_objects), series.namespaceName, series.name,
        [&now](QJsonObject &event) {
            event.insert(u"count"_s, event.value("count"_L1).toInt(1) + 1);
            event.insert(u"lastTimestamp"_s, now);
            return true;
        },
        {}, manager);
    return result.hasValue();
}

void EventRecorder::record(const QJsonObject &involved, const QString &type, const QString &reason,
                           const QString &message, const EventSource &source, const QString &fieldPath)
{
    const QDateTime nowTime = m_objects->now();
    const QString now = ctrl::timestamp(nowTime);
    const QString manager = source.manager.isEmpty() ? source.component : source.manager;
    const QJsonObject involvedObject = involvedObjectOf(involved, fieldPath);
    const QString involvedNamespace = involvedObject.value("namespace"_L1).toString();
    const QString namespaceName = involvedNamespace.isEmpty() ? u"default"_s : involvedNamespace;
    const QString seriesKey = QStringList{source.component, source.host, involvedObject.value("kind"_L1).toString(),
                                          involvedNamespace, involvedObject.value("name"_L1).toString(),
                                          involvedObject.value("uid"_L1).toString(), fieldPath, type, reason, message}
                                  .join(QChar(0x1f));

    const auto existing = m_series.constFind(seriesKey);
    if (existing != m_series.constEnd() && existing->lastSeen.secsTo(nowTime) < kAggregationWindowSecs) {
        Series series = *existing;
        if (bump(series, now, manager)) {
            series.lastSeen = nowTime;
            m_series.insert(seriesKey, series);
            return;
        }
    }

    // record.makeEvent names events "<object>.<unix nanos in hex>".
    static quint64 sequence = 0;
    const quint64 nanos = static_cast<quint64>(nowTime.toMSecsSinceEpoch()) * 1000000ull + (++sequence % 1000000ull);
    const QString name = involvedObject.value("name"_L1).toString() + QLatin1Char('.') + QString::number(nanos, 16);
    QJsonObject event{{u"apiVersion"_s, u"v1"_s},
                      {u"kind"_s, u"Event"_s},
                      {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, namespaceName}}},
                      {u"involvedObject"_s, involvedObject},
                      {u"reason"_s, reason},
                      {u"message"_s, message},
                      {u"type"_s, type},
                      {u"count"_s, 1},
                      {u"firstTimestamp"_s, now},
                      {u"lastTimestamp"_s, now},
                      {u"eventTime"_s, QJsonValue::Null},
                      {u"reportingComponent"_s, source.component},
                      {u"reportingInstance"_s, source.host}};
    QJsonObject eventSource{{u"component"_s, source.component}};
    if (!source.host.isEmpty())
        eventSource.insert(u"host"_s, source.host);
    event.insert(u"source"_s, eventSource);

    WriteOptions options;
    options.fieldManager = manager;
    const auto created = m_objects->create(eventType(*m_objects), namespaceName, event, options);
    if (!created)
        return; // e.g. namespace terminating: the real recorder drops it too
    if (m_series.size() >= kMaxSeries)
        m_series.clear();
    m_series.insert(seriesKey, Series{namespaceName, name, nowTime});
}

} // namespace fd::sim

#include "moc_EventRecorder.cpp"
