#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace fd::sim {
class LogStore;
}

namespace fd::sim::fission {

struct ComponentInstance;

using LogFields = QList<QPair<QString, QJsonValue>>;

// One line as Fission's zap production logger writes it (JSON, ISO 8601 time, fields in the
// order given): {"level":"info","ts":"…","logger":"executor","msg":"…","key":value,…}.
QByteArray zapLine(const QString &level, const QDateTime &time, const QString &logger, const QString &message,
                   const LogFields &fields = {});

// Appends lines to the containers of running pods — a control-plane component, a builder,
// a fetcher, a function — but never to a container whose instance has ended or to a pod
// the kubelet no longer runs (the log would outlive the pod).
class PodLogWriter {
public:
    explicit PodLogWriter(LogStore *logs) : m_logs(logs) {}

    void append(const QString &podUid, const QString &container, const QByteArray &line, const QDateTime &time) const;
    void zap(const ComponentInstance &instance, const QString &level, const QString &logger, const QString &message,
             const LogFields &fields, const QDateTime &time) const;

private:
    LogStore *m_logs;
};

} // namespace fd::sim::fission
