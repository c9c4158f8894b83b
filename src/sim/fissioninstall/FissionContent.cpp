#include "sim/fissioninstall/FissionContent.h"

#include "sim/fissioninstall/ZipArchive.h"

#include <QJsonArray>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

QJsonObject meta(const QString &name, const QString &namespaceName)
{
    QJsonObject result{{u"name"_s, name}};
    if (!namespaceName.isEmpty())
        result.insert(u"namespace"_s, namespaceName);
    return result;
}

QJsonObject reference(const QString &name, const QString &namespaceName)
{
    return {{u"name"_s, name}, {u"namespace"_s, namespaceName}};
}

QJsonObject literalArchive(const QByteArray &archive)
{
    return {{u"type"_s, u"literal"_s},
            {u"literal"_s, QString::fromLatin1(archive.toBase64())},
            {u"checksum"_s, QJsonObject()}};
}

QJsonObject fissionObject(const QString &kind, const QString &name, const QString &namespaceName, const QJsonObject &spec)
{
    return {{u"apiVersion"_s, u"fission.io/v1"_s}, {u"kind"_s, kind}, {u"metadata"_s, meta(name, namespaceName)}, {u"spec"_s, spec}};
}

} // namespace

RuntimeImages runtimeImages(const QString &language)
{
    if (language == "python"_L1)
        return {u"ghcr.io/fission/python-env"_s, u"ghcr.io/fission/python-builder"_s, u"build"_s};
    if (language == "go"_L1)
        return {u"ghcr.io/fission/go-env-1.23"_s, u"ghcr.io/fission/go-builder-1.23"_s, u"build"_s};
    if (language == "binary"_L1)
        return {u"ghcr.io/fission/binary-env"_s, QString(), QString()};
    return {u"ghcr.io/fission/node-env"_s, u"ghcr.io/fission/node-builder"_s, u"build"_s};
}

QJsonObject environmentObject(const QString &name, const QString &namespaceName, const RuntimeImages &images, int poolSize)
{
    QJsonObject spec{{u"version"_s, 3},
                     {u"runtime"_s, QJsonObject{{u"image"_s, images.runtime}}},
                     {u"poolsize"_s, poolSize},
                     {u"resources"_s, QJsonObject()},
                     {u"terminationGracePeriod"_s, 360},
                     {u"keeparchive"_s, false},
                     {u"imagepullsecret"_s, QString()},
                     {u"allowedFunctionsPerContainer"_s, u"single"_s},
                     {u"allowAccessToExternalNetwork"_s, false}};
    if (!images.builder.isEmpty())
        spec.insert(u"builder"_s, QJsonObject{{u"image"_s, images.builder}, {u"command"_s, images.builderCommand}});
    return fissionObject(u"Environment"_s, name, namespaceName, spec);
}

QJsonObject sourcePackageObject(const QString &name, const QString &namespaceName, const QString &environment,
                                const QByteArray &archive, const QString &buildCommand, PackageWriter writer,
                                const QDateTime &now)
{
    QJsonObject spec{{u"environment"_s, reference(environment, namespaceName)},
                     {u"source"_s, literalArchive(archive)},
                     {u"deployment"_s, QJsonObject{{u"checksum"_s, QJsonObject()}}}};
    if (!buildCommand.isEmpty())
        spec.insert(u"buildcmd"_s, buildCommand);
    QJsonObject object = fissionObject(u"Package"_s, name, namespaceName, spec);
    if (writer == PackageWriter::Cli)
        object.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"pending"_s}, {u"lastUpdateTimestamp"_s, utcTimestamp(now)}});
    return object;
}

QJsonObject deployPackageObject(const QString &name, const QString &namespaceName, const QString &environment,
                                const QByteArray &archive, PackageWriter writer, const QDateTime &now)
{
    QJsonObject spec{{u"environment"_s, reference(environment, namespaceName)},
                     {u"source"_s, QJsonObject{{u"checksum"_s, QJsonObject()}}},
                     {u"deployment"_s, literalArchive(archive)}};
    QJsonObject object = fissionObject(u"Package"_s, name, namespaceName, spec);
    if (writer == PackageWriter::Cli)
        object.insert(u"status"_s, QJsonObject{{u"buildstatus"_s, u"succeeded"_s}, {u"lastUpdateTimestamp"_s, utcTimestamp(now)}});
    return object;
}

