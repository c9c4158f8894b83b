// ReleaseDecoder: Helm release records (Secret and ConfigMap drivers) into Release, and every
// way a record can be broken.
#include "HelmTestData.h"

#include "helm/Gzip.h"
#include "helm/ReleaseDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace fd::helm;
using namespace fd::helm::test;

Q_DECLARE_METATYPE(fd::helm::ReleaseDecodeError::Kind)

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

} // namespace

class TestReleaseDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodesSecret()
    {
        ReleaseSpec spec;
        spec.version = 3;
        spec.config = QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}};
        spec.chartValues = QJsonObject{{u"defaultNamespace"_s, u"default"_s}};
        const fd::kube::KubeObject secret = releaseSecret(spec);
        QVERIFY(!secret.isNull());
        QVERIFY(ReleaseDecoder::isReleaseObject(secret));

        const auto decoded = ReleaseDecoder::decodeObject(secret);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        const Release &release = decoded.value();
        QCOMPARE(release.name, u"fission"_s);
        QCOMPARE(release.namespaceName, u"fission"_s);
        QCOMPARE(release.version, 3);
        QCOMPARE(release.info.status, ReleaseStatus::Deployed);
        QCOMPARE(release.info.statusText, u"deployed"_s);
        QCOMPARE(release.info.firstDeployed, std::optional<QDateTime>(utc(2024, 4, 1, 8, 0, 0)));
        QCOMPARE(release.info.lastDeployed, std::optional<QDateTime>(utc(2024, 5, 1, 10, 0, 0, 123)));
        QVERIFY(!release.info.deleted);
        QCOMPARE(release.info.description, u"Upgrade complete"_s);
        QCOMPARE(release.info.notes, u"Fission is installed.\n"_s);

        QCOMPARE(release.chart.metadata.name, u"fission-all"_s);
        QCOMPARE(release.chart.metadata.version, u"v1.20.5"_s);
        QCOMPARE(release.chart.metadata.appVersion, u"v1.20.5"_s);
        QCOMPARE(release.chart.metadata.apiVersion, u"v2"_s);
        QCOMPARE(release.chart.metadata.kubeVersion, u">=1.23.0-0"_s);
        QCOMPARE(release.chart.metadata.keywords, QStringList({u"serverless"_s, u"functions"_s}));
        QVERIFY(release.chart.metadata.raw.contains(u"maintainers"_s));
        QCOMPARE(release.chart.values, spec.chartValues);
        QCOMPARE(release.chart.templates.size(), 2);
        QCOMPARE(release.chart.templates.at(1).name, u"templates/configmap.yaml"_s);
        QVERIFY(release.chart.templates.at(1).data.startsWith("apiVersion: v1\nkind: ConfigMap"));
        QCOMPARE(release.chart.files.size(), 2);
        QCOMPARE(release.chart.files.at(0).data, QByteArray("# readme\n"));
        QCOMPARE(release.chart.schema, QByteArray(R"({"type":"object"})"));

        QCOMPARE(release.config, spec.config);
        QVERIFY(release.manifest.contains(u"kind: ConfigMap"_s));
        QCOMPARE(release.hooks.size(), 1);
        const ReleaseHook &hook = release.hooks.first();
        QCOMPARE(hook.name, u"fission-pre-upgrade"_s);
        QCOMPARE(hook.kind, u"Job"_s);
        QCOMPARE(hook.events, QStringList{u"pre-upgrade"_s});
        QCOMPARE(hook.weight, 5);
        QCOMPARE(hook.deletePolicies, QStringList{u"hook-succeeded"_s});
        QCOMPARE(hook.lastRun.phase, u"Succeeded"_s);
        QCOMPARE(hook.lastRun.completedAt, std::optional<QDateTime>(utc(2024, 5, 1, 8, 0, 9, 500)));
        QCOMPARE(release.applyMethod, ApplyMethod::ServerSide);
        QVERIFY2(release.decodeNotes.isEmpty(), qPrintable(release.decodeNotes.join(u'\n')));
    }

    void decodesConfigMapDriver()
    {
        ReleaseSpec spec;
        spec.status = u"superseded"_s;
        const auto decoded = ReleaseDecoder::decodeObject(releaseConfigMap(spec));
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        QCOMPARE(decoded->info.status, ReleaseStatus::Superseded);
        QCOMPARE(decoded->config, QJsonObject());
    }

    void acceptsUncompressedJsonOfOldReleases()
    {
        ReleaseSpec spec;
        const QByteArray json = compactJson(releaseJson(spec));
        const auto object = objectFromJson(secretJson(u"sh.helm.release.v1.fission.v1"_s, u"fission"_s,
                                                      releaseLabels(spec), json));
        const auto decoded = ReleaseDecoder::decodeObject(object);
        QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
        QCOMPARE(decoded->name, u"fission"_s);
    }

    void helmBase64LayerAlone()
    {
        // What a protobuf Secret body or `kubectl get -o jsonpath={.data.release} | base64 -d` gives.
        const QByteArray text = encodeReleaseForStorage(compactJson(releaseJson({})));
        const auto decoded = ReleaseDecoder::decodeHelmBase64(text);
        QVERIFY(decoded);
        QCOMPARE(decoded->version, 1);
    }

    void unsetTimestamps_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addRow("go zero time") << QJsonValue(u"0001-01-01T00:00:00Z"_s);
        QTest::addRow("empty") << QJsonValue(u""_s);
        QTest::addRow("null") << QJsonValue(QJsonValue::Null);
        QTest::addRow("absent") << QJsonValue(QJsonValue::Undefined);
    }

    void unsetTimestamps()
    {
        QFETCH(QJsonValue, value);
        QJsonObject json = releaseJson({});
        QJsonObject info = json.value(u"info"_s).toObject();
        if (value.isUndefined()) {
            info.remove(u"deleted"_s);
            info.remove(u"first_deployed"_s);
        } else {
            info.insert(u"deleted"_s, value);
            info.insert(u"first_deployed"_s, value);
        }
        json.insert(u"info"_s, info);
        const auto decoded = ReleaseDecoder::parseJson(compactJson(json));
        QVERIFY(decoded);
        QVERIFY(!decoded->info.deleted);
        QVERIFY(!decoded->info.firstDeployed);
        QVERIFY(decoded->info.lastDeployed);
        QVERIFY(decoded->decodeNotes.isEmpty());
    }

    void timestampForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::addRow("utc") << u"2024-05-01T10:00:00Z"_s << utc(2024, 5, 1, 10, 0, 0);
        QTest::addRow("nanoseconds") << u"2024-05-01T10:00:00.987654321Z"_s << utc(2024, 5, 1, 10, 0, 0, 987);
        QTest::addRow("offset") << u"2024-05-01T12:30:00+02:00"_s << utc(2024, 5, 1, 10, 30, 0);
        QTest::addRow("negative offset") << u"2024-05-01T05:00:00.5-05:00"_s << utc(2024, 5, 1, 10, 0, 0, 500);
    }

    void timestampForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        bool ok = false;
        QCOMPARE(parseHelmTime(text, &ok), std::optional<QDateTime>(expected));
        QVERIFY(ok);
    }

    void unreadableTimestampIsANote()
    {
        QJsonObject json = releaseJson({});
        QJsonObject info = json.value(u"info"_s).toObject();
        info.insert(u"last_deployed"_s, u"yesterday"_s);
        json.insert(u"info"_s, info);
        const auto decoded = ReleaseDecoder::parseJson(compactJson(json));
        QVERIFY(decoded);
        QVERIFY(!decoded->info.lastDeployed);
        QCOMPARE(decoded->decodeNotes.size(), 1);
        QVERIFY(decoded->decodeNotes.first().contains(u"yesterday"_s));
    }

    void unknownStatusKeptAsText()
    {
        ReleaseSpec spec;
        spec.status = u"exploded"_s;
        const auto decoded = ReleaseDecoder::parseJson(compactJson(releaseJson(spec)));
        QVERIFY(decoded);
        QCOMPARE(decoded->info.status, ReleaseStatus::Unknown);
        QCOMPARE(decoded->info.statusText, u"exploded"_s);
        QCOMPARE(decoded->decodeNotes.size(), 1);
    }

    void statusNamesRoundTrip()
    {
        for (const char *name : {"unknown", "deployed", "uninstalled", "superseded", "failed", "uninstalling",
                                 "pending-install", "pending-upgrade", "pending-rollback"}) {
            const ReleaseStatus status = releaseStatusFromName(QString::fromLatin1(name));
            QCOMPARE(releaseStatusName(status), QString::fromLatin1(name));
        }
        QVERIFY(isPendingStatus(ReleaseStatus::PendingRollback));
        QVERIFY(!isPendingStatus(ReleaseStatus::Failed));
    }

    void labelsThatDisagreeLoseToTheJson()
    {
        ReleaseSpec spec;
        spec.status = u"failed"_s;
        QJsonObject labels = releaseLabels(spec);
        labels.insert(u"status"_s, u"deployed"_s);
        labels.insert(u"version"_s, u"7"_s);
        const auto object = objectFromJson(secretJson(u"sh.helm.release.v1.fission.v1"_s, u"fission"_s, labels,
                                                      gzip::gzipCompress(compactJson(releaseJson(spec)))));
        const auto decoded = ReleaseDecoder::decodeObject(object);
        QVERIFY(decoded);
        QCOMPARE(decoded->info.status, ReleaseStatus::Failed);
        QCOMPARE(decoded->version, 1);
        QCOMPARE(decoded->decodeNotes.size(), 2);
        QVERIFY(decoded->decodeNotes.join(u'\n').contains(u"status=deployed"_s));
        QVERIFY(decoded->decodeNotes.join(u'\n').contains(u"version=7"_s));
    }

    void objectNameThatDisagreesIsNoted()
    {
        ReleaseSpec spec;
        const auto object = objectFromJson(secretJson(u"sh.helm.release.v1.other.v9"_s, u"fission"_s, releaseLabels(spec),
                                                      gzip::gzipCompress(compactJson(releaseJson(spec)))));
        const auto decoded = ReleaseDecoder::decodeObject(object);
        QVERIFY(decoded);
        QCOMPARE(decoded->decodeNotes.size(), 1);
    }

    void helm4AndUnknownKeysAreIgnored()
    {
        QJsonObject json = releaseJson({});
        json.insert(u"future_field"_s, QJsonObject{{u"x"_s, 1}});
        json.insert(u"labels"_s, QJsonObject{{u"team"_s, u"a"_s}});
        const auto decoded = ReleaseDecoder::parseJson(compactJson(json));
        QVERIFY(decoded);
        QVERIFY(decoded->decodeNotes.isEmpty());
    }

    void notReleaseObjects_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray payload = gzip::gzipCompress(compactJson(releaseJson({})));
        QTest::addRow("opaque secret") << secretJson(u"x"_s, u"ns"_s, releaseLabels({}), payload, u"Opaque"_s);
        QTest::addRow("configmap without owner=helm") << configMapJson(u"x"_s, u"ns"_s, QJsonObject{}, payload);
        QTest::addRow("a deployment") << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"}})");
    }

    void notReleaseObjects()
    {
        QFETCH(QByteArray, json);
        const auto object = objectFromJson(json);
        QVERIFY(!object.isNull());
        QVERIFY(!ReleaseDecoder::isReleaseObject(object));
        const auto decoded = ReleaseDecoder::decodeObject(object);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, ReleaseDecodeError::Kind::NotAReleaseObject);
        QCOMPARE(decoded.error().object, object.key());
    }

    void missingData()
    {
        const auto object = objectFromJson(
            R"({"apiVersion":"v1","kind":"Secret","type":"helm.sh/release.v1","metadata":{"name":"sh.helm.release.v1.a.v1","namespace":"n"},"data":{}})");
        const auto decoded = ReleaseDecoder::decodeObject(object);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, ReleaseDecodeError::Kind::MissingData);
        QVERIFY(decoded.error().message.contains(u"n/sh.helm.release.v1.a.v1"_s));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("secretField"); // data.release exactly as in the Secret's JSON
        QTest::addColumn<ReleaseDecodeError::Kind>("kind");
        using K = ReleaseDecodeError::Kind;
        auto wrap = [](const QByteArray &payload) { return payload.toBase64().toBase64(); };
        const QByteArray good = gzip::gzipCompress(compactJson(releaseJson({})));

        QTest::addRow("secret layer not base64") << QByteArray("!!!not base64!!!") << K::BadBase64;
        QTest::addRow("helm layer not base64") << QByteArray("#not base64#").toBase64() << K::BadBase64;
        QTest::addRow("neither gzip nor json") << wrap("hello world") << K::NotGzip;
        QTest::addRow("truncated gzip") << wrap(good.left(good.size() / 2)) << K::TruncatedGzip;
        QTest::addRow("gzip without trailer") << wrap(good.left(good.size() - 8)) << K::TruncatedGzip;
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x5a);
        QTest::addRow("gzip checksum") << wrap(badCrc) << K::CorruptGzip;
        QByteArray badDeflate = good;
        for (qsizetype i = 12; i < 40 && i < badDeflate.size(); ++i)
            badDeflate[i] = char(0xff);
        QTest::addRow("gzip data") << wrap(badDeflate) << K::CorruptGzip;
        QTest::addRow("bad json") << wrap(gzip::gzipCompress("{\"name\": ")) << K::BadJson;
        QTest::addRow("json array") << wrap(gzip::gzipCompress("[1,2]")) << K::BadJson;
        QTest::addRow("json is a string") << wrap(gzip::gzipCompress("\"x\"")) << K::BadJson;

        QJsonObject json = releaseJson({});
        json.remove(u"name"_s);
        QTest::addRow("no name") << wrap(gzip::gzipCompress(compactJson(json))) << K::MissingName;
        json = releaseJson({});
        json.remove(u"version"_s);
        QTest::addRow("no version") << wrap(gzip::gzipCompress(compactJson(json))) << K::MissingVersion;
        json.insert(u"version"_s, 0);
        QTest::addRow("version 0") << wrap(gzip::gzipCompress(compactJson(json))) << K::MissingVersion;
        json.insert(u"version"_s, 1.5);
        QTest::addRow("version 1.5") << wrap(gzip::gzipCompress(compactJson(json))) << K::MissingVersion;
        json.insert(u"version"_s, u"1"_s);
        QTest::addRow("version as text") << wrap(gzip::gzipCompress(compactJson(json))) << K::MissingVersion;
        json = releaseJson({});
        json.insert(u"chart"_s, u"fission-all"_s);
        QTest::addRow("chart is text") << wrap(gzip::gzipCompress(compactJson(json))) << K::BadField;
        json = releaseJson({});
        json.insert(u"config"_s, QJsonArray{1});
        QTest::addRow("config is a list") << wrap(gzip::gzipCompress(compactJson(json))) << K::BadField;
        json = releaseJson({});
        json.insert(u"hooks"_s, QJsonObject{});
        QTest::addRow("hooks is a map") << wrap(gzip::gzipCompress(compactJson(json))) << K::BadField;
        json = releaseJson({});
        QJsonObject chart = json.value(u"chart"_s).toObject();
        chart.insert(u"templates"_s, QJsonArray{QJsonObject{{u"name"_s, u"templates/x.yaml"_s}, {u"data"_s, u"%%%"_s}}});
        json.insert(u"chart"_s, chart);
        QTest::addRow("template data not base64") << wrap(gzip::gzipCompress(compactJson(json))) << K::BadBase64;
    }

    void malformed()
    {
        QFETCH(QByteArray, secretField);
        QFETCH(ReleaseDecodeError::Kind, kind);
        const auto decoded = ReleaseDecoder::decodeSecretField(secretField);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, kind);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void decompressionIsBounded()
    {
        // 64 MiB of zeros compress to ~64 KiB: a bomb for an unbounded reader.
        const QByteArray bomb = gzip::gzipCompress(QByteArray(64 * 1024 * 1024, '\0'));
        QVERIFY(bomb.size() < 200 * 1024);
        ReleaseDecodeLimits limits;
        limits.maxDecompressedBytes = 1024 * 1024;
        const auto decoded = ReleaseDecoder::decodePayload(bomb, limits);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, ReleaseDecodeError::Kind::TooLarge);
    }

    void boundIsExact()
    {
        const QByteArray json = compactJson(releaseJson({}));
        const QByteArray compressed = gzip::gzipCompress(json);
        QVERIFY(gzip::gunzip(compressed, json.size()));
        QCOMPARE(gzip::gunzip(compressed, json.size()).value(), json);
        const auto tooSmall = gzip::gunzip(compressed, json.size() - 1);
        QVERIFY(!tooSmall);
        QCOMPARE(tooSmall.error(), gzip::GunzipError::TooLarge);
    }

    void plainJsonIsBoundedToo()
    {
        ReleaseDecodeLimits limits;
        limits.maxDecompressedBytes = 100;
        const auto decoded = ReleaseDecoder::decodePayload(compactJson(releaseJson({})), limits);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, ReleaseDecodeError::Kind::TooLarge);
    }

    void randomBytesNeverCrash()
    {
        // Deterministic pseudo-random garbage, with and without gzip magic.
        quint32 state = 12345;
        for (int round = 0; round < 200; ++round) {
            QByteArray bytes(1 + int(state % 300), '\0');
            for (char &c : bytes) {
                state = state * 1103515245u + 12345u;
                c = char(state >> 16);
            }
            if (round % 2 == 0 && bytes.size() > 2) {
                bytes[0] = char(0x1f);
                bytes[1] = char(0x8b);
                bytes[2] = char(0x08);
            }
            const auto decoded = ReleaseDecoder::decodePayload(bytes);
            QVERIFY(!decoded);
        }
    }
};

QTEST_GUILESS_MAIN(TestReleaseDecoder)
#include "tst_releasedecoder.moc"
