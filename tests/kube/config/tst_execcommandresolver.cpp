#include "kube/config/ExecCommandResolver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fd::kube;

class TestExecCommandResolver : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeExecutable(const QString &relative, const QByteArray &content = QByteArrayLiteral("#!/bin/sh\nexit 0\n"),
                           bool executable = true)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(content);
        file.close();
        if (executable)
            QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
        return path;
    }

    CommandSearchPaths paths(const QStringList &pathDirs, const QStringList &loginDirs = {}, const QStringList &usual = {})
    {
        CommandSearchPaths p;
        p.pathVariable = pathDirs.join(QDir::listSeparator());
        p.homeDir = m_dir.filePath(QStringLiteral("home"));
        if (!loginDirs.isEmpty())
            p.loginShellPath = [loginDirs] { return loginDirs; };
        p.usualLocations = usual.isEmpty() ? QStringList{m_dir.filePath(QStringLiteral("nowhere"))} : usual;
        return p;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void findsInPath()
    {
        const QString plugin = makeExecutable(QStringLiteral("path-b/kubelogin"));
        const ExecCommandResolver resolver(paths({m_dir.filePath(QStringLiteral("path-a")), m_dir.filePath(QStringLiteral("path-b"))}));
        const auto found = resolver.resolve(QStringLiteral("kubelogin"));
        QVERIFY2(found.hasValue(), qPrintable(found.hasValue() ? QString() : found.error()));
        QCOMPARE(found->path, plugin);
        QCOMPARE(found->foundVia, QStringLiteral("PATH"));
    }

    void findsInLoginShellPath()
    {
        const QString plugin = makeExecutable(QStringLiteral("login-bin/aws"));
        const ExecCommandResolver resolver(paths({m_dir.filePath(QStringLiteral("empty"))}, {m_dir.filePath(QStringLiteral("login-bin"))}));
        const auto found = resolver.resolve(QStringLiteral("aws"));
        QVERIFY(found.hasValue());
        QCOMPARE(found->path, plugin);
        QCOMPARE(found->foundVia, QStringLiteral("login shell PATH"));
        // The plugin's PATH gets the login shell's directories as well.
        QVERIFY(found->childPathVariable.split(QDir::listSeparator()).contains(m_dir.filePath(QStringLiteral("login-bin"))));
        QVERIFY(found->childPathVariable.split(QDir::listSeparator()).contains(m_dir.filePath(QStringLiteral("empty"))));
    }

    void findsInUsualLocations()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const QString plugin = makeExecutable(QStringLiteral("home/.local/bin/gke-gcloud-auth-plugin"));
        CommandSearchPaths p = paths({m_dir.filePath(QStringLiteral("empty"))});
        p.usualLocations = ExecCommandResolver::defaultUsualLocations(home);
        QVERIFY(p.usualLocations.contains(home + QStringLiteral("/.local/bin")));
        QVERIFY(p.usualLocations.contains(home + QStringLiteral("/.krew/bin")));
        QVERIFY(p.usualLocations.contains(QStringLiteral("/opt/homebrew/bin")));
        const auto found = ExecCommandResolver(p).resolve(QStringLiteral("gke-gcloud-auth-plugin"));
        QVERIFY(found.hasValue());
        QCOMPARE(found->path, plugin);
        QCOMPARE(found->foundVia, QStringLiteral("usual location"));
    }

    void overrideFileAndDirectory()
    {
        const QString inPath = makeExecutable(QStringLiteral("ov-path/tool"));
        const QString special = makeExecutable(QStringLiteral("ov-special/tool"));
        const QString renamed = makeExecutable(QStringLiteral("ov-file/my-tool-v2"));
        const ExecCommandResolver resolver(paths({m_dir.filePath(QStringLiteral("ov-path"))}));
        QCOMPARE(resolver.resolve(QStringLiteral("tool"))->path, inPath);
        QCOMPARE(resolver.resolve(QStringLiteral("tool"), m_dir.filePath(QStringLiteral("ov-special")))->path, special);
        const auto viaFile = resolver.resolve(QStringLiteral("tool"), renamed);
        QCOMPARE(viaFile->path, renamed);
        QCOMPARE(viaFile->foundVia, QStringLiteral("override"));
        // A broken override falls back to the normal lookup.
        QCOMPARE(resolver.resolve(QStringLiteral("tool"), m_dir.filePath(QStringLiteral("ov-missing/tool")))->path, inPath);
    }

    void pathsWithSlash()
    {
        const QString plugin = makeExecutable(QStringLiteral("abs/plugin"));
        const ExecCommandResolver resolver(paths({}));
        QCOMPARE(resolver.resolve(plugin)->path, plugin);
        QCOMPARE(resolver.resolve(plugin)->foundVia, QStringLiteral("path"));
        const auto missing = resolver.resolve(m_dir.filePath(QStringLiteral("abs/missing")));
        QVERIFY(!missing.hasValue());
        QVERIFY(missing.error().contains(m_dir.filePath(QStringLiteral("abs/missing"))));
    }

    void notExecutable()
    {
        makeExecutable(QStringLiteral("noexec/plugin"), QByteArrayLiteral("#!/bin/sh\n"), false);
        const auto result = ExecCommandResolver(paths({m_dir.filePath(QStringLiteral("noexec"))})).resolve(QStringLiteral("plugin"));
        QVERIFY(!result.hasValue());
        QVERIFY2(result.error().contains(QLatin1String("exists but is not executable")), qPrintable(result.error()));
    }

    void notFoundNamesEverythingTried()
    {
        const QStringList pathDirs = {m_dir.filePath(QStringLiteral("p1")), m_dir.filePath(QStringLiteral("p2"))};
        const QStringList login = {m_dir.filePath(QStringLiteral("l1"))};
        const QStringList usual = {m_dir.filePath(QStringLiteral("u1")), m_dir.filePath(QStringLiteral("u2"))};
        const ExecCommandResolver resolver(paths(pathDirs, login, usual));
        const auto result = resolver.resolve(QStringLiteral("kubelogin"), QString(), QStringLiteral("See https://azure.github.io/kubelogin"));
        QVERIFY(!result.hasValue());
        for (const QString &dir : pathDirs + login + usual)
            QVERIFY2(result.error().contains(dir + QStringLiteral("/kubelogin")), qPrintable(result.error()));
        QVERIFY(result.error().contains(QLatin1String("Install hint: See https://azure.github.io/kubelogin")));
        QVERIFY(result.error().contains(QLatin1String("\"kubelogin\" was not found")));
        const auto noHint = resolver.resolve(QStringLiteral("kubelogin"));
        QVERIFY(noHint.error().contains(QLatin1String("context settings")));
        QVERIFY(!resolver.resolve(QString()).hasValue());
    }

    void loginShellQuery()
    {
        // A fake "shell": prints a banner, then behaves like sh with a PATH of its own.
        const QString shell = makeExecutable(QStringLiteral("shells/fake-sh"),
                                             QByteArrayLiteral("#!/bin/sh\necho 'Welcome! PATH=/bogus'\n"
                                                               "PATH=/opt/from-login/bin:/usr/bin:/opt/from-login/bin\nexport PATH\n"
                                                               "[ \"$1\" = -lc ] || exit 9\nexec /bin/sh -c \"$2\"\n"));
        const QStringList dirs = ExecCommandResolver::queryLoginShellPath(shell, 5000);
        QCOMPARE(dirs, (QStringList{QStringLiteral("/opt/from-login/bin"), QStringLiteral("/usr/bin")}));
        QVERIFY(ExecCommandResolver::queryLoginShellPath(QString(), 1000).isEmpty());
        QVERIFY(ExecCommandResolver::queryLoginShellPath(m_dir.filePath(QStringLiteral("shells/none")), 1000).isEmpty());
        QVERIFY(ExecCommandResolver::queryLoginShellPath(QStringLiteral("relative-shell"), 1000).isEmpty());
    }

    void loginShellTimeout()
    {
        const QString shell = makeExecutable(QStringLiteral("shells/slow-sh"), QByteArrayLiteral("#!/bin/sh\nsleep 20\n"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(ExecCommandResolver::queryLoginShellPath(shell, 300).isEmpty());
        QVERIFY(timer.elapsed() < 10'000);
    }

    void loginShellCache()
    {
        const QString counter = m_dir.filePath(QStringLiteral("shell-count"));
        const QString shell = makeExecutable(QStringLiteral("shells/counting-sh"),
                                             QStringLiteral("#!/bin/sh\necho x >> '%1'\nPATH=/cached/bin\nexport PATH\nexec /bin/sh -c \"$2\"\n")
                                                 .arg(counter)
                                                 .toUtf8());
        ExecCommandResolver::clearLoginShellPathCache();
        QCOMPARE(ExecCommandResolver::cachedLoginShellPath(shell, 5000), QStringList{QStringLiteral("/cached/bin")});
        QCOMPARE(ExecCommandResolver::cachedLoginShellPath(shell, 5000), QStringList{QStringLiteral("/cached/bin")});
        QFile file(counter);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('x'), 1);
        ExecCommandResolver::clearLoginShellPathCache();
    }
};

QTEST_GUILESS_MAIN(TestExecCommandResolver)
#include "tst_execcommandresolver.moc"
