#include "sim/codec/KubeProtobuf.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace fd::sim;

namespace {

// A tiny protobuf encoder, enough to hand-build bodies the way Go's generated code does.
class PbWriter {
public:
    PbWriter &varint(quint32 field, quint64 value)
    {
        tag(field, 0);
        putVarint(value);
        return *this;
    }
    PbWriter &bytes(quint32 field, QByteArrayView value)
    {
        tag(field, 2);
        putVarint(quint64(value.size()));
        m_out.append(value);
        return *this;
    }
    PbWriter &str(quint32 field, const char *value) { return bytes(field, QByteArrayView(value)); }
    PbWriter &message(quint32 field, const PbWriter &inner) { return bytes(field, inner.data()); }
    PbWriter &fixed32(quint32 field, quint32 value)
    {
        tag(field, 5);
        for (int i = 0; i < 4; ++i)
            m_out.append(char((value >> (8 * i)) & 0xff));
        return *this;
    }
    PbWriter &fixed64(quint32 field, quint64 value)
    {
        tag(field, 1);
        for (int i = 0; i < 8; ++i)
            m_out.append(char((value >> (8 * i)) & 0xff));
        return *this;
    }
    PbWriter &mapEntry(quint32 field, const char *key, QByteArrayView value)
    {
        return message(field, PbWriter().str(1, key).bytes(2, value));
    }
    PbWriter &raw(QByteArrayView data)
    {
        m_out.append(data);
        return *this;
    }
    QByteArray data() const { return m_out; }

private:
    void tag(quint32 field, int wireType) { putVarint((quint64(field) << 3) | quint64(wireType)); }
    void putVarint(quint64 value)
    {
        do {
            char byte = char(value & 0x7f);
            value >>= 7;
            if (value)
                byte = char(byte | 0x80);
            m_out.append(byte);
        } while (value);
    }
    QByteArray m_out;
};

QByteArray envelope(const char *apiVersion, const char *kind, const QByteArray &raw)
{
    PbWriter unknown;
    unknown.message(1, PbWriter().str(1, apiVersion).str(2, kind)).bytes(2, raw).str(3, "").str(4, "");
    return QByteArrayLiteral("k8s") + '\0' + unknown.data();
}

// ObjectMeta the way Go writes it for a fresh object: every non-pointer field, empty.
PbWriter emptyMeta(const char *name, const char *ns = "")
{
    return PbWriter().str(1, name).str(2, "").str(3, ns).str(4, "").str(5, "").str(6, "").varint(7, 0).str(8, "");
}

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(":/codec/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray normalized(const char *json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad expected JSON in test: %s", json);
    return doc.toJson(QJsonDocument::Compact);
}

} // namespace

class TestKubeProtobuf : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void capturedBodies_data();
    void capturedBodies();
    void kubectl132NamespacePrefix();
    void helmReleaseSecret();
    void dockerRegistrySecret();
    void handBuilt_data();
    void handBuilt();
    void unsupportedKind();
    void peekType();
    void malformed_data();
    void malformed();
    void truncatedBodiesNeverCrash();
    void mutatedBodiesNeverCrash();
    void largeBodiesStayLinear();
};

