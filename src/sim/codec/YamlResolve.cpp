#include "sim/codec/YamlResolve.h"

#include <QByteArray>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

namespace fd::sim::yaml {

namespace {

using Type = ResolvedScalar::Type;

ResolvedScalar makeString(std::string_view text)
{
    ResolvedScalar r;
    r.type = Type::String;
    r.text = std::string(text);
    return r;
}

ResolvedScalar makeBool(bool value)
{
    ResolvedScalar r;
    r.type = Type::Bool;
    r.boolean = value;
    return r;
}

ResolvedScalar makeFloat(double value)
{
    ResolvedScalar r;
    r.type = Type::Float;
    r.real = value;
    return r;
}

ResolvedScalar makeInt(qint64 value)
{
    ResolvedScalar r;
    r.type = Type::Int;
    r.integer = value;
    return r;
}

ResolvedScalar makeUint(quint64 value)
{
    ResolvedScalar r;
    r.type = Type::Uint;
    r.uinteger = value;
    return r;
}

// The fixed spellings of YAML 1.1 booleans, nulls and special floats (go-yaml v2 resolve
// table). Case variants not listed ("yES", "nULL") are strings.
std::optional<ResolvedScalar> lookupSpecial(std::string_view text)
{
    static constexpr std::array<std::string_view, 11> kTrue = {"y",    "Y",    "yes", "Yes", "YES", "true",
                                                               "True", "TRUE", "on",  "On",  "ON"};
    static constexpr std::array<std::string_view, 11> kFalse = {"n",     "N",     "no",  "No",  "NO",  "false",
                                                                "False", "FALSE", "off", "Off", "OFF"};
    static constexpr std::array<std::string_view, 5> kNull = {"", "~", "null", "Null", "NULL"};
    static constexpr std::array<std::string_view, 3> kNaN = {".nan", ".NaN", ".NAN"};
    static constexpr std::array<std::string_view, 6> kInf = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"};
    static constexpr std::array<std::string_view, 3> kNegInf = {"-.inf", "-.Inf", "-.INF"};
    const auto in = [text](const auto &list) {
        for (std::string_view candidate : list) {
            if (text == candidate)
                return true;
        }
        return false;
    };
    if (in(kTrue)) return makeBool(true);
    if (in(kFalse)) return makeBool(false);
    if (in(kNull)) return ResolvedScalar{Type::Null, false, 0, 0, 0, {}};
    if (in(kNaN)) return makeFloat(std::numeric_limits<double>::quiet_NaN());
    if (in(kInf)) return makeFloat(std::numeric_limits<double>::infinity());
    if (in(kNegInf)) return makeFloat(-std::numeric_limits<double>::infinity());
    return std::nullopt;
}

// Rough base-10 exponent of an unsigned decimal literal: >0 means "huge", <=0 "tiny".
int decimalMagnitude(std::string_view s)
{
    const size_t ePos = s.find_first_of("eE");
    const std::string_view mantissa = s.substr(0, ePos);
    long exponent = 0;
    if (ePos != std::string_view::npos) {
        std::string_view e = s.substr(ePos + 1);
        if (!e.empty() && e[0] == '+')
            e.remove_prefix(1);
        std::from_chars(e.data(), e.data() + e.size(), exponent);
    }
    const size_t dot = mantissa.find('.');
    const size_t intDigits = dot == std::string_view::npos ? mantissa.size() : dot;
    const size_t firstNonZero = mantissa.find_first_not_of("0.");
    if (firstNonZero == std::string_view::npos)
        return 0;
    const long position = firstNonZero < intDigits ? long(intDigits - firstNonZero) : -long(firstNonZero - intDigits - 1);
    return int(std::clamp(position + exponent, -100000L, 100000L));
}

int digitValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// strconv.ParseUint(s, base, 64); base 0 picks it from the prefix: 0x, 0o, 0b, or a
// leading 0 for octal (so "0" is octal zero and "08" fails).
std::optional<quint64> parseUnsigned(std::string_view s, int base)
{
    if (s.empty())
        return std::nullopt;
    if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            const char second = s.size() >= 3 ? char(s[1] | 0x20) : '\0';
            if (second == 'b') { base = 2; s.remove_prefix(2); }
            else if (second == 'o') { base = 8; s.remove_prefix(2); }
            else if (second == 'x') { base = 16; s.remove_prefix(2); }
            else { base = 8; s.remove_prefix(1); }
        }
    }
    quint64 value = 0;
    for (char c : s) {
        const int digit = digitValue(c);
        if (digit >= base)
            return std::nullopt;
        if (value > (std::numeric_limits<quint64>::max() - quint64(digit)) / quint64(base))
            return std::nullopt; // out of range
        value = value * quint64(base) + quint64(digit);
    }
    return value;
}

