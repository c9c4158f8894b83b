#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace fd::sim {

class ObjectService;

// Where an event comes from (core/v1 EventSource; also the reporting controller/instance).
struct EventSource {
    QString component;  // "deployment-controller", "kubelet", "default-scheduler", …
    QString host;       // node name for kubelet events
    QString manager;    // field manager of the write ("kube-controller-manager", "kubelet", …)
};

// core/v1 Events as client-go's record.EventRecorder writes them: one Event per
// (object, reason, message, source); a repeat within the aggregation window bumps `count`
// and `lastTimestamp` instead of creating another object. Writes go through ObjectService,
// so events in a terminating namespace are refused (and dropped) as on a real cluster.
class EventRecorder : public QObject {
    Q_OBJECT
public:
    explicit EventRecorder(ObjectService *objects, QObject *parent = nullptr);

    // `involved` is the object the event is about; fieldPath names a container
    // ("spec.containers{web}") for kubelet events.
    void normal(const QJsonObject &involved, const QString &reason, const QString &message,
                const EventSource &source, const QString &fieldPath = {});
    void warning(const QJsonObject &involved, const QString &reason, const QString &message,
                 const EventSource &source, const QString &fieldPath = {});
    void record(const QJsonObject &involved, const QString &type, const QString &reason, const QString &message,
                const EventSource &source, const QString &fieldPath = {});

private:
    struct Series {
        QString namespaceName;
        QString name;
        QDateTime lastSeen;
    };
    bool bump(const Series &series, const QString &now, const QString &manager);

    ObjectService *m_objects;
    QHash<QString, Series> m_series;
};

} // namespace fd::sim