void TestKubeProtobuf::capturedBodies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("secret generic") << QStringLiteral("kubectl133-create-secret-generic.bin")
        << normalized(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"x","creationTimestamp":null},
                          "data":{"a":"Yg==","empty":""}})");
    QTest::addRow("configmap") << QStringLiteral("kubectl133-create-configmap.bin")
        << normalized(R"({"apiVersion":"v1","kind":"ConfigMap",
                          "metadata":{"name":"cm1","namespace":"team-a","creationTimestamp":null},
                          "data":{"k1":"v1","txt":"hello"},"binaryData":{"bin":"AAH//mJpbmFyeQ=="}})");
    QTest::addRow("namespace") << QStringLiteral("kubectl133-create-namespace.bin")
        << normalized(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"foo","creationTimestamp":null},
                          "spec":{},"status":{}})");
    QTest::addRow("serviceaccount") << QStringLiteral("kubectl133-create-serviceaccount.bin")
        << normalized(R"({"apiVersion":"v1","kind":"ServiceAccount",
                          "metadata":{"name":"sa1","namespace":"team-a","creationTimestamp":null}})");
    QTest::addRow("can-i create pods") << QStringLiteral("kubectl133-can-i-create-pods.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                          "metadata":{"creationTimestamp":null},
                          "spec":{"resourceAttributes":{"namespace":"team-a","verb":"create","resource":"pods"}},
                          "status":{"allowed":false}})");
    QTest::addRow("can-i subresource") << QStringLiteral("kubectl133-can-i-get-pods-log.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                          "metadata":{"creationTimestamp":null},
                          "spec":{"resourceAttributes":{"namespace":"default","verb":"get","resource":"pods",
                                                        "subresource":"log"}},
                          "status":{"allowed":false}})");
    QTest::addRow("can-i name") << QStringLiteral("kubectl133-can-i-get-pod-name.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                          "metadata":{"creationTimestamp":null},
                          "spec":{"resourceAttributes":{"namespace":"ns1","verb":"get","resource":"pods",
                                                        "name":"mypod"}},
                          "status":{"allowed":false}})");
    QTest::addRow("can-i all namespaces") << QStringLiteral("kubectl133-can-i-list-deployments-all.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                          "metadata":{"creationTimestamp":null},
                          "spec":{"resourceAttributes":{"verb":"list","group":"apps","resource":"deployments"}},
                          "status":{"allowed":false}})");
    QTest::addRow("can-i non-resource") << QStringLiteral("kubectl133-can-i-nonresource.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                          "metadata":{"creationTimestamp":null},
                          "spec":{"nonResourceAttributes":{"path":"/logs","verb":"get"}},
                          "status":{"allowed":false}})");
    QTest::addRow("can-i --list") << QStringLiteral("kubectl133-can-i-list.bin")
        << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview",
                          "metadata":{"creationTimestamp":null},"spec":{"namespace":"team-a"},
                          "status":{"incomplete":false}})");
    QTest::addRow("whoami") << QStringLiteral("kubectl133-whoami.bin")
        << normalized(R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview",
                          "metadata":{"creationTimestamp":null},"status":{"userInfo":{}}})");
    QTest::addRow("helm delete options") << QStringLiteral("helm41-delete-options.bin")
        << normalized(R"({"apiVersion":"v1","kind":"DeleteOptions"})");
}

void TestKubeProtobuf::capturedBodies()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, expected);
    const QByteArray body = readData(file);
    QVERIFY(isKubeProtobuf(body));
    const auto decoded = decodeKubeProtobuf(body);
    QVERIFY2(decoded.hasValue(), qPrintable(decoded.hasValue() ? QString() : decoded.error()));
    QCOMPARE(compact(*decoded), expected);
}

void TestKubeProtobuf::kubectl132NamespacePrefix()
{
    // kube-protocol.md §9: kubectl 1.32.4's `create namespace foo` body starts like this.
    const QByteArray prefix = QByteArrayLiteral("k8s") + '\0' + QByteArrayLiteral("\x0a\x0f\x0a\x02v1\x12\x09Namespace\x12\x1b");
    const QByteArray captured = readData(QStringLiteral("kubectl133-create-namespace.bin"));
    QVERIFY(captured.startsWith(prefix)); // 1.33 writes the same bytes
    const auto decoded = decodeKubeProtobuf(captured);
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("foo"));
}

void TestKubeProtobuf::helmReleaseSecret()
{
    for (const char *file : {"helm41-install-secret-post.bin", "helm41-install-secret-put-deployed.bin"}) {
        const auto decoded = decodeKubeProtobuf(readData(QLatin1String(file)));
        QVERIFY2(decoded.hasValue(), file);
        const QJsonObject secret = *decoded;
        QCOMPARE(secret.value(QStringLiteral("type")).toString(), QStringLiteral("helm.sh/release.v1"));
        const QJsonObject meta = secret.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(meta.value(QStringLiteral("name")).toString(), QStringLiteral("sh.helm.release.v1.rel1.v1"));
        const QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
        QCOMPARE(labels.value(QStringLiteral("owner")).toString(), QStringLiteral("helm"));
        QCOMPARE(labels.value(QStringLiteral("name")).toString(), QStringLiteral("rel1"));
        QCOMPARE(labels.value(QStringLiteral("version")).toString(), QStringLiteral("1"));
        QVERIFY(labels.contains(QStringLiteral("status")));
        // data.release: base64 (JSON) of Helm's own base64(gzip(release JSON)).
        const QByteArray release = QByteArray::fromBase64(
            secret.value(QStringLiteral("data")).toObject().value(QStringLiteral("release")).toString().toLatin1());
        const QByteArray gzip = QByteArray::fromBase64(release);
        QVERIFY(gzip.startsWith("\x1f\x8b"));
    }
}