// strconv.ParseInt(s, base, 64).
std::optional<qint64> parseSigned(std::string_view s, int base)
{
    if (s.empty())
        return std::nullopt;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    const auto magnitude = parseUnsigned(s, base);
    if (!magnitude)
        return std::nullopt;
    constexpr quint64 kLimit = quint64(std::numeric_limits<qint64>::max());
    if (!negative)
        return *magnitude <= kLimit ? std::optional<qint64>(qint64(*magnitude)) : std::nullopt;
    if (*magnitude > kLimit + 1)
        return std::nullopt;
    return *magnitude == kLimit + 1 ? std::numeric_limits<qint64>::min() : -qint64(*magnitude);
}

// strconv.ParseFloat on text already known to be plain decimal syntax. Overflow is an
// error there (the scalar then stays a string); underflow quietly gives zero. from_chars
// rather than strtod: the application's locale must not change what "1.5" means.
std::optional<double> parseDecimalFloat(std::string_view s)
{
    const bool negative = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
    if (end != s.data() + s.size())
        return std::nullopt;
    if (error == std::errc::result_out_of_range) {
        if (decimalMagnitude(s) > 0)
            return std::nullopt;
        value = 0;
    } else if (error != std::errc()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

bool matches(const QRegularExpression &re, std::string_view text)
{
    return re.match(QString::fromUtf8(text.data(), qsizetype(text.size()))).hasMatch();
}

// go-yaml's yamlStyleFloat.
bool isYamlStyleFloat(std::string_view text)
{
    static const QRegularExpression re(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    return matches(re, text);
}

// A lone '.' start resolves only through ParseFloat: ".5", ".5e3".
bool isDotFloat(std::string_view text)
{
    static const QRegularExpression re(QStringLiteral("^\\.[0-9]+([eE][-+]?[0-9]+)?$"));
    return matches(re, text);
}

// The timestamp layouts go-yaml accepts (only consulted for an explicit !!timestamp).
bool isTimestamp(std::string_view text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        "(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))"
        "|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?))?$"));
    return matches(re, text);
}

// Numbers: int, then uint, then YAML-style float, then 0b binary; else a string.
ResolvedScalar resolveNumeric(std::string_view text)
{
    std::string plain;
    plain.reserve(text.size());
    for (char c : text) {
        if (c != '_')
            plain.push_back(c);
    }
    if (const auto i = parseSigned(plain, 0))
        return makeInt(*i);
    if (plain[0] != '+' && plain[0] != '-') {
        if (const auto u = parseUnsigned(plain, 0))
            return makeUint(*u);
    }
    if (isYamlStyleFloat(plain)) {
        if (const auto f = parseDecimalFloat(plain))
            return makeFloat(*f);
    }
    const std::string_view view(plain);
    if (view.substr(0, 2) == "0b") {
        if (const auto i = parseSigned(view.substr(2), 2))
            return makeInt(*i);
        if (const auto u = parseUnsigned(view.substr(2), 2))
            return makeUint(*u);
    } else if (view.substr(0, 3) == "-0b") {
        if (const auto i = parseSigned(std::string("-") + std::string(view.substr(3)), 2))
            return makeInt(*i);
    }
    return makeString(text);
}

QString typeTag(Type type)
{
    switch (type) {
    case Type::Null: return QStringLiteral("!!null");
    case Type::Bool: return QStringLiteral("!!bool");
    case Type::Int:
    case Type::Uint: return QStringLiteral("!!int");
    case Type::Float: return QStringLiteral("!!float");
    case Type::String: return QStringLiteral("!!str");
    }
    return QString();
}

} // namespace

