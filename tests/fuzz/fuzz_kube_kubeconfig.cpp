// libFuzzer target: KubeconfigLoader on arbitrary kubeconfig files, merged as kubectl merges
// KUBECONFIG. The input is up to four files separated by a line "%%%%"; an optional first
// line "#fuzz explicit context=NAME namespace=NS" loads the first file as --kubeconfig and
// sets the overrides. The files live in a private temporary directory that also holds what
// they may reference by relative path: ca.crt, client.crt/client.key (RSA), ec.crt/ec.key,
// token, bin/kubelogin (an executable that is never run) and notexec.
//
// Exec plugins are never executed: the loader only looks commands up, with a resolver whose
// PATH is the private bin/ directory and without the login-shell query.
//
// Invariants beyond "no crash": context names are unique, at most one is current (the one
// current-context names, when it exists), a usable context has its cluster and user and no
// error, every problem has a message and names a file that was read (or none), and no problem
// text contains a credential of the input (token, password, id/refresh token, client secret,
// exec env value, the password of a server or proxy URL, client key).

#include "FuzzSupport.h"

#include "TestCerts.h"

#include "kube/config/ExecCommandResolver.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/config/YamlTree.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace fd::kube;
using namespace Qt::StringLiterals;

namespace {

constexpr int MaxFiles = 4;

QTemporaryDir *g_dir = nullptr;

void writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions = {})
{
    QFile file(path);
    FD_FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), u"cannot write "_s + path);
    file.write(content);
    file.close();
    if (permissions.toInt() != 0)
        file.setPermissions(permissions);
}