void TestKubeProtobuf::dockerRegistrySecret()
{
    const auto decoded = decodeKubeProtobuf(readData(QStringLiteral("kubectl133-create-secret-docker-registry.bin")));
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->value(QStringLiteral("type")).toString(), QStringLiteral("kubernetes.io/dockerconfigjson"));
    const QByteArray config = QByteArray::fromBase64(decoded->value(QStringLiteral("data")).toObject()
        .value(QStringLiteral(".dockerconfigjson")).toString().toLatin1());
    const QJsonObject auths = QJsonDocument::fromJson(config).object().value(QStringLiteral("auths")).toObject();
    QCOMPARE(auths.value(QStringLiteral("r.io")).toObject().value(QStringLiteral("username")).toString(),
             QStringLiteral("u"));
}

void TestKubeProtobuf::handBuilt_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    {
        // Every ObjectMeta field, two timestamps, managedFields with embedded JSON.
        PbWriter meta;
        meta.str(1, "web").str(2, "web-").str(3, "team-a").str(4, "/self").str(5, "uid-1").str(6, "42")
            .varint(7, 3)
            .message(8, PbWriter().varint(1, 1700000000).varint(2, 123456789))
            .message(9, PbWriter().varint(1, 1700000060))
            .varint(10, 30)
            .mapEntry(11, "app", "web").mapEntry(11, "tier", "")
            .mapEntry(12, "note", "a=b")
            .message(13, PbWriter().str(1, "Deployment").str(3, "web").str(4, "uid-0").str(5, "apps/v1")
                             .varint(6, 1).varint(7, 0))
            .str(14, "foregroundDeletion").str(14, "example.com/x")
            .message(17, PbWriter().str(1, "kubectl").str(2, "Update").str(3, "v1")
                             .message(4, PbWriter().varint(1, 0)).str(6, "FieldsV1")
                             .message(7, PbWriter().str(1, R"({"f:data":{".":{}}})")).str(8, ""));
        PbWriter secret;
        secret.message(1, meta).mapEntry(2, "bin", QByteArrayView("\x00\xff", 2)).str(3, "Opaque")
            .mapEntry(4, "plain", "text").varint(5, 0);
        QTest::addRow("secret with full metadata") << envelope("v1", "Secret", secret.data())
            << normalized(R"({"apiVersion":"v1","kind":"Secret",
                "metadata":{"name":"web","generateName":"web-","namespace":"team-a","selfLink":"/self","uid":"uid-1",
                  "resourceVersion":"42","generation":3,"creationTimestamp":"2023-11-14T22:13:20Z",
                  "deletionTimestamp":"2023-11-14T22:14:20Z","deletionGracePeriodSeconds":30,
                  "labels":{"app":"web","tier":""},"annotations":{"note":"a=b"},
                  "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"uid-0",
                                      "controller":true,"blockOwnerDeletion":false}],
                  "finalizers":["foregroundDeletion","example.com/x"],
                  "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"v1",
                                    "time":"1970-01-01T00:00:00Z","fieldsType":"FieldsV1",
                                    "fieldsV1":{"f:data":{".":{}}}}]},
                "data":{"bin":"AP8="},"type":"Opaque","stringData":{"plain":"text"},"immutable":false})");
    }
    {
        PbWriter cm;
        cm.message(1, emptyMeta("cfg", "ns")).mapEntry(2, "k", "v").mapEntry(3, "blob", "xyz").varint(4, 1);
        QTest::addRow("configmap immutable") << envelope("v1", "ConfigMap", cm.data())
            << normalized(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","namespace":"ns",
                "creationTimestamp":null},"data":{"k":"v"},"binaryData":{"blob":"eHl6"},"immutable":true})");
    }
    {
        PbWriter ns;
        ns.message(1, emptyMeta("gone"))
            .message(2, PbWriter().str(1, "kubernetes"))
            .message(3, PbWriter().str(1, "Terminating")
                            .message(2, PbWriter().str(1, "NamespaceContentRemaining").str(2, "True")
                                            .message(4, PbWriter().varint(1, 1700000000)).str(5, "SomeResourcesRemain")
                                            .str(6, "")));
        QTest::addRow("namespace terminating") << envelope("v1", "Namespace", ns.data())
            << normalized(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"gone","creationTimestamp":null},
                "spec":{"finalizers":["kubernetes"]},
                "status":{"phase":"Terminating","conditions":[{"type":"NamespaceContentRemaining","status":"True",
                  "lastTransitionTime":"2023-11-14T22:13:20Z","reason":"SomeResourcesRemain"}]}})");
    }
    {
        PbWriter sa;
        sa.message(1, emptyMeta("bot", "ns"))
            .message(2, PbWriter().str(1, "Secret").str(3, "bot-token"))
            .message(3, PbWriter().str(1, "regcred"))
            .varint(4, 0);
        QTest::addRow("serviceaccount") << envelope("v1", "ServiceAccount", sa.data())
            << normalized(R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"bot","namespace":"ns",
                "creationTimestamp":null},"secrets":[{"kind":"Secret","name":"bot-token"}],
                "imagePullSecrets":[{"name":"regcred"}],"automountServiceAccountToken":false})");
    }
    {
        PbWriter opts;
        opts.varint(1, 0).message(2, PbWriter().str(1, "uid-9").str(2, "17")).varint(3, 1).str(4, "Foreground")
            .str(5, "All").varint(6, 0);
        QTest::addRow("delete options full") << envelope("v1", "DeleteOptions", opts.data())
            << normalized(R"({"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":0,
                "preconditions":{"uid":"uid-9","resourceVersion":"17"},"orphanDependents":true,
                "propagationPolicy":"Foreground","dryRun":["All"],
                "ignoreStoreReadErrorWithClusterBreakingPotential":false})");
        QTest::addRow("delete options other group") << envelope("apps/v1", "DeleteOptions", PbWriter().varint(1, 5).data())
            << normalized(R"({"apiVersion":"apps/v1","kind":"DeleteOptions","gracePeriodSeconds":5})");
        // int64 keeps all 64 bits (no detour through double).
        QTest::addRow("delete options large grace") << envelope("v1", "DeleteOptions", PbWriter().varint(1, 9007199254740993ULL).data())
            << normalized(R"({"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":9007199254740993})");
        // int64 on the wire is two's complement in ten bytes.
        QTest::addRow("delete options negative grace") << envelope("v1", "DeleteOptions", PbWriter().varint(1, quint64(-1)).data())
            << normalized(R"({"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":-1})");
    }
    {
        PbWriter attrs;
        attrs.str(1, "ns").str(2, "list").str(3, "").str(4, "v1").str(5, "pods").str(6, "").str(7, "")
            .message(8, PbWriter().str(1, "spec.nodeName=n1")
                            .message(2, PbWriter().str(1, "spec.nodeName").str(2, "In").str(3, "n1").str(3, "n2")))
            .message(9, PbWriter().str(1, "app=web"));
        PbWriter review;
        review.message(1, emptyMeta("")).message(2, PbWriter().message(1, attrs))
            .message(3, PbWriter().varint(1, 1).str(2, "").str(3, "").varint(4, 0));
        QTest::addRow("selfsubjectaccessreview selectors") << envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", review.data())
            << normalized(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                "metadata":{"creationTimestamp":null},
                "spec":{"resourceAttributes":{"namespace":"ns","verb":"list","version":"v1","resource":"pods",
                  "fieldSelector":{"rawSelector":"spec.nodeName=n1",
                    "requirements":[{"key":"spec.nodeName","operator":"In","values":["n1","n2"]}]},
                  "labelSelector":{"rawSelector":"app=web"}}},
                "status":{"allowed":true}})");
    }
    {
        PbWriter review;
        review.message(1, emptyMeta("")).message(2, PbWriter().str(1, "kube-system"));
        QTest::addRow("selfsubjectrulesreview v1beta1") << envelope("authorization.k8s.io/v1beta1", "SelfSubjectRulesReview", review.data())
            << normalized(R"({"apiVersion":"authorization.k8s.io/v1beta1","kind":"SelfSubjectRulesReview",
                "metadata":{"creationTimestamp":null},"spec":{"namespace":"kube-system"}})");
    }
    {
        PbWriter user;
        user.str(1, "alice").str(2, "u-1").str(3, "devs").str(3, "system:authenticated")
            .message(4, PbWriter().str(1, "scopes").message(2, PbWriter().str(1, "a").str(1, "b")))
            .message(4, PbWriter().str(1, "empty"));
        PbWriter review;
        review.message(1, emptyMeta("")).message(2, PbWriter().message(1, user));
        QTest::addRow("selfsubjectreview with extra") << envelope("authentication.k8s.io/v1", "SelfSubjectReview", review.data())
            << normalized(R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview",
                "metadata":{"creationTimestamp":null},
                "status":{"userInfo":{"username":"alice","uid":"u-1","groups":["devs","system:authenticated"],
                  "extra":{"scopes":["a","b"],"empty":[]}}}})");
    }
    {
        // Unknown fields of every wire type are skipped, at every level.
        PbWriter meta = emptyMeta("n");
        meta.varint(99, 7).fixed32(100, 1).fixed64(101, 2).str(102, "ignored");
        PbWriter secret;
        secret.message(1, meta).varint(50, 1).str(51, "x").mapEntry(2, "k", "dg==");
        PbWriter unknown;
        unknown.message(1, PbWriter().str(1, "v1").str(2, "Secret").varint(9, 1)).bytes(2, secret.data()).varint(7, 1);
        QTest::addRow("unknown fields skipped") << QByteArray(QByteArrayLiteral("k8s") + '\0' + unknown.data())
            << normalized(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"n","creationTimestamp":null},
                "data":{"k":"ZGc9PQ=="}})");
    }
    {
        // Map entries may lack a key or a value; a repeated singular message merges.
        PbWriter cm;
        cm.message(1, PbWriter().str(1, "a")).message(1, PbWriter().str(3, "ns"))
            .message(2, PbWriter().str(2, "no-key")).message(2, PbWriter().str(1, "no-value"))
            .mapEntry(2, "dup", "first").mapEntry(2, "dup", "second");
        QTest::addRow("map edge cases") << envelope("v1", "ConfigMap", cm.data())
            << normalized(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns"},
                "data":{"":"no-key","no-value":"","dup":"second"}})");
    }
    QTest::addRow("empty raw") << envelope("v1", "Secret", QByteArray())
        << normalized(R"({"apiVersion":"v1","kind":"Secret"})");
}

