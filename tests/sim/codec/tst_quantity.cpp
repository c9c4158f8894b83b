#include "sim/codec/Quantity.h"

#include <QRandomGenerator>
#include <QTest>

using namespace fd::sim;

Q_DECLARE_METATYPE(fd::sim::Quantity::Format)

namespace {
const QString kFormatError = QStringLiteral(
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
const QString kSuffixError = QStringLiteral("unable to parse quantity's suffix");
} // namespace

class TestQuantity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonical_data();
    void canonical();
    void invalid_data();
    void invalid();
    void scaledValues_data();
    void scaledValues();
    void comparison();
    void fromJson();
    void garbageNeverCrashes();
};

void TestQuantity::canonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<Quantity::Format>("format");

    using F = Quantity::Format;
    QTest::addRow("zero") << QStringLiteral("0") << QStringLiteral("0") << F::DecimalSI;
    QTest::addRow("milli") << QStringLiteral("100m") << QStringLiteral("100m") << F::DecimalSI;
    QTest::addRow("one") << QStringLiteral("1") << QStringLiteral("1") << F::DecimalSI;
    QTest::addRow("fraction") << QStringLiteral("1.5") << QStringLiteral("1500m") << F::DecimalSI;
    QTest::addRow("tenth") << QStringLiteral("0.1") << QStringLiteral("100m") << F::DecimalSI;
    QTest::addRow("leading dot") << QStringLiteral(".5") << QStringLiteral("500m") << F::DecimalSI;
    QTest::addRow("trailing dot") << QStringLiteral("5.") << QStringLiteral("5") << F::DecimalSI;
    QTest::addRow("thousand") << QStringLiteral("1000") << QStringLiteral("1k") << F::DecimalSI;
    QTest::addRow("not a multiple") << QStringLiteral("1500") << QStringLiteral("1500") << F::DecimalSI;
    QTest::addRow("kilo") << QStringLiteral("1k") << QStringLiteral("1k") << F::DecimalSI;
    QTest::addRow("kilo to mega") << QStringLiteral("1000k") << QStringLiteral("1M") << F::DecimalSI;
    QTest::addRow("giga") << QStringLiteral("2G") << QStringLiteral("2G") << F::DecimalSI;
    QTest::addRow("exa") << QStringLiteral("1E") << QStringLiteral("1E") << F::DecimalSI;
    QTest::addRow("hundred exa") << QStringLiteral("100E") << QStringLiteral("100E") << F::DecimalSI;
    // No DecimalSI suffix beyond E: the apiserver prints the bare mantissa.
    QTest::addRow("beyond exa") << QStringLiteral("1000E") << QStringLiteral("1") << F::DecimalSI;
    QTest::addRow("nano") << QStringLiteral("1n") << QStringLiteral("1n") << F::DecimalSI;
    QTest::addRow("micro") << QStringLiteral("1000n") << QStringLiteral("1u") << F::DecimalSI;
    QTest::addRow("below nano rounds up") << QStringLiteral("0.0000000001") << QStringLiteral("1n") << F::DecimalSI;
    QTest::addRow("half nano rounds up") << QStringLiteral("1.5n") << QStringLiteral("2n") << F::DecimalSI;
    QTest::addRow("negative") << QStringLiteral("-1.5") << QStringLiteral("-1500m") << F::DecimalSI;
    QTest::addRow("negative rounds away") << QStringLiteral("-0.1n") << QStringLiteral("-1n") << F::DecimalSI;
    QTest::addRow("plus") << QStringLiteral("+1") << QStringLiteral("1") << F::DecimalSI;
    QTest::addRow("minus zero") << QStringLiteral("-0") << QStringLiteral("0") << F::DecimalSI;
    QTest::addRow("leading zeros") << QStringLiteral("00100") << QStringLiteral("100") << F::DecimalSI;
    QTest::addRow("lone dot is zero") << QStringLiteral(".") << QStringLiteral("0") << F::DecimalSI;
    QTest::addRow("lone sign is zero") << QStringLiteral("-") << QStringLiteral("0") << F::DecimalSI;
    QTest::addRow("kibi") << QStringLiteral("1Ki") << QStringLiteral("1Ki") << F::BinarySI;
    QTest::addRow("1024 stays decimal") << QStringLiteral("1024") << QStringLiteral("1024") << F::DecimalSI;
    QTest::addRow("gibi fraction") << QStringLiteral("1.5Gi") << QStringLiteral("1536Mi") << F::BinarySI;
    QTest::addRow("mebi") << QStringLiteral("100Mi") << QStringLiteral("100Mi") << F::BinarySI;
    QTest::addRow("kibi multiple") << QStringLiteral("1024Ki") << QStringLiteral("1Mi") << F::BinarySI;
    QTest::addRow("odd kibi") << QStringLiteral("1023Ki") << QStringLiteral("1023Ki") << F::BinarySI;
    QTest::addRow("half kibi is small") << QStringLiteral("0.5Ki") << QStringLiteral("512") << F::BinarySI;
    QTest::addRow("fractional bytes") << QStringLiteral("1.1Ki") << QStringLiteral("1126400m") << F::BinarySI;
    QTest::addRow("below one byte") << QStringLiteral("0.0001Ki") << QStringLiteral("102400u") << F::DecimalSI;
    QTest::addRow("exbi") << QStringLiteral("7Ei") << QStringLiteral("7Ei") << F::BinarySI;
    QTest::addRow("capped at int64") << QStringLiteral("10Ei") << QStringLiteral("9223372036854775807") << F::BinarySI;
    QTest::addRow("capped negative") << QStringLiteral("-16Ei") << QStringLiteral("-9223372036854775807") << F::BinarySI;
    QTest::addRow("zero gibi") << QStringLiteral("0Gi") << QStringLiteral("0") << F::BinarySI;
    QTest::addRow("exponent") << QStringLiteral("2e3") << QStringLiteral("2e3") << F::DecimalExponent;
    QTest::addRow("capital exponent") << QStringLiteral("2E3") << QStringLiteral("2e3") << F::DecimalExponent;
    QTest::addRow("signed exponent") << QStringLiteral("1e+3") << QStringLiteral("1e3") << F::DecimalExponent;
    QTest::addRow("negative exponent") << QStringLiteral("1e-3") << QStringLiteral("1e-3") << F::DecimalExponent;
    QTest::addRow("exponent normalised") << QStringLiteral("12e6") << QStringLiteral("12e6") << F::DecimalExponent;
    QTest::addRow("exponent to zero") << QStringLiteral("1.5e3") << QStringLiteral("1500") << F::DecimalExponent;
    QTest::addRow("exponent zero") << QStringLiteral("1e0") << QStringLiteral("1") << F::DecimalExponent;
    QTest::addRow("huge exponent of zero") << QStringLiteral("0e99999") << QStringLiteral("0") << F::DecimalExponent;
    QTest::addRow("tiny exponent") << QStringLiteral("1e-99999") << QStringLiteral("1e-9") << F::DecimalExponent;
    QTest::addRow("many digits") << QStringLiteral("123456789012345678901234") << QStringLiteral("123456789012345678901234")
                                 << F::DecimalSI;
}