QJsonObject functionObject(const QString &name, const QString &namespaceName, const QString &environment,
                           const QString &package, const QString &packageResourceVersion, const FunctionShape &shape)
{
    const QJsonObject strategy{{u"ExecutorType"_s, shape.executor},
                               {u"MinScale"_s, shape.minScale},
                               {u"MaxScale"_s, shape.maxScale},
                               {u"SpecializationTimeout"_s, 120},
                               {u"TargetCPUPercent"_s, shape.executor == "newdeploy"_L1 ? 80 : 0}};
    QJsonObject packageRef = reference(package, namespaceName);
    packageRef.insert(u"resourceversion"_s, packageResourceVersion);
    QJsonObject packageSpec{{u"packageref"_s, packageRef}};
    if (!shape.entryPoint.isEmpty())
        packageSpec.insert(u"functionName"_s, shape.entryPoint);
    const QJsonObject spec{{u"environment"_s, reference(environment, namespaceName)},
                           {u"package"_s, packageSpec},
                           {u"secrets"_s, QJsonValue()},
                           {u"configmaps"_s, QJsonValue()},
                           {u"resources"_s, QJsonObject()},
                           {u"InvokeStrategy"_s, QJsonObject{{u"StrategyType"_s, u"execution"_s}, {u"ExecutionStrategy"_s, strategy}}},
                           {u"functionTimeout"_s, 60},
                           {u"idletimeout"_s, 120},
                           {u"concurrency"_s, 500},
                           {u"requestsPerPod"_s, 1}};
    return fissionObject(u"Function"_s, name, namespaceName, spec);
}

QJsonObject httpTriggerObject(const QString &name, const QString &namespaceName, const QString &function,
                              const QString &relativeUrl, const QStringList &methods)
{
    const QJsonObject spec{{u"host"_s, QString()},
                           {u"relativeurl"_s, relativeUrl},
                           {u"prefix"_s, QString()},
                           {u"keepPrefix"_s, false},
                           {u"method"_s, methods.value(0)},
                           {u"methods"_s, QJsonArray::fromStringList(methods)},
                           {u"functionref"_s, QJsonObject{{u"type"_s, u"name"_s}, {u"name"_s, function}, {u"functionweights"_s, QJsonValue()}}},
                           {u"createingress"_s, false},
                           {u"ingressconfig"_s, QJsonObject{{u"annotations"_s, QJsonValue()},
                                                            {u"path"_s, relativeUrl},
                                                            {u"host"_s, u"*"_s},
                                                            {u"tls"_s, QString()}}}};
    return fissionObject(u"HTTPTrigger"_s, name, namespaceName, spec);
}

QJsonObject timeTriggerObject(const QString &name, const QString &namespaceName, const QString &function, const QString &cron)
{
    const QJsonObject spec{{u"cron"_s, cron},
                           {u"functionref"_s, QJsonObject{{u"type"_s, u"name"_s}, {u"name"_s, function}, {u"functionweights"_s, QJsonValue()}}},
                           {u"method"_s, u"POST"_s},
                           {u"subpath"_s, u"/"_s}};
    return fissionObject(u"TimeTrigger"_s, name, namespaceName, spec);
}

QJsonObject fissionTenantObject(const QString &name, const QString &tenantNamespace, const QString &managedBy)
{
    QJsonObject object = fissionObject(u"FissionTenant"_s, name, {}, QJsonObject{{u"namespace"_s, tenantNamespace}});
    if (!managedBy.isEmpty()) {
        QJsonObject metadata = object.value(u"metadata"_s).toObject();
        metadata.insert(u"annotations"_s, QJsonObject{{u"fission.io/managed-by"_s, managedBy}});
        object.insert(u"metadata"_s, metadata);
    }
    return object;
}

QByteArray demoSource(const QString &language, const QString &function, bool failing)
{
    if (language == "python"_L1) {
        const QByteArray code = "import json\n\n\ndef main():\n    return json.dumps({\"function\": \"" + function.toUtf8()
                                + "\", \"ok\": True})\n";
        return zipArchive({{u"main.py"_s, code}, {u"requirements.txt"_s, "requests==2.32.3\n"}});
    }
    if (language == "go"_L1) {
        QByteArray code = "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n// Handler answers every request.\n"
                          "func Handler(w http.ResponseWriter, r *http.Request) {\n\tfmt.Fprintf(w, \"" + function.toUtf8()
                          + ": ok\\n\")\n}\n";
        if (failing) {
            // fd-sim: build fails — a typo the compiler rejects (undefined: stock).
            code = "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n// fd-sim: build fails\n"
                   "func Handler(w http.ResponseWriter, r *http.Request) {\n\tfmt.Fprintf(w, \"%d items\\n\", stock)\n}\n";
        }
        return zipArchive({{u"main.go"_s, code}, {u"go.mod"_s, "module " + function.toUtf8() + "\n\ngo 1.23\n"}});
    }
    const QByteArray code = "module.exports = async function (context) {\n    return {\n        status: 200,\n"
                            "        body: \"" + function.toUtf8() + ": hello from Fission\\n\"\n    };\n};\n";
    return zipArchive({{u"index.js"_s, code},
                       {u"package.json"_s, "{\n  \"name\": \"" + function.toUtf8() + "\",\n  \"version\": \"1.0.0\",\n"
                                           "  \"main\": \"index.js\"\n}\n"}});
}

QString utcTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace fd::sim::fissioninstall