ResolvedScalar resolvePlain(std::string_view text)
{
    if (const auto special = lookupSpecial(text))
        return *special;
    if (text.empty())
        return makeString(text);
    const char first = text[0];
    if (first == '.') {
        if (isDotFloat(text))
            if (const auto f = parseDecimalFloat(text))
                return makeFloat(*f);
        return makeString(text);
    }
    if ((first >= '0' && first <= '9') || first == '+' || first == '-')
        return resolveNumeric(text);
    return makeString(text);
}

fd::Expected<ResolvedScalar, QString> resolveTagged(std::string_view shortTag, std::string_view text)
{
    if (shortTag == "!!str")
        return makeString(text);
    if (shortTag == "!!binary") {
        // Go's StdEncoding skips line breaks; anything else must be strict base64.
        QByteArray encoded;
        for (char c : text) {
            if (c != '\n' && c != '\r')
                encoded.append(c);
        }
        auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || encoded.size() % 4 != 0)
            return fd::Unexpected(QStringLiteral("!!binary value contains invalid base64 data"));
        return makeString(std::string_view(decoded.decoded.constData(), size_t(decoded.decoded.size())));
    }
    const bool resolvable = shortTag == "!!bool" || shortTag == "!!int" || shortTag == "!!float"
                            || shortTag == "!!null" || shortTag == "!!timestamp";
    if (!resolvable)
        return makeString(text); // unknown and local tags keep the text

    if (shortTag == "!!timestamp" && isTimestamp(text))
        return makeString(text); // a timestamp decoded into interface{} stays a string
    const ResolvedScalar resolved = resolvePlain(text);
    const QString wanted = QString::fromUtf8(shortTag.data(), qsizetype(shortTag.size()));
    if (typeTag(resolved.type) == wanted)
        return resolved;
    if (wanted == QLatin1String("!!float") && resolved.type == Type::Int)
        return makeFloat(double(resolved.integer));
    return fd::Unexpected(QStringLiteral("cannot decode %1 `%2` as a %3")
                              .arg(typeTag(resolved.type), QString::fromUtf8(text.data(), qsizetype(text.size())), wanted));
}

bool isBase60Float(std::string_view text)
{
    if (text.empty())
        return false;
    const char c = text[0];
    if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || text.find(':') == std::string_view::npos)
        return false;
    static const QRegularExpression re(QStringLiteral("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$"));
    return matches(re, text);
}

std::string goFormatFloat(double value, int bitSize)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == 0)
        return std::signbit(value) ? "-0" : "0";

    // Shortest round-trip digits in scientific form, e.g. "-1.2345e+06".
    std::array<char, 64> buffer{};
    const auto result = bitSize == 32
        ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), static_cast<float>(value), std::chars_format::scientific)
        : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::scientific);
    const std::string scientific(buffer.data(), result.ptr);
    const bool negative = scientific[0] == '-';
    const size_t ePos = scientific.find('e');
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < ePos; ++i) {
        if (scientific[i] != '.')
            digits.push_back(scientific[i]);
    }
    const int exponent = std::atoi(scientific.c_str() + ePos + 1);

    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 6) { // shortest 'g' decides with precision 6
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        out += exponent < 0 ? "e-" : "e+";
        const int magnitude = std::abs(exponent);
        if (magnitude < 10)
            out += "0";
        out += std::to_string(magnitude);
        return out;
    }
    if (exponent < 0) {
        out += "0." + std::string(size_t(-exponent - 1), '0') + digits;
        return out;
    }
    const size_t integerDigits = size_t(exponent) + 1;
    if (digits.size() <= integerDigits)
        return out + digits + std::string(integerDigits - digits.size(), '0');
    return out + digits.substr(0, integerDigits) + "." + digits.substr(integerDigits);
}

} // namespace fd::sim::yaml
