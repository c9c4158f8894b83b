#include "sim/controllers/ContainerBehavior.h"
#include "sim/controllers/ObjectHelpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace fd::sim;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

class TestControllerHelpers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void selectorMatches_data();
    void selectorMatches();
    void scaledValue_data();
    void scaledValue();
    void normalizedImage_data();
    void normalizedImage();
    void conditionKeepsTransitionTimeWhileStatusHolds();
    void templateHashIsStableAndCollisionSensitive();
    void ownerReferencesIgnoreEntriesWithoutUid();
    void laterBehaviourRegistrationWins();
    void defaultBehaviourRunsToCompletionUnlessRestartAlways();
};

void TestControllerHelpers::selectorMatches_data()
{
    QTest::addColumn<QByteArray>("selector");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<bool>("matches");
    QTest::addRow("empty selector selects all") << QByteArray("{}") << QByteArray(R"({"a":"1"})") << true;
    QTest::addRow("matchLabels equal") << QByteArray(R"({"matchLabels":{"app":"web"}})")
                                       << QByteArray(R"({"app":"web","x":"y"})") << true;
    QTest::addRow("matchLabels differ") << QByteArray(R"({"matchLabels":{"app":"web"}})") << QByteArray(R"({"app":"db"})")
                                        << false;
    QTest::addRow("matchLabels missing key") << QByteArray(R"({"matchLabels":{"app":""}})") << QByteArray("{}") << false;
    QTest::addRow("In") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]})")
                        << QByteArray(R"({"tier":"b"})") << true;
    QTest::addRow("In without key") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"In","values":["a"]}]})")
                                    << QByteArray("{}") << false;
    QTest::addRow("NotIn absent") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"NotIn","values":["a"]}]})")
                                  << QByteArray("{}") << true;
    QTest::addRow("NotIn listed") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"NotIn","values":["a"]}]})")
                                  << QByteArray(R"({"tier":"a"})") << false;
    QTest::addRow("Exists") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"Exists"}]})")
                            << QByteArray(R"({"tier":""})") << true;
    QTest::addRow("DoesNotExist") << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"DoesNotExist"}]})")
                                  << QByteArray(R"({"tier":"x"})") << false;
    QTest::addRow("unknown operator selects nothing")
        << QByteArray(R"({"matchExpressions":[{"key":"tier","operator":"Sideways"}]})") << QByteArray(R"({"tier":"x"})")
        << false;
    QTest::addRow("malformed expressions") << QByteArray(R"({"matchExpressions":[42, "x"]})")
                                           << QByteArray(R"({"tier":"x"})") << false;
}

void TestControllerHelpers::selectorMatches()
{
    QFETCH(QByteArray, selector);
    QFETCH(QByteArray, labels);
    QFETCH(bool, matches);
    QCOMPARE(ctrl::selectorMatches(parse(selector.constData()), parse(labels.constData())), matches);
}

void TestControllerHelpers::scaledValue_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("total");
    QTest::addColumn<bool>("roundUp");
    QTest::addColumn<int>("expected");
    QTest::addRow("int") << QJsonValue(3) << 10 << true << 3;
    QTest::addRow("25%% of 10 up") << QJsonValue(u"25%"_s) << 10 << true << 3;
    QTest::addRow("25%% of 10 down") << QJsonValue(u"25%"_s) << 10 << false << 2;
    QTest::addRow("25%% of 1 down") << QJsonValue(u"25%"_s) << 1 << false << 0;
    QTest::addRow("100%%") << QJsonValue(u"100%"_s) << 7 << false << 7;
    QTest::addRow("numeric string") << QJsonValue(u"4"_s) << 10 << true << 4;
    QTest::addRow("garbage -> fallback") << QJsonValue(u"lots"_s) << 10 << true << -1;
    QTest::addRow("negative percent -> fallback") << QJsonValue(u"-5%"_s) << 10 << true << -1;
    QTest::addRow("null -> fallback") << QJsonValue() << 10 << true << -1;
}

void TestControllerHelpers::scaledValue()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, total);
    QFETCH(bool, roundUp);
    QFETCH(int, expected);
    QCOMPARE(ctrl::scaledValue(value, total, roundUp, -1), expected);
}

void TestControllerHelpers::normalizedImage_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("expected");
    QTest::addRow("bare") << u"nginx"_s << u"docker.io/library/nginx:latest"_s;
    QTest::addRow("tag") << u"nginx:1.27"_s << u"docker.io/library/nginx:1.27"_s;
    QTest::addRow("user repo") << u"fission/fetcher:v1"_s << u"docker.io/fission/fetcher:v1"_s;
    QTest::addRow("registry") << u"ghcr.io/fission/fission-bundle:1.21"_s << u"ghcr.io/fission/fission-bundle:1.21"_s;
    QTest::addRow("registry port") << u"localhost:5000/app"_s << u"localhost:5000/app:latest"_s;
    QTest::addRow("digest") << u"busybox@sha256:abc"_s << u"docker.io/library/busybox@sha256:abc"_s;
}

void TestControllerHelpers::normalizedImage()
{
    QFETCH(QString, image);
    QFETCH(QString, expected);
    QCOMPARE(normalizedImageName(image), expected);
}