void createFixtures(const QString &dir)
{
    const auto &rsa = fd::test::cachedPair(fd::test::TestKeyType::Rsa, u"fuzz-rsa"_s);
    const auto &ec = fd::test::cachedPair(fd::test::TestKeyType::Ec, u"fuzz-ec"_s);
    writeFile(dir + u"/ca.crt"_s, rsa.certPem);
    writeFile(dir + u"/client.crt"_s, rsa.certPem);
    writeFile(dir + u"/client.key"_s, rsa.keyPem);
    writeFile(dir + u"/ec.crt"_s, ec.certPem);
    writeFile(dir + u"/ec.key"_s, ec.traditionalKeyPem);
    writeFile(dir + u"/token"_s, "fuzz-token-from-a-file\n");
    writeFile(dir + u"/notexec"_s, "#!/bin/sh\nexit 1\n");
    QDir(dir).mkpath(u"bin"_s);
    QDir(dir).mkpath(u"usual"_s);
    QDir(dir).mkpath(u".kube"_s);
    writeFile(dir + u"/bin/kubelogin"_s, "#!/bin/sh\nexit 1\n",
              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// Credential values the input holds, found with real YAML semantics (a "token: x" inside a quoted
// string is no credential): scalars under token, password, id-token, refresh-token,
// client-secret, exec env values, and the password of a server or proxy URL.
void collectCredentials(const fd::kube::YamlNodePtr &node, const QString &key, int depth, QStringList &out)
{
    if (!node || depth > 64)
        return;
    static const QStringList secretKeys{u"token"_s, u"password"_s, u"id-token"_s, u"refresh-token"_s,
                                        u"client-secret"_s, u"value"_s};
    if (node->isScalar()) {
        if (secretKeys.contains(key)) {
            out.append(node->scalar.trimmed());
        } else if (key == "server"_L1 || key == "proxy-url"_L1) {
            static const QRegularExpression userinfo(u"://[^/@\\s:]*:([^@/\\s]+)@"_s);
            const auto match = userinfo.match(node->scalar);
            if (match.hasMatch())
                out.append(match.captured(1));
        }
        return;
    }
    for (const YamlNodePtr &item : node->items)
        collectCredentials(item, key, depth + 1, out);
    for (const auto &[name, value] : node->pairs) {
        if (name && name->isScalar())
            collectCredentials(value, name->scalar, depth + 1, out);
    }
}

void checkNoSecret(const ConfigProblem &problem, const QStringList &secrets)
{
    const QString text = problem.toString() + u' ' + problem.entry;
    for (const QString &secret : secrets)
        FD_FUZZ_CHECK(!text.contains(secret), u"a problem text shows a credential: "_s + text);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_dir = new QTemporaryDir;
    FD_FUZZ_CHECK(g_dir->isValid(), u"no temporary directory"_s);
    std::atexit([] { delete g_dir; });
    createFixtures(g_dir->path());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString dir = g_dir->path();
    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    LoadOptions options;
    bool explicitFile = false;
    bool homeFile = false; // the first file is ~/.kube/config and KUBECONFIG is empty
    if (input.startsWith("#fuzz")) {
        const qsizetype end = input.indexOf('\n');
        const QString flags = QString::fromUtf8(end < 0 ? input : input.first(end));
        input = end < 0 ? QByteArrayView() : input.sliced(end + 1);
        for (const QString &flag : flags.split(u' ', Qt::SkipEmptyParts)) {
            if (flag == "explicit"_L1)
                explicitFile = true;
            else if (flag == "home"_L1)
                homeFile = true;
            else if (flag.startsWith("context="_L1))
                options.contextOverride = flag.mid(8);
            else if (flag.startsWith("namespace="_L1))
                options.namespaceOverride = flag.mid(10);
        }
    }

    QStringList files;
    const QList<QByteArrayView> parts = fd::fuzz::splitOn(input, "\n%%%%\n");
    for (int i = 0; i < qMin<int>(int(parts.size()), MaxFiles); ++i) {
        const QString path = homeFile && i == 0 ? dir + u"/.kube/config"_s : dir + u"/config-%1"_s.arg(i);
        writeFile(path, parts.at(i).toByteArray());
        files.append(path);
    }
    if (explicitFile) {
        options.explicitFile = files.first();
    } else if (homeFile) {
        options.kubeconfigEnv = QString();
    } else {
        QStringList kubeconfig = files;
        kubeconfig.insert(1, dir + u"/missing-config"_s); // skipped, as kubectl does
        options.kubeconfigEnv = kubeconfig.join(u':');
    }
    options.homeDir = dir;
    // The loader reads up to maxFileSize + 1 bytes at once; 64 MiB per file would make every
    // input cost a 64 MiB allocation under ASan. Inputs are far smaller anyway.
    options.maxFileSize = 1024 * 1024;
    options.now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    CommandSearchPaths paths;
    paths.pathVariable = dir + u"/bin"_s;
    paths.homeDir = dir;
    paths.loginShellPath = {}; // never run a shell
    paths.usualLocations = {dir + u"/usual"_s};
    options.commandResolver = std::make_shared<const ExecCommandResolver>(paths);

    const KubeconfigSet set = KubeconfigLoader::load(options);

    // Credentials that occur exactly once in the input cannot legitimately be part of a
    // name or path that a problem text quotes.
    const QString text = QString::fromUtf8(input);
    QStringList candidates;
    for (const QByteArrayView part : parts.first(qMin<qsizetype>(parts.size(), MaxFiles)))
        collectCredentials(fd::kube::parseYaml(part.toByteArray()).root, QString(), 0, candidates);
    QStringList secrets;
    for (const QString &candidate : std::as_const(candidates)) {
        if (candidate.size() >= 8 && text.count(candidate) == 1 && !dir.contains(candidate))
            secrets.append(candidate);
    }
    for (const ContextEntry &context : set.contexts) {
        if (!context.user)
            continue;
        for (const QString &secret : context.user->secretValues()) {
            if (secret.size() >= 8 && text.count(secret) <= 1 && !secret.contains(u'\n') && !dir.contains(secret))
                secrets.append(secret);
        }
    }

    for (const QString &file : set.files)
        FD_FUZZ_CHECK(files.contains(file), u"read a file it was not given: "_s + file);
    for (const ConfigProblem &problem : set.problems) {
        FD_FUZZ_CHECK(!problem.message.isEmpty(), u"problem without a message"_s);
        FD_FUZZ_CHECK(problem.file.isEmpty() || files.contains(problem.file) || problem.file.startsWith(dir),
                      u"problem names a foreign file: "_s + problem.toString());
        checkNoSecret(problem, secrets);
    }
    QSet<QString> names;
    int current = 0;
    for (const ContextEntry &context : set.contexts) {
        FD_FUZZ_CHECK(!names.contains(context.name), u"context listed twice: "_s + context.name);
        names.insert(context.name);
        if (context.isCurrent) {
            ++current;
            FD_FUZZ_CHECK(context.name == set.currentContext, u"current context is not current-context"_s);
        }
        if (context.isUsable())
            FD_FUZZ_CHECK(context.cluster && context.user && !context.firstError(), u"usable context with an error"_s);
        for (const ConfigProblem &problem : context.problems) {
            FD_FUZZ_CHECK(!problem.message.isEmpty(), u"problem without a message in "_s + context.name);
            checkNoSecret(problem, secrets);
        }
    }
    FD_FUZZ_CHECK(current <= 1, u"%1 current contexts"_s.arg(current));
    if (set.context(set.currentContext))
        FD_FUZZ_CHECK(current == 1 && set.current() && set.current()->isCurrent, u"current-context exists but is not marked"_s);
    return 0;
}
