// The forms' checks on their own (src/ui/forms/FormValidation): names, quantities, paths, cron
// schedules with their reading and next runs, and references against a snapshot. Data-driven,
// with malformed input next to the good.
#include "engine/ClusterSnapshot.h"
#include "fission/ClusterState.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FissionForms.h"
#include "ui/forms/JsonPath.h"
#include "ui/forms/PackageArchive.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::ui::forms;

class TestFormValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dnsLabel_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"hello"_s << true;
        QTest::newRow("digits and dash") << u"fn-2-go"_s << true;
        QTest::newRow("single char") << u"a"_s << true;
        QTest::newRow("63 chars") << QString(63, u'a') << true;
        QTest::newRow("64 chars") << QString(64, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << u"Hello"_s << false;
        QTest::newRow("leading dash") << u"-hello"_s << false;
        QTest::newRow("trailing dash") << u"hello-"_s << false;
        QTest::newRow("dot") << u"hello.world"_s << false;
        QTest::newRow("underscore") << u"hello_world"_s << false;
        QTest::newRow("space") << u"hello world"_s << false;
        QTest::newRow("unicode") << u"héllo"_s << false;
    }
    void dnsLabel()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const QString error = dnsLabelError(name);
        QCOMPARE(error.isEmpty(), valid);
    }

    void dnsSubdomain_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("host") << u"api.example.com"_s << true;
        QTest::newRow("label") << u"creds"_s << true;
        QTest::newRow("empty part") << u"api..example"_s << false;
        QTest::newRow("trailing dot") << u"api."_s << false;
        QTest::newRow("upper") << u"API.example.com"_s << false;
        QTest::newRow("too long") << QString(254, u'a') << false;
        QTest::newRow("long part") << (QString(64, u'a') + u".b"_s) << false;
    }
    void dnsSubdomain()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(dnsSubdomainError(name).isEmpty(), valid);
    }

    void badCharacterIsNamed()
    {
        QVERIFY(dnsLabelError(u"hello_world"_s).contains(u"\"_\""_s));
        QVERIFY(dnsLabelError(QString(70, u'a')).contains(u"70"_s));
    }

    void quantity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty = unset") << QString() << true;
        QTest::newRow("millicores") << u"100m"_s << true;
        QTest::newRow("decimal") << u"0.5"_s << true;
        QTest::newRow("leading dot") << u".5"_s << true;
        QTest::newRow("Mi") << u"128Mi"_s << true;
        QTest::newRow("Gi") << u"1Gi"_s << true;
        QTest::newRow("k") << u"500k"_s << true;
        QTest::newRow("exponent") << u"2e3"_s << true;
        QTest::newRow("plain") << u"2"_s << true;
        QTest::newRow("mb lower") << u"128mb"_s << false;
        QTest::newRow("MB") << u"128MB"_s << false;
        QTest::newRow("mi lower") << u"128mi"_s << false;
        QTest::newRow("space") << u"128 Mi"_s << false;
        QTest::newRow("letters") << u"lots"_s << false;
        QTest::newRow("suffix only") << u"Mi"_s << false;
        QTest::newRow("negative") << u"-1"_s << false;
        QTest::newRow("double dot") << u"1.2.3"_s << false;
    }
    void quantity()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(quantityError(text).isEmpty(), valid);
    }

    void httpPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::newRow("root") << u"/"_s << true;
        QTest::newRow("simple") << u"/hello"_s << true;
        QTest::newRow("nested with param") << u"/api/{id}"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("relative") << u"hello"_s << false;
        QTest::newRow("space") << u"/hello world"_s << false;
        QTest::newRow("reserved") << u"/fission-function/hello"_s << false;
        QTest::newRow("reserved root") << u"/fission-function"_s << false;
        QTest::newRow("similar but fine") << u"/fission-functions"_s << true;
    }
    void httpPath()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QCOMPARE(httpPathError(path).isEmpty(), valid);
    }

    void cronSyntax_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<bool>("valid");
        QTest::newRow("every minute") << u"* * * * *"_s << true;
        QTest::newRow("every 5") << u"*/5 * * * *"_s << true;
        QTest::newRow("ranges lists") << u"0,30 9-17 * * 1-5"_s << true;
        QTest::newRow("names") << u"0 12 * JAN,jul mon-fri"_s << true;
        QTest::newRow("seconds") << u"*/10 * * * * *"_s << true;
        QTest::newRow("question") << u"0 0 ? * MON"_s << true;
        QTest::newRow("sunday as 7") << u"0 0 * * 7"_s << true;
        QTest::newRow("descriptor") << u"@hourly"_s << true;
        QTest::newRow("every duration") << u"@every 1h30m"_s << true;
        QTest::newRow("extra spaces") << u"  */5   *  * * * "_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("four fields") << u"* * * *"_s << false;
        QTest::newRow("seven fields") << u"* * * * * * *"_s << false;
        QTest::newRow("minute 60") << u"60 * * * *"_s << false;
        QTest::newRow("hour 24") << u"0 24 * * *"_s << false;
        QTest::newRow("day 0") << u"0 0 0 * *"_s << false;
        QTest::newRow("month 13") << u"0 0 1 13 *"_s << false;
        QTest::newRow("weekday 8") << u"0 0 * * 8"_s << false;
        QTest::newRow("reversed range") << u"0 17-9 * * *"_s << false;
        QTest::newRow("zero step") << u"*/0 * * * *"_s << false;
        QTest::newRow("bad step") << u"*/x * * * *"_s << false;
        QTest::newRow("letters") << u"a b c d e"_s << false;
        QTest::newRow("empty list entry") << u"1,,2 * * * *"_s << false;
        QTest::newRow("question in minutes") << u"? * * * *"_s << false;
        QTest::newRow("unknown descriptor") << u"@fortnightly"_s << false;
        QTest::newRow("every without duration") << u"@every"_s << false;
        QTest::newRow("every bad duration") << u"@every soon"_s << false;
        QTest::newRow("bad month name") << u"0 0 1 FOO *"_s << false;
    }
    void cronSyntax()
    {
        QFETCH(QString, cron);
        QFETCH(bool, valid);
        const CronSchedule s = CronSchedule::parse(cron);
        QVERIFY2(s.isValid() == valid, qPrintable(s.error()));
        QCOMPARE(s.error().isEmpty(), valid);
        QCOMPARE(s.describe().isEmpty(), !valid);
    }

    void cronReadingAndNextRuns_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("reading");
        QTest::addColumn<QStringList>("runs"); // from 2026-03-02 10:07:30 UTC (a Monday)
        QTest::newRow("every 5 minutes") << u"*/5 * * * *"_s << u"Every 5 minutes, every day (UTC)"_s
                                         << QStringList{u"2026-03-02T10:10:00Z"_s, u"2026-03-02T10:15:00Z"_s,
                                                        u"2026-03-02T10:20:00Z"_s, u"2026-03-02T10:25:00Z"_s,
                                                        u"2026-03-02T10:30:00Z"_s};
        QTest::newRow("weekdays at 9") << u"0 9 * * 1-5"_s << u"At 09:00, on Monday through Friday (UTC)"_s
                                       << QStringList{u"2026-03-03T09:00:00Z"_s, u"2026-03-04T09:00:00Z"_s,
                                                      u"2026-03-05T09:00:00Z"_s, u"2026-03-06T09:00:00Z"_s,
                                                      u"2026-03-09T09:00:00Z"_s};
        QTest::newRow("monthly") << u"@monthly"_s << u"At 00:00, on day 1 of the month (UTC)"_s
                                 << QStringList{u"2026-04-01T00:00:00Z"_s, u"2026-05-01T00:00:00Z"_s,
                                                u"2026-06-01T00:00:00Z"_s, u"2026-07-01T00:00:00Z"_s,
                                                u"2026-08-01T00:00:00Z"_s};
        QTest::newRow("leap day") << u"30 6 29 2 *"_s << u"At 06:30, on day 29 of the month, in February (UTC)"_s
                                  << QStringList{u"2028-02-29T06:30:00Z"_s}; // 2032 is beyond the five-year horizon
        QTest::newRow("never") << u"0 0 30 2 *"_s << u"At 00:00, on day 30 of the month, in February (UTC)"_s << QStringList{};
        QTest::newRow("day or weekday") << u"0 12 1 * SUN"_s << u"At 12:00, on day 1 of the month or on Sunday (UTC)"_s
                                        << QStringList{u"2026-03-08T12:00:00Z"_s, u"2026-03-15T12:00:00Z"_s,
                                                       u"2026-03-22T12:00:00Z"_s, u"2026-03-29T12:00:00Z"_s,
                                                       u"2026-04-01T12:00:00Z"_s};
        QTest::newRow("every 90s") << u"@every 90s"_s << u"Every 90 second(s)"_s
                                   << QStringList{u"2026-03-02T10:09:00Z"_s, u"2026-03-02T10:10:30Z"_s,
                                                  u"2026-03-02T10:12:00Z"_s, u"2026-03-02T10:13:30Z"_s,
                                                  u"2026-03-02T10:15:00Z"_s};
        QTest::newRow("seconds field") << u"*/20 * * * * *"_s << u"Every 20 seconds, every day (UTC)"_s
                                       << QStringList{u"2026-03-02T10:07:40Z"_s, u"2026-03-02T10:08:00Z"_s,
                                                      u"2026-03-02T10:08:20Z"_s, u"2026-03-02T10:08:40Z"_s,
                                                      u"2026-03-02T10:09:00Z"_s};
    }
    void cronReadingAndNextRuns()
    {
        QFETCH(QString, cron);
        QFETCH(QString, reading);
        QFETCH(QStringList, runs);
        const CronSchedule s = CronSchedule::parse(cron);
        QVERIFY2(s.isValid(), qPrintable(s.error()));
        QCOMPARE(s.describe(), reading);
        const QDateTime from = QDateTime::fromString(u"2026-03-02T10:07:30Z"_s, Qt::ISODate);
        QStringList got;
        for (const QDateTime &t : s.nextRuns(from, 5))
            got << t.toUTC().toString(Qt::ISODate);
        QCOMPARE(got, runs);
    }

    void referencesAgainstTheSnapshot()
    {
        fd::engine::ClusterSnapshot snap; // empty: nothing exists
        QVERIFY(!referenceError(snap, u"Environment"_s, u"team-a"_s, u"python"_s).isEmpty());
        QVERIFY(referenceError(snap, u"Environment"_s, u"team-a"_s, u"python"_s).contains(u"python"_s));
        QVERIFY(!referenceError(snap, u"Function"_s, u"team-a"_s, QString()).isEmpty());
    }

    void jsonPathKeepsOtherFields()
    {
        QJsonObject o{{u"spec"_s, QJsonObject{{u"keep"_s, 1}, {u"runtime"_s, QJsonObject{{u"image"_s, u"a"_s}, {u"podspec"_s, 2}}}}}};
        setJsonAt(o, u"spec.runtime.image"_s, u"b"_s);
        QCOMPARE(jsonAt(o, u"spec.runtime.image"_s).toString(), u"b"_s);
        QCOMPARE(jsonAt(o, u"spec.runtime.podspec"_s).toInt(), 2);
        QCOMPARE(jsonAt(o, u"spec.keep"_s).toInt(), 1);
        setJsonAt(o, u"spec.new.deep.value"_s, true);
        QVERIFY(jsonAt(o, u"spec.new.deep.value"_s).toBool());
        setJsonAt(o, u"spec.new.deep.value"_s, QJsonValue());
        QVERIFY(!o.value("spec"_L1).toObject().contains("new"_L1)); // emptied parents go too
    }

    // ---- package, message-queue and watch trigger fields ----

    void archiveUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("https") << u"https://example.com/hello.zip"_s << true;
        QTest::newRow("storagesvc") << u"http://storagesvc.fission/v1/archive?id=%2Ffission%2Fx"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("no scheme") << u"example.com/hello.zip"_s << false;
        QTest::newRow("ftp") << u"ftp://example.com/hello.zip"_s << false;
        QTest::newRow("file") << u"file:///tmp/hello.zip"_s << false;
        QTest::newRow("no host") << u"http:///hello.zip"_s << false;
        QTest::newRow("space") << u"https://example.com/hello world.zip"_s << false;
    }
    void archiveUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QCOMPARE(archiveUrlError(url).isEmpty(), valid);
    }

    void sha256_data()
    {
        QTest::addColumn<QString>("sum");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty is none") << QString() << true;
        QTest::newRow("lower hex") << QString(64, u'a') << true;
        QTest::newRow("upper hex") << QString(64, u'F') << true;
        QTest::newRow("63 digits") << QString(63, u'a') << false;
        QTest::newRow("65 digits") << QString(65, u'a') << false;
        QTest::newRow("not hex") << QString(64, u'g') << false;
        QTest::newRow("sha256: prefix") << (u"sha256:"_s + QString(64, u'a')) << false;
    }
    void sha256()
    {
        QFETCH(QString, sum);
        QFETCH(bool, valid);
        QCOMPARE(sha256Error(sum).isEmpty(), valid);
        if (!valid)
            QVERIFY(sha256Error(sum).contains(QString::number(sum.size())));
    }

    void topic_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("required");
        QTest::addColumn<bool>("valid");
        QTest::newRow("kafka topic") << u"orders.created_v1-eu"_s << true << true;
        QTest::newRow("empty required") << QString() << true << false;
        QTest::newRow("empty optional") << QString() << false << true;
        QTest::newRow("space") << u"orders created"_s << true << false;
        QTest::newRow("slash") << u"orders/created"_s << true << false;
        QTest::newRow("249 chars") << QString(249, u'a') << true << true;
        QTest::newRow("250 chars") << QString(250, u'a') << true << false;
    }
    void topic()
    {
        QFETCH(QString, topic);
        QFETCH(bool, required);
        QFETCH(bool, valid);
        QCOMPARE(topicError(topic, required).isEmpty(), valid);
    }

    void contentType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("valid");
        QTest::newRow("json") << u"application/json"_s << true;
        QTest::newRow("with charset") << u"text/plain; charset=utf-8"_s << true;
        QTest::newRow("vendor") << u"application/vnd.cloudevents+json"_s << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("no subtype") << u"application"_s << false;
        QTest::newRow("empty subtype") << u"application/"_s << false;
        QTest::newRow("space inside") << u"application /json"_s << false;
    }
    void contentType()
    {
        QFETCH(QString, type);
        QFETCH(bool, valid);
        QCOMPARE(contentTypeError(type).isEmpty(), valid);
    }

    void keyValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("labels");
        QTest::addColumn<int>("count"); // -1: refused
        QTest::newRow("empty") << QString() << true << 0;
        QTest::newRow("two labels") << u"app=web, tier=db"_s << true << 2;
        QTest::newRow("prefixed key") << u"app.kubernetes.io/name=web"_s << true << 1;
        QTest::newRow("empty value") << u"canary="_s << true << 1;
        QTest::newRow("trailing comma") << u"app=web,"_s << true << 1;
        QTest::newRow("no equals") << u"app"_s << true << -1;
        QTest::newRow("no key") << u"=web"_s << true << -1;
        QTest::newRow("bad value") << u"app=we b"_s << true << -1;
        QTest::newRow("value too long") << (u"app="_s + QString(64, u'a')) << true << -1;
        QTest::newRow("bad prefix") << u"Bad_Prefix/name=x"_s << true << -1;
        QTest::newRow("duplicate") << u"app=a, app=b"_s << true << -1;
        QTest::newRow("metadata with colon") << u"bootstrapServers=kafka:9092, topic=orders"_s << false << 2;
        QTest::newRow("metadata key with space") << u"bootstrap servers=kafka"_s << false << -1;
    }
    void keyValues()
    {
        QFETCH(QString, text);
        QFETCH(bool, labels);
        QFETCH(int, count);
        QString error;
        const auto map = parseKeyValues(text, &error, labels);
        QCOMPARE(error.isEmpty(), count >= 0);
        if (count >= 0)
            QCOMPARE(map.size(), count);
    }

    void duplicateStripsServerFieldsAndMovesReferences()
    {
        const QJsonObject fn{
            {u"apiVersion"_s, u"fission.io/v1"_s},
            {u"kind"_s, u"Function"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"hello"_s}, {u"namespace"_s, u"team-a"_s}, {u"uid"_s, u"u-1"_s},
                                        {u"resourceVersion"_s, u"42"_s}, {u"generation"_s, 3},
                                        {u"creationTimestamp"_s, u"2026-01-01T00:00:00Z"_s},
                                        {u"managedFields"_s, QJsonArray{QJsonObject{}}},
                                        {u"labels"_s, QJsonObject{{u"app"_s, u"hello"_s}}},
                                        {u"annotations"_s, QJsonObject{{u"kubectl.kubernetes.io/last-applied-configuration"_s, u"{}"_s}}}}},
            {u"spec"_s, QJsonObject{{u"environment"_s, QJsonObject{{u"namespace"_s, u"team-a"_s}, {u"name"_s, u"go"_s}}},
                                    {u"package"_s, QJsonObject{{u"functionName"_s, u"Handler"_s},
                                                               {u"packageref"_s, QJsonObject{{u"namespace"_s, u"team-a"_s},
                                                                                             {u"name"_s, u"hello-pkg"_s},
                                                                                             {u"resourceversion"_s, u"40"_s}}}}},
                                    {u"secrets"_s, QJsonArray{QJsonObject{{u"namespace"_s, u"team-a"_s}, {u"name"_s, u"creds"_s}}}},
                                    {u"concurrency"_s, 7}}},
            {u"status"_s, QJsonObject{{u"x"_s, 1}}}};
        const QJsonObject copy = duplicateForNamespace(fn, u"team-b"_s);
        const QJsonObject meta = copy.value("metadata"_L1).toObject();
        QCOMPARE(meta.value("namespace"_L1).toString(), u"team-b"_s);
        QCOMPARE(meta.value("name"_L1).toString(), u"hello"_s);
        for (const char *gone : {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "annotations"})
            QVERIFY2(!meta.contains(QLatin1String(gone)), gone);
        QCOMPARE(meta.value("labels"_L1).toObject().value("app"_L1).toString(), u"hello"_s);
        QVERIFY(!copy.contains("status"_L1));
        QCOMPARE(jsonAt(copy, u"spec.environment.namespace"_s).toString(), u"team-b"_s);
        QCOMPARE(jsonAt(copy, u"spec.package.packageref.namespace"_s).toString(), u"team-b"_s);
        QVERIFY(jsonAt(copy, u"spec.package.packageref.resourceversion"_s).isUndefined());
        QCOMPARE(jsonAt(copy, u"spec.package.functionName"_s).toString(), u"Handler"_s);
        QCOMPARE(jsonAt(copy, u"spec.secrets"_s).toArray().first().toObject().value("namespace"_L1).toString(), u"team-b"_s);
        QCOMPARE(jsonAt(copy, u"spec.concurrency"_s).toInt(), 7);
        // Against an empty snapshot: the environment and package are reported missing.
        const QStringList missing = missingReferences(fd::engine::ClusterSnapshot(), copy);
        QCOMPARE(missing.size(), 3);
        QVERIFY(missing.at(0).contains(u"\"go\""_s));
        QVERIFY(missing.at(1).contains(u"\"hello-pkg\""_s));
        QVERIFY(missing.at(2).contains(u"creds"_s));
    }

    void packageArchiveFromDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"src/lib"_s));
        const auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        write(u"src/main.py"_s, "def main():\n    return 'hi'\n");
        write(u"src/lib/util.py"_s, "X = 1\n");
        write(u"src/.env"_s, "A=1\n");
        write(u"single.js"_s, "module.exports = () => 'hi';\n");
        QVERIFY(QDir(dir.path()).mkpath(u"empty"_s));

        const PackageArchive folder = readPackageArchive(dir.filePath(u"src"_s));
        QVERIFY2(folder.ok(), qPrintable(folder.error));
        QVERIFY(folder.zipped);
        QCOMPARE(folder.fileCount, 3);
        QCOMPARE(folder.fileName, u"src.zip"_s);
        QVERIFY(folder.bytes.startsWith("PK\x03\x04"));
        QVERIFY(folder.bytes.contains("lib/util.py")); // paths relative to the folder
        QVERIFY(!folder.bytes.contains(dir.path().toUtf8()));
        // Same folder, same bytes (so the same checksum, and no needless re-upload).
        QCOMPARE(readPackageArchiveAsync(dir.filePath(u"src"_s)).result().bytes, folder.bytes);

        const PackageArchive file = readPackageArchive(dir.filePath(u"single.js"_s));
        QVERIFY(file.ok());
        QVERIFY(!file.zipped);
        QCOMPARE(file.bytes, QByteArray("module.exports = () => 'hi';\n"));

        QVERIFY(!readPackageArchive(dir.filePath(u"empty"_s)).ok());
        QVERIFY(!readPackageArchive(dir.filePath(u"missing"_s)).ok());
        QVERIFY(!readPackageArchive(QString()).ok());
        QCOMPARE(formatBytes(512), u"512 bytes"_s);
        QCOMPARE(formatBytes(300 * 1024), u"300.0 KiB"_s);
    }
};

QTEST_GUILESS_MAIN(TestFormValidation)
#include "tst_formvalidation.moc"
