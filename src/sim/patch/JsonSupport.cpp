#include "sim/patch/JsonSupport.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <cmath>

namespace fd::sim::patchjson {

fd::Expected<QJsonValue, QString> parseValue(const QByteArray &body)
{
    // QJsonDocument only parses containers: wrap the body in an array to accept any value,
    // then insist on exactly one element so "1,2" or "" are still rejected.
    QByteArray wrapped;
    wrapped.reserve(body.size() + 2);
    wrapped.append('[').append(body).append(']');
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return fd::Unexpected(error.errorString());
    const QJsonArray array = document.array();
    if (array.size() != 1)
        return fd::Unexpected(array.isEmpty() ? QStringLiteral("unexpected end of JSON input")
                                              : QStringLiteral("invalid character ',' after top-level value"));
    return array.first();
}

namespace {

bool deeperThan(const QJsonValue &value, int remaining)
{
    if (!isContainer(value))
        return false;
    if (remaining <= 0)
        return true;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (deeperThan(it.value(), remaining - 1))
                return true;
        }
        return false;
    }
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (deeperThan(item, remaining - 1))
            return true;
    }
    return false;
}

QString goNumber(double number)
{
    // Decoded JSON numbers are float64 in Go; %v prints integral ones without a fraction
    // below 1e21 and switches to exponent form above, as strconv's 'g' with shortest digits.
    if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e21)
        return QString::number(static_cast<qint64>(number));
    return QString::number(number, 'g', 17);
}

} // namespace

bool exceedsDepth(const QJsonValue &value, int limit)
{
    return deeperThan(value, limit);
}

QString goFormat(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("<nil>");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return goNumber(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            parts.append(goFormat(item));
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        // Go prints map keys sorted, as QJsonObject iterates them.
        QStringList parts;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            parts.append(it.key() + QLatin1Char(':') + goFormat(it.value()));
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    }
    return {};
}


QByteArray compact(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

bool isContainer(const QJsonValue &value)
{
    return value.isObject() || value.isArray();
}

PatchError resultNotAnObject(const QJsonValue &result)
{
    const QString json = QString::fromUtf8(compact(result));
    const QString cause = QStringLiteral("Invalid value: %1: json: cannot unmarshal array into Go value of type map[string]interface {}")
                              .arg(goQuote(json));
    PatchError error;
    error.kind = PatchErrorKind::Invalid;
    error.message = QStringLiteral(" \"\" is invalid: patch: ") + cause;
    error.detail = error.message;
    error.causes.append(PatchErrorCause{QStringLiteral("FieldValueInvalid"), QStringLiteral("patch"), cause});
    return error;
}

} // namespace fd::sim::patchjson