void TestControllerHelpers::conditionKeepsTransitionTimeWhileStatusHolds()
{
    QJsonArray conditions;
    ctrl::setCondition(conditions, {u"Ready"_s, u"False"_s, u"Waiting"_s, u"m1"_s}, u"T1"_s, ctrl::ConditionStyle::Plain);
    ctrl::setCondition(conditions, {u"Ready"_s, u"False"_s, u"StillWaiting"_s, u"m2"_s}, u"T2"_s,
                       ctrl::ConditionStyle::Plain);
    QCOMPARE(conditions.size(), 1);
    QCOMPARE(conditions.at(0).toObject().value("lastTransitionTime"_L1).toString(), u"T1"_s);
    QCOMPARE(conditions.at(0).toObject().value("reason"_L1).toString(), u"StillWaiting"_s);
    ctrl::setCondition(conditions, {u"Ready"_s, u"True"_s, QString(), QString()}, u"T3"_s, ctrl::ConditionStyle::Pod);
    QCOMPARE(conditions.at(0).toObject().value("lastTransitionTime"_L1).toString(), u"T3"_s);
    QVERIFY(conditions.at(0).toObject().value("lastProbeTime"_L1).isNull());
    QVERIFY(!conditions.at(0).toObject().contains("reason"_L1));
}

void TestControllerHelpers::templateHashIsStableAndCollisionSensitive()
{
    const QJsonObject podTemplate = parse(R"({"spec":{"containers":[{"name":"a","image":"nginx"}]}})");
    const QString hash = ctrl::templateHash(podTemplate);
    QCOMPARE(ctrl::templateHash(podTemplate), hash);
    QVERIFY(!hash.isEmpty());
    for (const QChar c : hash)
        QVERIFY(QStringLiteral("bcdfghjklmnpqrstvwxz2456789").contains(c));
    QVERIFY(ctrl::templateHash(podTemplate, 1) != hash);
    QVERIFY(ctrl::templateHash(parse(R"({"spec":{"containers":[{"name":"a","image":"httpd"}]}})")) != hash);
}

void TestControllerHelpers::ownerReferencesIgnoreEntriesWithoutUid()
{
    const QJsonObject object = parse(R"({"metadata":{"ownerReferences":[
        {"apiVersion":"v1","kind":"ConfigMap","name":"a"},
        {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u1","controller":true},
        "garbage"]}})");
    const auto refs = ctrl::ownerReferencesOf(object);
    QCOMPARE(refs.size(), 1);
    QVERIFY(ctrl::isControlledBy(object, u"u1"_s));
    QVERIFY(!ctrl::isControlledBy(object, u"u2"_s));
}

class FixedBehavior final : public ContainerBehavior {
public:
    explicit FixedBehavior(QByteArray line) : m_line(std::move(line)) {}
    ContainerPlan plan(const ContainerContext &, const SimTiming &) const override
    {
        ContainerPlan plan;
        plan.startupLines << m_line;
        return plan;
    }

private:
    QByteArray m_line;
};

void TestControllerHelpers::laterBehaviourRegistrationWins()
{
    ContainerBehaviors behaviors;
    ContainerContext context;
    context.image = u"fission/router:1.21"_s;
    context.restartPolicy = u"Always"_s;
    behaviors.add([](const QString &image) { return image.contains("fission/"_L1); },
                  std::make_shared<FixedBehavior>("first"));
    behaviors.add([](const QString &image) { return image.contains("router"_L1); },
                  std::make_shared<FixedBehavior>("second"));
    QCOMPARE(behaviors.planFor(context, SimTiming::fast()).startupLines, QList<QByteArray>{"second"});
    context.image = u"fission/fetcher"_s;
    QCOMPARE(behaviors.planFor(context, SimTiming::fast()).startupLines, QList<QByteArray>{"first"});
    context.image = u"example/does-not-exist:1"_s;
    QVERIFY(behaviors.planFor(context, SimTiming::fast()).pullError.has_value());
    context.image = u"example/crashloop"_s;
    QCOMPARE(behaviors.planFor(context, SimTiming::fast()).exitCode, std::optional<int>(1));
}

void TestControllerHelpers::defaultBehaviourRunsToCompletionUnlessRestartAlways()
{
    ContainerContext context;
    context.image = u"busybox"_s;
    context.containerName = u"main"_s;
    context.restartPolicy = u"Always"_s;
    const SimTiming timing = SimTiming::fast();
    QVERIFY(!ContainerBehaviors::defaultPlan(context, timing).exitCode.has_value());
    context.restartPolicy = u"Never"_s;
    QCOMPARE(ContainerBehaviors::defaultPlan(context, timing).exitCode, std::optional<int>(0));
    QCOMPARE(ContainerBehaviors::defaultPlan(context, timing).exitAfterMs, timing.jobRunTimeMs);
    context.restartPolicy = u"Always"_s;
    context.initContainer = true;
    QCOMPARE(ContainerBehaviors::defaultPlan(context, timing).exitCode, std::optional<int>(0));
}

} // namespace

QTEST_GUILESS_MAIN(TestControllerHelpers)
#include "tst_controllerhelpers.moc"
