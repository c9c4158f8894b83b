#include "sim/codec/Quantity.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace fd::sim {

namespace {

__extension__ typedef __int128 Int128;

constexpr Int128 kNanosPerUnit = 1'000'000'000;
// BinarySI quantities are capped at the largest int64 (resource.maxAllowed).
constexpr Int128 kMaxBinaryNanos = Int128(std::numeric_limits<qint64>::max()) * kNanosPerUnit;
constexpr int kMaxInt128Digits = 38;

const QString kFormatError = QStringLiteral(
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
const QString kSuffixError = QStringLiteral("unable to parse quantity's suffix");
const QString kTooLargeError = QStringLiteral("quantity is too large for this emulator (beyond about 1.7e29)");

struct NumberParts {
    bool positive = true;
    QString integer;  // digits before the point, leading zeros dropped ("0" when none)
    QString fraction; // digits after the point
    QString suffix;
};

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// resource.parseQuantityString: sign, digits, optional fraction, then a suffix made of
// [eEinumkKMGTP]* with an optional signed number (the exponent of "1e3").
fd::Expected<NumberParts, QString> splitQuantity(const QString &s)
{
    NumberParts parts;
    const qsizetype end = s.size();
    qsizetype pos = 0;
    if (pos < end && (s[0] == QLatin1Char('-') || s[0] == QLatin1Char('+'))) {
        parts.positive = s[0] != QLatin1Char('-');
        ++pos;
    }
    while (pos < end && s[pos] == QLatin1Char('0'))
        ++pos;
    if (pos >= end) {
        parts.integer = QStringLiteral("0");
        return parts;
    }
    qsizetype i = pos;
    while (i < end && isDigit(s[i]))
        ++i;
    parts.integer = s.mid(pos, i - pos);
    if (i >= end)
        return parts;
    pos = i;
    if (parts.integer.isEmpty())
        parts.integer = QStringLiteral("0");
    if (s[pos] == QLatin1Char('.')) {
        ++pos;
        i = pos;
        while (i < end && isDigit(s[i]))
            ++i;
        parts.fraction = s.mid(pos, i - pos);
        if (i >= end)
            return parts;
        pos = i;
    }
    const qsizetype suffixStart = pos;
    static const QString kSuffixChars = QStringLiteral("eEinumkKMGTP");
    i = pos;
    while (i < end && kSuffixChars.contains(s[i]))
        ++i;
    if (i < end) {
        pos = i;
        if (s[pos] == QLatin1Char('-') || s[pos] == QLatin1Char('+'))
            ++pos;
        i = pos;
        while (i < end && isDigit(s[i]))
            ++i;
        if (i < end)
            return fd::Unexpected(kFormatError);
    }
    parts.suffix = s.mid(suffixStart);
    return parts;
}

struct SuffixMeaning {
    int base;
    qint32 exponent;
    Quantity::Format format;
};

std::optional<SuffixMeaning> interpretSuffix(const QString &suffix)
{
    using F = Quantity::Format;
    static const QList<std::pair<QString, SuffixMeaning>> kTable = {
        {QString(), {10, 0, F::DecimalSI}},         {QStringLiteral("n"), {10, -9, F::DecimalSI}},
        {QStringLiteral("u"), {10, -6, F::DecimalSI}}, {QStringLiteral("m"), {10, -3, F::DecimalSI}},
        {QStringLiteral("k"), {10, 3, F::DecimalSI}},  {QStringLiteral("M"), {10, 6, F::DecimalSI}},
        {QStringLiteral("G"), {10, 9, F::DecimalSI}},  {QStringLiteral("T"), {10, 12, F::DecimalSI}},
        {QStringLiteral("P"), {10, 15, F::DecimalSI}}, {QStringLiteral("E"), {10, 18, F::DecimalSI}},
        {QStringLiteral("Ki"), {2, 10, F::BinarySI}},  {QStringLiteral("Mi"), {2, 20, F::BinarySI}},
        {QStringLiteral("Gi"), {2, 30, F::BinarySI}},  {QStringLiteral("Ti"), {2, 40, F::BinarySI}},
        {QStringLiteral("Pi"), {2, 50, F::BinarySI}},  {QStringLiteral("Ei"), {2, 60, F::BinarySI}},
    };
    for (const auto &[text, meaning] : kTable) {
        if (text == suffix)
            return meaning;
    }
    if (suffix.size() > 1 && (suffix[0] == QLatin1Char('e') || suffix[0] == QLatin1Char('E'))) {
        bool ok = false;
        const QString digits = suffix.mid(1);
        const qint64 exponent = digits.toLongLong(&ok, 10);
        if (!ok || digits.front().isSpace() || digits.back().isSpace())
            return std::nullopt;
        return SuffixMeaning{10, static_cast<qint32>(exponent), F::DecimalExponent}; // Go truncates to int32
    }
    return std::nullopt;
}

std::optional<Int128> multiply(Int128 a, Int128 b)
{
    Int128 result = 0;
    if (__builtin_mul_overflow(a, b, &result))
        return std::nullopt;
    return result;
}

std::optional<Int128> powerOf(int base, qint64 exponent)
{
    Int128 result = 1;
    for (qint64 i = 0; i < exponent; ++i) {
        const auto next = multiply(result, base);
        if (!next)
            return std::nullopt;
        result = *next;
    }
    return result;
}

// ceil(n / 10^k) for n > 0.
Int128 divideRoundingUp(Int128 n, qint64 k)
{
    if (k > kMaxInt128Digits)
        return 1; // n < 10^39 <= 10^k: the quotient is below one
    const Int128 divisor = *powerOf(10, k);
    return n / divisor + (n % divisor != 0 ? 1 : 0);
}

QString toDecimalString(Int128 value)
{
    if (value == 0)
        return QStringLiteral("0");
    const bool negative = value < 0;
    QString digits;
    while (value != 0) {
        const int digit = int(value % 10);
        digits.prepend(QLatin1Char(char('0' + (negative ? -digit : digit))));
        value /= 10;
    }
    return negative ? QLatin1Char('-') + digits : digits;
}

QString decimalSuffix(qint64 exponent, Quantity::Format format)
{
    if (format == Quantity::Format::DecimalExponent)
        return exponent == 0 ? QString() : QStringLiteral("e%1").arg(exponent);
    switch (exponent) {
    case -9: return QStringLiteral("n");
    case -6: return QStringLiteral("u");
    case -3: return QStringLiteral("m");
    case 3: return QStringLiteral("k");
    case 6: return QStringLiteral("M");
    case 9: return QStringLiteral("G");
    case 12: return QStringLiteral("T");
    case 15: return QStringLiteral("P");
    case 18: return QStringLiteral("E");
    // Beyond 10^18 the apiserver has no DecimalSI suffix and prints the bare mantissa
    // ("1000E" reads back as "1"); mirrored so that round trips match.
    default: return QString();
    }
}

} // namespace

fd::Expected<Quantity, QString> Quantity::parse(const QString &text)
{
    if (text.isEmpty())
        return fd::Unexpected(kFormatError);
    if (text == QLatin1String("0"))
        return Quantity();
    auto parts = splitQuantity(text);
    if (!parts)
        return fd::Unexpected(parts.error());
    const auto suffix = interpretSuffix(parts->suffix);
    if (!suffix)
        return fd::Unexpected(kSuffixError);

    // value = digits * 10^(-fractionDigits) * base^exponent, as an integer D times a power
    // of ten once leading and trailing zeros are gone.
    QString digits = parts->integer + parts->fraction;
    qint64 tenPower = -qint64(parts->fraction.size());
    while (digits.size() > 1 && digits.front() == QLatin1Char('0'))
        digits.remove(0, 1);
    while (digits.size() > 1 && digits.back() == QLatin1Char('0')) {
        digits.chop(1);
        ++tenPower;
    }
    Int128 nanos = 0;
    if (digits != QLatin1String("0")) {
        if (digits.size() > kMaxInt128Digits)
            return fd::Unexpected(kTooLargeError);
        Int128 mantissa = 0;
        for (const QChar c : digits)
            mantissa = mantissa * 10 + (c.unicode() - '0');
        std::optional<Int128> scaledMantissa = mantissa;
        if (suffix->base == 2)
            scaledMantissa = suffix->exponent < 127 ? multiply(mantissa, *powerOf(2, suffix->exponent)) : std::nullopt;
        else
            tenPower += suffix->exponent;
        tenPower += 9; // nano units
        if (scaledMantissa && tenPower >= 0) {
            const auto power = tenPower <= kMaxInt128Digits ? powerOf(10, tenPower) : std::nullopt;
            scaledMantissa = power ? multiply(*scaledMantissa, *power) : std::nullopt;
        } else if (scaledMantissa) {
            scaledMantissa = divideRoundingUp(*scaledMantissa, -tenPower); // round up, as the apiserver
        }
        if (!scaledMantissa) {
            if (suffix->format != Format::BinarySI)
                return fd::Unexpected(kTooLargeError);
            scaledMantissa = kMaxBinaryNanos; // capped below anyway
        }
        nanos = *scaledMantissa;
    }
    Format format = suffix->format;
    if (format == Format::BinarySI) {
        nanos = std::min(nanos, kMaxBinaryNanos);
        if (nanos > 0 && nanos < kNanosPerUnit)
            format = Format::DecimalSI; // fractions of a byte are written in decimal
    }
    return Quantity(parts->positive ? nanos : -nanos, format);
}

fd::Expected<Quantity, QString> Quantity::fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return Quantity();
    case QJsonValue::String: return parse(value.toString().trimmed());
    case QJsonValue::Double: {
        const qint64 integer = value.toInteger(std::numeric_limits<qint64>::min());
        if (integer != std::numeric_limits<qint64>::min())
            return parse(QString::number(integer));
        return parse(QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest));
    }
    default: return fd::Unexpected(QStringLiteral("a quantity must be a string or a number"));
    }
}