void TestKubeProtobuf::handBuilt()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const auto decoded = decodeKubeProtobuf(body);
    QVERIFY2(decoded.hasValue(), qPrintable(decoded.hasValue() ? QString() : decoded.error()));
    QCOMPARE(compact(*decoded), expected);
}

void TestKubeProtobuf::unsupportedKind()
{
    const QByteArray body = readData(QStringLiteral("kubectl133-create-deployment.bin"));
    const auto type = peekKubeProtobufType(body);
    QVERIFY(type.hasValue());
    QCOMPARE(type->apiVersion, QStringLiteral("apps/v1"));
    QCOMPARE(type->kind, QStringLiteral("Deployment"));
    QVERIFY(!canDecodeKubeProtobuf(*type));
    const auto decoded = decodeKubeProtobuf(body);
    QVERIFY(!decoded.hasValue());
    QVERIFY2(decoded.error().contains(QLatin1String("\"Deployment\"")), qPrintable(decoded.error()));
    QVERIFY2(decoded.error().contains(QLatin1String("apps/v1")), qPrintable(decoded.error()));

    // Same kind name, wrong group: not ours either.
    QVERIFY(!canDecodeKubeProtobuf({QStringLiteral("apps/v1"), QStringLiteral("Secret")}));
    QVERIFY(!canDecodeKubeProtobuf({QStringLiteral("v2"), QStringLiteral("Secret")}));
    QVERIFY(canDecodeKubeProtobuf({QStringLiteral("v1"), QStringLiteral("Secret")}));
    QVERIFY(canDecodeKubeProtobuf({QStringLiteral("batch/v1"), QStringLiteral("DeleteOptions")}));
}

