#include "BenchSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QStandardPaths>

#include <malloc.h>
#include <unistd.h>

namespace fd::bench {

QString findKubectl()
{
    const QString toolsDir = qEnvironmentVariable("FD_TOOLS_DIR");
    if (!toolsDir.isEmpty()) {
        const QFileInfo candidate(QDir(toolsDir).filePath(QStringLiteral("kubectl")));
        if (candidate.isExecutable())
            return candidate.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

qint64 residentBytes()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

} // namespace fd::bench
