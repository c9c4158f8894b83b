#include "kube/config/ExecCommandResolver.h"

#include "kube/config/Tr.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QProcessEnvironment>

namespace fd::kube {

using detail::translate;

namespace {

const QLatin1String kBeginMarker("__FD_LOGIN_PATH_BEGIN__");
const QLatin1String kEndMarker("__FD_LOGIN_PATH_END__");

QStringList splitPath(const QString &pathVariable)
{
    QStringList dirs;
    for (const QString &entry : pathVariable.split(QDir::listSeparator(), Qt::SkipEmptyParts)) {
        const QString dir = QDir::cleanPath(entry);
        if (!dirs.contains(dir))
            dirs.append(dir);
    }
    return dirs;
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && info.isFile() && info.isExecutable();
}

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QStringList> &cache()
{
    static QHash<QString, QStringList> entries;
    return entries;
}

} // namespace

CommandSearchPaths CommandSearchPaths::fromSystem()
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    CommandSearchPaths paths;
    paths.pathVariable = environment.value(QStringLiteral("PATH"));
    paths.homeDir = environment.value(QStringLiteral("HOME"), QDir::homePath());
    paths.shell = environment.value(QStringLiteral("SHELL"));
    paths.usualLocations = ExecCommandResolver::defaultUsualLocations(paths.homeDir);
    const QString shell = paths.shell;
    const int timeout = paths.loginShellTimeoutMs;
    paths.loginShellPath = [shell, timeout] { return ExecCommandResolver::cachedLoginShellPath(shell, timeout); };
    return paths;
}

ExecCommandResolver::ExecCommandResolver(CommandSearchPaths paths) : m_paths(std::move(paths)) {}

QStringList ExecCommandResolver::defaultUsualLocations(const QString &homeDir)
{
    QStringList dirs;
    const QString home = homeDir.isEmpty() ? QDir::homePath() : homeDir;
    const auto inHome = [&home](const char *relative) { return QDir(home).filePath(QString::fromLatin1(relative)); };
    dirs << inHome(".local/bin") << inHome("bin") << QStringLiteral("/usr/local/bin") << QStringLiteral("/opt/homebrew/bin")
         << QStringLiteral("/home/linuxbrew/.linuxbrew/bin") << inHome("go/bin") << QStringLiteral("/usr/local/go/bin")
         << inHome(".krew/bin") << QStringLiteral("/snap/bin") << inHome("google-cloud-sdk/bin")
         << QStringLiteral("/usr/lib/google-cloud-sdk/bin") << QStringLiteral("/usr/share/google-cloud-sdk/bin")
         << QStringLiteral("/opt/google-cloud-sdk/bin") << QStringLiteral("/snap/google-cloud-cli/current/bin")
         << QStringLiteral("/opt/homebrew/share/google-cloud-sdk/bin")
         << QStringLiteral("/usr/local/Caskroom/google-cloud-sdk/latest/google-cloud-sdk/bin")
         << inHome(".asdf/shims") << inHome(".nix-profile/bin") << QStringLiteral("/nix/var/nix/profiles/default/bin")
         << QStringLiteral("/usr/bin") << QStringLiteral("/bin");
    return dirs;
}

QStringList ExecCommandResolver::queryLoginShellPath(const QString &shell, int timeoutMs)
{
    if (shell.isEmpty() || !QFileInfo(shell).isAbsolute() || !isExecutableFile(shell))
        return {};
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    // Markers: login scripts may print banners before our output.
    const QString script = QStringLiteral("printf '%1%s%2' \"$PATH\"").arg(kBeginMarker, kEndMarker);
    process.start(shell, {QStringLiteral("-lc"), script});
    if (!process.waitForStarted(timeoutMs))
        return {};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    const QString output = QString::fromLocal8Bit(process.readAllStandardOutput());
    const qsizetype begin = output.lastIndexOf(kBeginMarker);
    if (begin < 0)
        return {};
    const qsizetype start = begin + kBeginMarker.size();
    const qsizetype end = output.indexOf(kEndMarker, start);
    if (end < 0)
        return {};
    return splitPath(output.mid(start, end - start));
}