QString Quantity::toString() const
{
    if (m_nanos == 0)
        return QStringLiteral("0");
    Format format = m_format;
    if (format == Format::BinarySI) {
        const Int128 magnitude = m_nanos < 0 ? -m_nanos : m_nanos;
        if (magnitude < 1024 * kNanosPerUnit || m_nanos % kNanosPerUnit != 0)
            format = Format::DecimalSI; // small or fractional: no binary suffix fits
    }
    if (format == Format::BinarySI) {
        static const QString kBinarySuffixes[] = {QString(), QStringLiteral("Ki"), QStringLiteral("Mi"), QStringLiteral("Gi"),
                                                  QStringLiteral("Ti"), QStringLiteral("Pi"), QStringLiteral("Ei")};
        Int128 units = m_nanos / kNanosPerUnit;
        int power = 0;
        while (units % 1024 == 0 && power < 6) {
            units /= 1024;
            ++power;
        }
        return toDecimalString(units) + kBinarySuffixes[power];
    }
    // The largest exponent that is a multiple of three and keeps the mantissa whole.
    Int128 mantissa = m_nanos;
    qint64 exponent = -9;
    while (mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    while (exponent % 3 != 0) {
        mantissa *= 10;
        --exponent;
    }
    return toDecimalString(mantissa) + decimalSuffix(exponent, format);
}

double Quantity::toDouble() const
{
    return double(static_cast<long double>(m_nanos) / 1e9L);
}

int Quantity::compare(const Quantity &other) const
{
    return m_nanos < other.m_nanos ? -1 : (m_nanos > other.m_nanos ? 1 : 0);
}

qint64 Quantity::scaled(qint64 nanosPerUnit) const
{
    const Int128 magnitude = m_nanos < 0 ? -m_nanos : m_nanos;
    Int128 units = magnitude / nanosPerUnit + (magnitude % nanosPerUnit != 0 ? 1 : 0);
    units = std::min<Int128>(units, std::numeric_limits<qint64>::max());
    return m_nanos < 0 ? -qint64(units) : qint64(units);
}

} // namespace fd::sim