void TestQuantity::canonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(Quantity::Format, format);
    const auto parsed = Quantity::parse(input);
    QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error()));
    QCOMPARE(parsed->toString(), canonical);
    QCOMPARE(parsed->format(), format);
    // The canonical form denotes the same amount.
    const auto again = Quantity::parse(canonical);
    QVERIFY(again.hasValue());
    if (input != QLatin1String("1000E"))
        QCOMPARE(again->compare(*parsed), 0);
}

void TestQuantity::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");

    QTest::addRow("empty") << QString() << kFormatError;
    QTest::addRow("word") << QStringLiteral("abc") << kFormatError;
    QTest::addRow("two dots") << QStringLiteral("1.2.3") << kFormatError;
    QTest::addRow("space") << QStringLiteral("1 Gi") << kFormatError;
    QTest::addRow("trailing letter") << QStringLiteral("1Gb") << kFormatError;
    QTest::addRow("double sign") << QStringLiteral("--1") << kSuffixError; // "-1" is read as the suffix
    QTest::addRow("fractional exponent") << QStringLiteral("1e1.5") << kFormatError;
    QTest::addRow("unicode digit") << QStringLiteral("١") << kFormatError;
    QTest::addRow("lower mi") << QStringLiteral("1mi") << kSuffixError;
    QTest::addRow("bare e") << QStringLiteral("1e") << kSuffixError;
    QTest::addRow("digits after binary") << QStringLiteral("1Ki2") << kSuffixError;
    QTest::addRow("mixed suffix") << QStringLiteral("1mE3") << kSuffixError;
    QTest::addRow("K is not kilo") << QStringLiteral("1K") << kSuffixError;
    QTest::addRow("exponent overflow") << QStringLiteral("1e99999999999999999999") << kSuffixError;
    QTest::addRow("beyond this emulator") << QStringLiteral("1e40") << QStringLiteral("too large");
}

