// Our own Fission CRDs: accepted by the emulator's CRD machinery with upstream's names,
// scopes and subresources, and — where ../shared holds the real v1.20.5 CRDs — every field
// our compact schema declares exists in the real schema with the same type.
#include "SchemaTestSupport.h"
#include "TestSupport.h"

#include "sim/fissioninstall/FissionCrds.h"
#include "sim/schema/CrdDefinition.h"
#include "sim/schema/StructuralSchema.h"

#include <QJsonArray>
#include <QTest>

using namespace fd::sim;
using namespace fd::sim::fissioninstall;
using namespace Qt::StringLiterals;

namespace {

QJsonObject crdOf(const QList<QJsonObject> &crds, const QString &kind)
{
    for (const QJsonObject &crd : crds) {
        if (crd.value(u"spec"_s).toObject().value(u"names"_s).toObject().value(u"kind"_s).toString() == kind)
            return crd;
    }
    return {};
}

QJsonObject schemaOf(const QJsonObject &crd)
{
    return crd.value(u"spec"_s).toObject().value(u"versions"_s).toArray().at(0).toObject().value(u"schema"_s).toObject()
        .value(u"openAPIV3Schema"_s).toObject();
}

// Every declared path with its type: "spec.runtime.image" -> "string", "spec.methods[]" -> "string".
void collectPaths(const QJsonObject &node, const QString &path, QMap<QString, QString> &out)
{
    if (!path.isEmpty())
        out.insert(path, node.value(u"type"_s).toString());
    const QJsonObject properties = node.value(u"properties"_s).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        collectPaths(it.value().toObject(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), out);
    if (node.contains(u"items"_s))
        collectPaths(node.value(u"items"_s).toObject(), path + u"[]"_s, out);
    if (node.value(u"additionalProperties"_s).isObject())
        collectPaths(node.value(u"additionalProperties"_s).toObject(), path + u"{}"_s, out);
}

} // namespace

