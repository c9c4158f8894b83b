#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QVector>

namespace fd::sim {

struct LogLine {
    QDateTime time;
    QByteArray text; // without the trailing newline
};

// What a container instance has written, as the kubelet keeps it: the current instance and
// the previous one (for `previous=true`), with a flag for whether the instance has ended.
struct ContainerLog {
    QVector<LogLine> current;
    QVector<LogLine> previous;
    bool started = false;
    bool terminated = false;
    int restarts = 0;
};

// The simulated kubelets' container logs, per pod uid and container. Followers (pods/log
// with follow=true) listen to appended() and ended().
class LogStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void start(const QString &podUid, const QString &container);
    void append(const QString &podUid, const QString &container, const QByteArray &text,
                const QDateTime &time = QDateTime::currentDateTimeUtc());
    // The running instance stops (EOF for followers).
    void terminate(const QString &podUid, const QString &container);
    // A new instance starts after a crash: the old lines become `previous`.
    void restart(const QString &podUid, const QString &container);
    void forgetPod(const QString &podUid);

    const ContainerLog *log(const QString &podUid, const QString &container) const;
    // Bound per container, like kubelet log rotation, so long demos do not grow forever.
    void setMaxLinesPerContainer(int lines) { m_maxLines = lines; }

Q_SIGNALS:
    void appended(const QString &podUid, const QString &container, const fd::sim::LogLine &line);
    void ended(const QString &podUid, const QString &container);

private:
    static QString keyOf(const QString &podUid, const QString &container);
    QHash<QString, ContainerLog> m_logs;
    int m_maxLines = 20000;
};

} // namespace fd::sim

Q_DECLARE_METATYPE(fd::sim::LogLine)
