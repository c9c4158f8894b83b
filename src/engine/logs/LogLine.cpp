#include "engine/logs/LogLine.h"

namespace fd::engine {

bool logLineBefore(const LogLine &a, const LogLine &b)
{
    const qint64 sa = a.time.toSecsSinceEpoch();
    const qint64 sb = b.time.toSecsSinceEpoch();
    if (sa != sb)
        return sa < sb;
    return a.nanos < b.nanos;
}

} // namespace fd::engine
