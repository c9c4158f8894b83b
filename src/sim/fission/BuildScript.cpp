#include "sim/fission/BuildScript.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/core/ObjectMeta.h"
#include "sim/fission/FissionNames.h"

#include <QRegularExpression>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

// Programs a builder image has on its PATH (besides anything given as a path).
const QStringList kKnownPrograms = {u"build"_s,   u"build.sh"_s, u"sh"_s,     u"bash"_s,    u"make"_s,
                                    u"npm"_s,     u"yarn"_s,     u"node"_s,   u"pip"_s,     u"pip3"_s,
                                    u"python"_s,  u"python3"_s,  u"go"_s,     u"mvn"_s,     u"gradle"_s,
                                    u"dotnet"_s,  u"cargo"_s,    u"php"_s,    u"composer"_s, u"ruby"_s,
                                    u"bundle"_s,  u"true"_s,     u"false"_s,  u"cp"_s,      u"echo"_s};

// The builder's own failure wording after a failed command, then buildermgr's.
const QString kBuilderHttpError = u"Error building deployment package: Internal error - 500 Internal Server Error"_s;

QStringList successOutput(Language language, const QString &srcPath)
{
    switch (language) {
    case Language::Node:
        return {u"npm WARN config production Use `--omit=dev` instead."_s,
                QString(),
                u"added 64 packages, and audited 65 packages in 3s"_s,
                QString(),
                u"12 packages are looking for funding"_s,
                u"  run `npm fund` for details"_s,
                QString(),
                u"found 0 vulnerabilities"_s};
    case Language::Python:
        return {u"Collecting requests==2.31.0"_s,
                u"  Downloading requests-2.31.0-py3-none-any.whl (62 kB)"_s,
                u"Collecting urllib3<3,>=1.21.1"_s,
                u"  Downloading urllib3-2.2.3-py3-none-any.whl (126 kB)"_s,
                u"Installing collected packages: urllib3, idna, charset-normalizer, certifi, requests"_s,
                u"Successfully installed certifi-2024.8.30 charset-normalizer-3.3.2 idna-3.10 requests-2.31.0 "
                u"urllib3-2.2.3"_s};
    case Language::Go:
        return {u"Building in directory "_s + srcPath,
                u"go: downloading github.com/gorilla/mux v1.8.1"_s,
                u"go: downloading golang.org/x/net v0.30.0"_s,
                u"Build completed."_s};
    case Language::Generic:
        break;
    }
    return {u"Building in directory "_s + srcPath, u"Build completed."_s};
}

QStringList compilerErrorOutput(Language language, const QString &srcPath)
{
    switch (language) {
    case Language::Node:
        return {u"npm ERR! code E404"_s,
                u"npm ERR! 404 Not Found - GET https://registry.npmjs.org/expresss - Not found"_s,
                u"npm ERR! 404"_s,
                u"npm ERR! 404  'expresss@^4.19.2' is not in this registry."_s,
                u"npm ERR! 404"_s,
                u"npm ERR! 404 Note that you can also install from a"_s,
                u"npm ERR! 404 tarball, folder, http url, or git url."_s};
    case Language::Python:
        return {u"ERROR: Could not find a version that satisfies the requirement reqeusts==2.31.0 (from versions: none)"_s,
                u"ERROR: No matching distribution found for reqeusts==2.31.0"_s};
    case Language::Go:
        return {u"Building in directory "_s + srcPath,
                u"# handler"_s,
                u"./hello.go:14:6: undefined: fmt.Printn"_s,
                u"./hello.go:21:1: missing return"_s};
    case Language::Generic:
        break;
    }
    return {u"Building in directory "_s + srcPath, u"build.sh: line 4: syntax error near unexpected token `fi'"_s};
}

bool programIsFound(const QString &program)
{
    return program.contains(QLatin1Char('/')) || kKnownPrograms.contains(program);
}

// The convention the demo profiles rely on: a build command asking for it, or source code
// that says so (the simulation's stand-in for code that does not compile).
bool failsByConvention(const QJsonObject &package)
{
    static const QRegularExpression failWord(u"\\bfail"_s, QRegularExpression::CaseInsensitiveOption);
    const QJsonObject spec = ctrl::specOf(package);
    if (ctrl::text(spec, "buildcmd"_L1).contains(failWord))
        return true;
    const QByteArray source = QByteArray::fromBase64(ctrl::text(ctrl::child(spec, "source"_L1), "literal"_L1).toLatin1());
    return source.contains("fd-sim: build fails");
}

QString joinedLines(const QStringList &lines)
{
    QString text;
    for (const QString &line : lines)
        text += line + QLatin1Char('\n');
    return text;
}

} // namespace

Language languageOf(const QJsonObject &environment)
{
    const QJsonObject spec = ctrl::specOf(environment);
    const QString images = (ctrl::text(ctrl::child(spec, "runtime"_L1), "image"_L1) + QLatin1Char(' ')
                            + ctrl::text(ctrl::child(spec, "builder"_L1), "image"_L1))
                               .toLower();
    if (images.contains("node"_L1))
        return Language::Node;
    if (images.contains("python"_L1))
        return Language::Python;
    static const QRegularExpression go(u"(^|[/ ])go(lang)?([-:]|$| )"_s);
    if (images.contains(go) || images.contains("go-env"_L1) || images.contains("go-builder"_L1))
        return Language::Go;
    return Language::Generic;
}

QString buildCommandOf(const QJsonObject &environment, const QJsonObject &package)
{
    QString command = ctrl::text(ctrl::specOf(package), "buildcmd"_L1).trimmed();
    if (command.isEmpty())
        command = ctrl::text(ctrl::child(ctrl::specOf(environment), "builder"_L1), "command"_L1).trimmed();
    return command.isEmpty() ? u"/build"_s : command;
}

BuildOutcome runBuild(const QJsonObject &environment, const QJsonObject &package, const QString &srcPath)
{
    BuildOutcome outcome;
    const QString command = buildCommandOf(environment, package);
    // The builder splits on single spaces; the first word is the executable.
    outcome.command = command.section(QLatin1Char(' '), 0, 0);
    const Language language = languageOf(environment);
    if (!programIsFound(outcome.command)) {
        outcome.started = false;
        outcome.succeeded = false;
        outcome.builderError = QStringLiteral("error starting cmd: exec: \"%1\": executable file not found in $PATH")
                                   .arg(outcome.command);
        outcome.buildLog = u"error building source package: "_s + outcome.builderError + QLatin1Char('\n')
            + kBuilderHttpError + QLatin1Char('\n');
        return outcome;
    }
    const QString annotation = ctrl::annotationsOf(package).value(kSimBuildErrorAnnotation).toString();
    const bool fails = outcome.command == "false"_L1 || (!annotation.isEmpty() && annotation != "false"_L1)
        || failsByConvention(package);
    if (!fails) {
        outcome.output = outcome.command == "true"_L1 ? QStringList() : successOutput(language, srcPath);
        outcome.buildLog = joinedLines(outcome.output);
        return outcome;
    }
    outcome.succeeded = false;
    if (outcome.command != "false"_L1)
        outcome.output = annotation.isEmpty() || annotation == "true"_L1 ? compilerErrorOutput(language, srcPath)
                                                                        : annotation.split(QLatin1Char('\n'));
    outcome.builderError = QStringLiteral("error waiting for cmd \"%1\": exit status 1").arg(outcome.command);
    outcome.buildLog = joinedLines(outcome.output) + u"error building source package: "_s + outcome.builderError
        + QLatin1Char('\n') + kBuilderHttpError + QLatin1Char('\n');
    return outcome;
}

} // namespace fd::sim::fission
