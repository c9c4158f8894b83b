#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace fd::test {

QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("FD_SOURCE_DIR");
    return fromEnv.isEmpty() ? QDir::currentPath() : fromEnv;
}

QString sharedDir()
{
    const QString fromEnv = qEnvironmentVariable("FD_SHARED_DIR");
    if (!fromEnv.isEmpty())
        return QFileInfo(fromEnv).isDir() ? fromEnv : QString();
    const QString candidate = QDir(sourceDir()).absoluteFilePath(QStringLiteral("../shared"));
    return QFileInfo(candidate + QStringLiteral("/fixtures")).isDir() ? QDir::cleanPath(candidate) : QString();
}

QString findTool(const QString &name)
{
    const QString envName = QStringLiteral("FD_") + name.toUpper().replace(QLatin1Char('.'), QLatin1Char('_'))
        .replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString fromEnv = qEnvironmentVariable(qPrintable(envName));
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString cached = qEnvironmentVariable("FD_BINARY_DIR") + QStringLiteral("/tools/") + name;
    if (QFileInfo(cached).isExecutable())
        return cached;
    const QString fromPath = QStandardPaths::findExecutable(name);
    if (!fromPath.isEmpty())
        return fromPath;
    // The Google Cloud SDK image keeps the versioned kubectl binaries (kubectl.1.27 …) here.
    return QStandardPaths::findExecutable(name, {QStringLiteral("/usr/lib/google-cloud-sdk/bin")});
}

} // namespace fd::test