void TestQuantity::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, error);
    const auto parsed = Quantity::parse(input);
    QVERIFY2(!parsed.hasValue(), qPrintable(parsed.hasValue() ? parsed->toString() : QString()));
    QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void TestQuantity::scaledValues_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("milli");

    QTest::addRow("one and a half") << QStringLiteral("1.5") << qint64(2) << qint64(1500);
    QTest::addRow("negative") << QStringLiteral("-1.5") << qint64(-2) << qint64(-1500);
    QTest::addRow("nano") << QStringLiteral("1n") << qint64(1) << qint64(1);
    QTest::addRow("milli") << QStringLiteral("250m") << qint64(1) << qint64(250);
    QTest::addRow("gibi") << QStringLiteral("1Gi") << qint64(1073741824) << qint64(1073741824000);
    QTest::addRow("saturates") << QStringLiteral("7Ei") << qint64(8070450532247928832) << std::numeric_limits<qint64>::max();
}

void TestQuantity::scaledValues()
{
    QFETCH(QString, input);
    QFETCH(qint64, value);
    QFETCH(qint64, milli);
    const auto parsed = Quantity::parse(input);
    QVERIFY(parsed.hasValue());
    QCOMPARE(parsed->value(), value);
    QCOMPARE(parsed->milliValue(), milli);
}

void TestQuantity::comparison()
{
    const auto gibi = Quantity::parse(QStringLiteral("1Gi"));
    const auto bytes = Quantity::parse(QStringLiteral("1073741824"));
    const auto kilo = Quantity::parse(QStringLiteral("1k"));
    const auto kibi = Quantity::parse(QStringLiteral("1Ki"));
    QVERIFY(gibi && bytes && kilo && kibi);
    QVERIFY(*gibi == *bytes);
    QVERIFY(*kilo < *kibi);
    QCOMPARE(kibi->compare(*kilo), 1);
    QCOMPARE(Quantity().sign(), 0);
    QVERIFY(Quantity().isZero());
    QCOMPARE(Quantity::parse(QStringLiteral("-3m"))->sign(), -1);
    QCOMPARE(Quantity::parse(QStringLiteral("250m"))->toDouble(), 0.25);
}

void TestQuantity::fromJson()
{
    QCOMPARE(Quantity::fromJson(QJsonValue(1.5))->toString(), QStringLiteral("1500m"));
    QCOMPARE(Quantity::fromJson(QJsonValue(100))->toString(), QStringLiteral("100"));
    QCOMPARE(Quantity::fromJson(QJsonValue(qint64(4096)))->toString(), QStringLiteral("4096"));
    QCOMPARE(Quantity::fromJson(QJsonValue(1e20))->toString(), QStringLiteral("100e18"));
    QCOMPARE(Quantity::fromJson(QJsonValue(QStringLiteral(" 2Gi ")))->toString(), QStringLiteral("2Gi"));
    QVERIFY(Quantity::fromJson(QJsonValue(QJsonValue::Null))->isZero());
    QVERIFY(!Quantity::fromJson(QJsonValue(true)).hasValue());
    QVERIFY(!Quantity::fromJson(QJsonValue(QStringLiteral("lots"))).hasValue());
}

void TestQuantity::garbageNeverCrashes()
{
    const QString alphabet = QStringLiteral("0123456789.+-eEinumkKMGTP ");
    QRandomGenerator random(11);
    for (int round = 0; round < 20000; ++round) {
        QString text;
        const int length = int(random.bounded(12));
        for (int i = 0; i < length; ++i)
            text += alphabet.at(random.bounded(alphabet.size()));
        const auto parsed = Quantity::parse(text);
        if (!parsed.hasValue()) {
            QVERIFY(!parsed.error().isEmpty());
            continue;
        }
        // Canonical text always parses back (the only lossy case is the suffix-less
        // DecimalSI mantissa beyond 10^18, which the apiserver shares).
        const auto again = Quantity::parse(parsed->toString());
        QVERIFY2(again.hasValue(), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
