#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace fd::engine {

// One line of a followed log, as the viewer and the CLI consume it. `time` is the kubelet's
// timestamp of the line (UTC, millisecond precision; nanos are kept in `nanos` for ordering
// lines that share a millisecond).
struct LogLine {
    QDateTime time;
    QString pod;
    QString container;
    QString text;
    int nanos = 0;      // the sub-second part in nanoseconds (ordering only)
    bool gap = false;   // not a line of the log: a marker saying lines may be missing here
};
using LogLines = QList<LogLine>;

// Orders by time (then nanos); stable sorting keeps each stream's own order for equal stamps.
bool logLineBefore(const LogLine &a, const LogLine &b);

} // namespace fd::engine

Q_DECLARE_METATYPE(fd::engine::LogLine)
Q_DECLARE_METATYPE(fd::engine::LogLines)