void TestKubeProtobuf::peekType()
{
    const auto type = peekKubeProtobufType(readData(QStringLiteral("kubectl133-whoami.bin")));
    QVERIFY(type.hasValue());
    QCOMPARE(type->apiVersion, QStringLiteral("authentication.k8s.io/v1"));
    QCOMPARE(type->kind, QStringLiteral("SelfSubjectReview"));
    QVERIFY(canDecodeKubeProtobuf(*type));
    QVERIFY(!peekKubeProtobufType(QByteArrayLiteral("{\"kind\":\"Secret\"}")).hasValue());
    QVERIFY(!isKubeProtobuf(QByteArrayLiteral("k8s")));
    QVERIFY(!isKubeProtobuf(QByteArrayLiteral("{}")));
}

void TestKubeProtobuf::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorPart");

    const QByteArray magic = QByteArrayLiteral("k8s") + '\0';
    QTest::addRow("empty") << QByteArray() << QStringLiteral("prefix");
    QTest::addRow("json") << QByteArrayLiteral("{\"kind\":\"Secret\"}") << QStringLiteral("prefix");
    QTest::addRow("wrong magic") << QByteArrayLiteral("k8s\x01\x0a\x00") << QStringLiteral("prefix");
    QTest::addRow("magic only") << magic << QStringLiteral("no kind");
    QTest::addRow("no apiVersion") << QByteArray(magic + PbWriter().message(1, PbWriter().str(2, "Secret")).data())
                                   << QStringLiteral("no apiVersion");
    QTest::addRow("truncated tag varint") << QByteArray(magic + "\x8a") << QStringLiteral("truncated varint at byte 4");
    QTest::addRow("length past end") << QByteArray(magic + "\x0a\x7f\x0a") << QStringLiteral("claims 127 bytes");
    QTest::addRow("huge length") << QByteArray(magic + "\x0a\xff\xff\xff\xff\xff\xff\xff\xff\x7f")
                                 << QStringLiteral("claims");
    QTest::addRow("varint too long") << QByteArray(magic + "\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
                                     << QStringLiteral("varint");
    QTest::addRow("field number zero") << QByteArray(magic + QByteArray("\x02\x00", 2)) << QStringLiteral("field number 0");
    QTest::addRow("group wire type") << QByteArray(magic + "\x0b") << QStringLiteral("unsupported wire type 3");
    QTest::addRow("wire type 7") << QByteArray(magic + "\x0f") << QStringLiteral("unsupported wire type 7");
    QTest::addRow("typeMeta as varint") << QByteArray(magic + QByteArray("\x08\x01", 2)) << QStringLiteral("wire type");
    QTest::addRow("content encoding")
        << QByteArray(magic + PbWriter().message(1, PbWriter().str(1, "v1").str(2, "Secret")).str(3, "gzip").data())
        << QStringLiteral("\"gzip\"");
    QTest::addRow("content type json")
        << QByteArray(magic + PbWriter().message(1, PbWriter().str(1, "v1").str(2, "Secret")).str(4, "application/json").data())
        << QStringLiteral("content type");
    QTest::addRow("name as varint") << envelope("v1", "Secret", PbWriter().message(1, PbWriter().varint(1, 5)).data())
                                    << QStringLiteral("ObjectMeta.name");
    QTest::addRow("immutable as string") << envelope("v1", "Secret", PbWriter().str(5, "yes").data())
                                         << QStringLiteral("Secret.immutable");
    QTest::addRow("truncated metadata") << envelope("v1", "Secret", QByteArray("\x0a\x05\x0a\x01x", 5))
                                        << QStringLiteral("claims 5 bytes but only 3 remain at byte 21");
    QTest::addRow("truncated map entry") << envelope("v1", "ConfigMap", QByteArray("\x12\x04\x0a\x05", 4))
                                         << QStringLiteral("claims");
    QTest::addRow("map value as varint") << envelope("v1", "ConfigMap", PbWriter().message(2, PbWriter().str(1, "k").varint(2, 1)).data())
                                         << QStringLiteral("ConfigMap.data");
    QTest::addRow("bad FieldsV1")
        << envelope("v1", "Secret", PbWriter().message(1, PbWriter().message(17, PbWriter().message(7, PbWriter().str(1, "{not json")))).data())
        << QStringLiteral("FieldsV1");
    QTest::addRow("time out of range")
        << envelope("v1", "Secret", PbWriter().message(1, PbWriter().message(8, PbWriter().varint(1, 400000000000))).data())
        << QStringLiteral("years 0-9999");
    QTest::addRow("time seconds as string")
        << envelope("v1", "Secret", PbWriter().message(1, PbWriter().message(8, PbWriter().str(1, "x"))).data())
        << QStringLiteral("Time");
    QTest::addRow("unknown kind") << envelope("v1", "Pod", QByteArray()) << QStringLiteral("\"Pod\"");
}