QStringList ExecCommandResolver::cachedLoginShellPath(const QString &shell, int timeoutMs)
{
    QMutexLocker lock(&cacheMutex());
    auto it = cache().constFind(shell);
    if (it != cache().constEnd())
        return *it;
    // Held while the shell runs: concurrent callers wait for the one query.
    const QStringList dirs = queryLoginShellPath(shell, timeoutMs);
    cache().insert(shell, dirs);
    return dirs;
}

void ExecCommandResolver::clearLoginShellPathCache()
{
    QMutexLocker lock(&cacheMutex());
    cache().clear();
}

fd::Expected<ResolvedCommand, QString> ExecCommandResolver::resolve(const QString &command, const QString &overridePath,
                                                                   const QString &installHint) const
{
    QStringList tried;
    QStringList notExecutable;
    const QStringList processPath = splitPath(m_paths.pathVariable);
    QStringList loginPath;
    bool loginPathQueried = false;

    const auto childPath = [&](const QString &found) {
        QStringList dirs = processPath;
        for (const QString &dir : loginPath) {
            if (!dirs.contains(dir))
                dirs.append(dir);
        }
        const QString own = QFileInfo(found).absolutePath();
        if (!dirs.contains(own))
            dirs.append(own);
        return dirs.join(QDir::listSeparator());
    };
    const auto check = [&](const QString &candidate) -> bool {
        const QString clean = QDir::cleanPath(candidate);
        if (tried.contains(clean))
            return false;
        tried.append(clean);
        if (isExecutableFile(clean))
            return true;
        if (QFileInfo::exists(clean))
            notExecutable.append(clean);
        return false;
    };
    const auto found = [&](const QString &path, const QString &via) {
        return ResolvedCommand{QDir::cleanPath(QFileInfo(path).absoluteFilePath()), via, childPath(path)};
    };

    if (command.trimmed().isEmpty())
        return fd::Unexpected(translate("fd::kube", "the exec plugin has no command"));

    const QString baseName = QFileInfo(command).fileName();
    if (!overridePath.isEmpty()) {
        const QFileInfo info(overridePath);
        const QString candidate = info.isDir() ? QDir(overridePath).filePath(baseName) : overridePath;
        if (check(candidate))
            return found(candidate, QStringLiteral("override"));
    }

    if (command.contains(QLatin1Char('/')) || command.contains(QDir::separator())) {
        if (check(QFileInfo(command).absoluteFilePath()))
            return found(command, QStringLiteral("path"));
    } else {
        for (const QString &dir : processPath) {
            if (check(QDir(dir).filePath(command)))
                return found(QDir(dir).filePath(command), QStringLiteral("PATH"));
        }
        if (m_paths.loginShellPath) {
            loginPath = m_paths.loginShellPath();
            loginPathQueried = true;
            for (const QString &dir : loginPath) {
                if (check(QDir(dir).filePath(command)))
                    return found(QDir(dir).filePath(command), QStringLiteral("login shell PATH"));
            }
        }
        const QStringList usual =
            m_paths.usualLocations.isEmpty() ? defaultUsualLocations(m_paths.homeDir) : m_paths.usualLocations;
        for (const QString &dir : usual) {
            if (check(QDir(dir).filePath(command)))
                return found(QDir(dir).filePath(command), QStringLiteral("usual location"));
        }
    }

    QString message = translate("fd::kube", "exec plugin \"%1\" was not found").arg(command);
    if (!notExecutable.isEmpty())
        message += translate("fd::kube", " (%1 exists but is not executable)").arg(notExecutable.join(QStringLiteral(", ")));
    message += translate("fd::kube", "; tried: %1").arg(tried.join(QStringLiteral(", ")));
    if (!command.contains(QLatin1Char('/')) && m_paths.loginShellPath && loginPathQueried && loginPath.isEmpty()
        && !m_paths.shell.isEmpty())
        message += translate("fd::kube", " (the login shell %1 did not report a PATH)").arg(m_paths.shell);
    if (!installHint.trimmed().isEmpty())
        message += translate("fd::kube", ". Install hint: %1").arg(installHint.trimmed());
    else
        message += translate("fd::kube", ". Set the plugin's path in the context settings if it is installed elsewhere");
    return fd::Unexpected(message);
}

} // namespace fd::kube