class TestFissionInstallCrds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCrdIsAccepted_data()
    {
        QTest::addColumn<int>("flavor");
        QTest::addColumn<int>("count");
        QTest::addRow("1.20") << int(FissionFlavor::V1_20) << 8;
        QTest::addRow("modern") << int(FissionFlavor::Modern) << 13;
    }

    void everyCrdIsAccepted()
    {
        QFETCH(int, flavor);
        QFETCH(int, count);
        const QList<QJsonObject> crds = fissionCrds(FissionFlavor(flavor));
        QCOMPARE(crds.size(), count);
        QList<ResourceType> served = fd::test::sampleBuiltinTypes();
        for (const QJsonObject &json : crds) {
            const auto crd = CrdDefinition::fromJson(json);
            QVERIFY2(crd, qPrintable(json.value(u"metadata"_s).toObject().value(u"name"_s).toString()));
            QCOMPARE(crd->group(), u"fission.io"_s);
            QCOMPARE(crd->storageVersion(), u"v1"_s);
            QCOMPARE(crd->name(), crd->names().plural + u".fission.io"_s);
            const CrdNameCheck names = crd->checkNames(served);
            QVERIFY2(names.accepted, qPrintable(crd->name() + u": "_s + names.message));
            const QList<ResourceType> types = crd->resourceTypes(names.acceptedNames);
            QCOMPARE(types.size(), 1);
            QVERIFY2(StructuralSchema::fromJson(types.first().schema), qPrintable(crd->name()));
            served << types;
            // 1.20's kustomization labels them; main's hook applies the bare files.
            const QJsonObject labels = json.value(u"metadata"_s).toObject().value(u"labels"_s).toObject();
            QCOMPARE(labels.value(u"group"_s).toString(), FissionFlavor(flavor) == FissionFlavor::V1_20 ? u"fission.io"_s : QString());
        }
    }

    void namesScopesAndSubresources()
    {
        const QList<QJsonObject> legacy = fissionCrds(FissionFlavor::V1_20);
        const auto package = CrdDefinition::fromJson(crdOf(legacy, u"Package"_s));
        QVERIFY(package);
        QCOMPARE(package->names().shortNames, QStringList{u"pkg"_s});
        QVERIFY(!package->version(u"v1"_s)->hasStatus); // 1.20: whoever writes the Package writes its status
        const auto function = CrdDefinition::fromJson(crdOf(legacy, u"Function"_s));
        QCOMPARE(function->names().shortNames, QStringList{u"fn"_s});
        QVERIFY(function->version(u"v1"_s)->hasStatus);
        QVERIFY(!CrdDefinition::fromJson(crdOf(legacy, u"MessageQueueTrigger"_s))->version(u"v1"_s)->hasStatus);
        QVERIFY(crdOf(legacy, u"FissionTenant"_s).isEmpty());

        const QList<QJsonObject> modern = fissionCrds(FissionFlavor::Modern);
        const auto tenant = CrdDefinition::fromJson(crdOf(modern, u"FissionTenant"_s));
        QVERIFY(tenant);
        QVERIFY(!tenant->namespaced());
        QCOMPARE(tenant->names().shortNames, QStringList{u"ftenant"_s});
        const QJsonArray columns = crdOf(modern, u"FissionTenant"_s).value(u"spec"_s).toObject().value(u"versions"_s).toArray()
                                       .at(0).toObject().value(u"additionalPrinterColumns"_s).toArray();
        QStringList columnNames;
        for (const QJsonValue &column : columns)
            columnNames << column.toObject().value(u"name"_s).toString();
        QCOMPARE(columnNames, (QStringList{u"Namespace"_s, u"Ready"_s, u"Age"_s}));
        for (const QJsonObject &json : modern)
            QVERIFY2(CrdDefinition::fromJson(json)->version(u"v1"_s)->hasStatus, qPrintable(json.value(u"metadata"_s).toObject().value(u"name"_s).toString()));
    }

    void packageStatusDefaultsToPending()
    {
        // The upstream default the app's "pending" diagnosis depends on.
        const StructuralSchema schema(schemaOf(crdOf(fissionCrds(FissionFlavor::V1_20), u"Package"_s)));
        QJsonObject package{{u"apiVersion"_s, u"fission.io/v1"_s},
                            {u"kind"_s, u"Package"_s},
                            {u"metadata"_s, QJsonObject{{u"name"_s, u"p"_s}}},
                            {u"spec"_s, QJsonObject{{u"environment"_s, QJsonObject{{u"name"_s, u"nodejs"_s}, {u"namespace"_s, u"default"_s}}},
                                                    {u"unknownField"_s, 1}}},
                            {u"status"_s, QJsonObject{{u"lastUpdateTimestamp"_s, QJsonValue::Null}}}};
        const QStringList pruned = schema.coerce(package);
        QCOMPARE(pruned, QStringList{u"spec.unknownField"_s});
        QCOMPARE(package.value(u"status"_s).toObject().value(u"buildstatus"_s).toString(), u"pending"_s);
        QVERIFY(package.value(u"status"_s).toObject().value(u"lastUpdateTimestamp"_s).isNull());
        QVERIFY(schema.validate(package).isEmpty());
    }

    void podSpecsArePreserved()
    {
        const StructuralSchema schema(schemaOf(crdOf(fissionCrds(FissionFlavor::V1_20), u"Environment"_s)));
        QJsonObject env{{u"apiVersion"_s, u"fission.io/v1"_s},
                        {u"kind"_s, u"Environment"_s},
                        {u"metadata"_s, QJsonObject{{u"name"_s, u"e"_s}}},
                        {u"spec"_s, QJsonObject{{u"version"_s, 3},
                                                {u"runtime"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/node-env"_s},
                                                                           {u"podspec"_s, QJsonObject{{u"nodeSelector"_s, QJsonObject{{u"disk"_s, u"ssd"_s}}}}}}}}},
                        {u"status"_s, QJsonObject{{u"anything"_s, true}}}};
        const QStringList pruned = schema.coerce(env);
        QCOMPARE(pruned, QStringList{u"status"_s});
        QCOMPARE(env.value(u"spec"_s).toObject().value(u"runtime"_s).toObject().value(u"podspec"_s).toObject()
                     .value(u"nodeSelector"_s).toObject().value(u"disk"_s).toString(),
                 u"ssd"_s);
    }

    // The referee of our schema: the real 1.20.5 CRDs declare every field we declare, with
    // the same type, and the same names, scope and short names.
    void everyDeclaredFieldExistsUpstream()
    {
        const auto upstream = fd::test::fissionCrds();
        if (!upstream)
            FD_SKIP_LOUDLY(u"../shared/fixtures/crds/fission-v1.20.5 is not available: our CRD schemas are not refereed"_s);
        const QList<QJsonObject> ours = fissionCrds(FissionFlavor::V1_20);
        QCOMPARE(ours.size(), upstream->size());
        for (const auto &[file, real] : std::as_const(*upstream)) {
            const QJsonObject realSpec = real.value(u"spec"_s).toObject();
            const QString kind = realSpec.value(u"names"_s).toObject().value(u"kind"_s).toString();
            const QJsonObject mine = crdOf(ours, kind);
            QVERIFY2(!mine.isEmpty(), qPrintable(u"no CRD of ours for "_s + kind));
            const QJsonObject mySpec = mine.value(u"spec"_s).toObject();
            QCOMPARE(mySpec.value(u"names"_s), realSpec.value(u"names"_s));
            QCOMPARE(mySpec.value(u"scope"_s), realSpec.value(u"scope"_s));
            const QJsonObject realVersion = realSpec.value(u"versions"_s).toArray().at(0).toObject();
            const QJsonObject myVersion = mySpec.value(u"versions"_s).toArray().at(0).toObject();
            QCOMPARE(myVersion.value(u"subresources"_s), realVersion.value(u"subresources"_s));
            QMap<QString, QString> realPaths;
            QMap<QString, QString> myPaths;
            collectPaths(schemaOf(real), {}, realPaths);
            collectPaths(schemaOf(mine), {}, myPaths);
            for (auto it = myPaths.begin(); it != myPaths.end(); ++it) {
                QVERIFY2(realPaths.contains(it.key()), qPrintable(kind + u": "_s + it.key() + u" is not an upstream field"_s));
                if (!it.value().isEmpty()) {
                    QVERIFY2(realPaths.value(it.key()) == it.value(),
                             qPrintable(kind + u": "_s + it.key() + u" is "_s + it.value() + u" here, "_s
                                        + realPaths.value(it.key()) + u" upstream"_s));
                }
            }
            // Everything upstream declares directly under spec and status is declared by us too.
            for (auto it = realPaths.begin(); it != realPaths.end(); ++it) {
                const QStringList parts = it.key().split(QLatin1Char('.'));
                if (parts.size() == 2 && (parts.first() == "spec"_L1 || parts.first() == "status"_L1))
                    QVERIFY2(myPaths.contains(it.key()), qPrintable(kind + u": upstream "_s + it.key() + u" is missing here"_s));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFissionInstallCrds)
#include "tst_crds.moc"