void TestKubeProtobuf::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, errorPart);
    const auto decoded = decodeKubeProtobuf(body);
    QVERIFY(!decoded.hasValue());
    QVERIFY2(decoded.error().contains(errorPart), qPrintable(decoded.error()));
}

void TestKubeProtobuf::truncatedBodiesNeverCrash()
{
    const QByteArray body = readData(QStringLiteral("helm41-install-secret-post.bin"));
    int failures = 0;
    for (qsizetype length = 0; length < body.size(); ++length) {
        const auto decoded = decodeKubeProtobuf(body.first(length));
        if (!decoded.hasValue()) {
            ++failures;
            QVERIFY(!decoded.error().isEmpty());
        }
    }
    // Only cuts at the envelope's own field boundaries can still decode.
    QVERIFY(failures >= body.size() - 3);
}

void TestKubeProtobuf::mutatedBodiesNeverCrash()
{
    const QByteArray seed = readData(QStringLiteral("kubectl133-can-i-get-pods-log.bin"));
    QRandomGenerator random(20240611);
    for (int round = 0; round < 5000; ++round) {
        QByteArray body = seed;
        const int edits = 1 + int(random.bounded(4));
        for (int i = 0; i < edits; ++i) {
            const qsizetype at = 4 + random.bounded(body.size() - 4);
            body[at] = char(random.bounded(256));
        }
        const auto decoded = decodeKubeProtobuf(body);
        if (!decoded.hasValue())
            QVERIFY(!decoded.error().isEmpty());
    }
}

namespace {
QByteArray configMapWithEntries(int entries)
{
    PbWriter meta = emptyMeta("big", "ns");
    PbWriter cm;
    for (int i = 0; i < entries; ++i) {
        const QByteArray n = QByteArray::number(i);
        meta.str(14, n.constData());
        cm.mapEntry(2, n.constData(), "v");
    }
    cm.message(1, meta);
    return envelope("v1", "ConfigMap", cm.data());
}

} // namespace

void TestKubeProtobuf::largeBodiesStayLinear()
{
    // Many tiny map entries and list items: a per-entry copy of the growing map would be
    // quadratic and hit the test's timeout; the speed itself belongs to the benchmarks.
    const QByteArray large = configMapWithEntries(80000);
    const auto decoded = decodeKubeProtobuf(large);
    QVERIFY(decoded.hasValue());
    QCOMPARE(decoded->value(QStringLiteral("data")).toObject().size(), 80000);
    QCOMPARE(decoded->value(QStringLiteral("metadata")).toObject().value(QStringLiteral("finalizers")).toArray().size(), 80000);
}

QTEST_GUILESS_MAIN(TestKubeProtobuf)
#include "tst_kubeprotobuf.moc"
