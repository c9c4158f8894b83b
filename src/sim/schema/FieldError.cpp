#include "sim/schema/FieldError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace fd::sim {

namespace {

QString withDetail(const QString &body, const QString &detail)
{
    return detail.isEmpty() ? body : body + QStringLiteral(": ") + detail;
}

} // namespace

QString FieldError::toString() const
{
    return field + QStringLiteral(": ") + message;
}

FieldError FieldError::required(const QString &field, const QString &detail)
{
    return {QStringLiteral("FieldValueRequired"), withDetail(QStringLiteral("Required value"), detail), field};
}

FieldError FieldError::invalid(const QString &field, const QJsonValue &value, const QString &detail)
{
    return {QStringLiteral("FieldValueInvalid"),
            withDetail(QStringLiteral("Invalid value: ") + renderBadValue(value), detail), field};
}

FieldError FieldError::typeInvalid(const QString &field, const QJsonValue &value, const QString &detail)
{
    // field.TypeInvalid prints like Invalid but carries its own reason.
    return {QStringLiteral("FieldValueTypeInvalid"),
            withDetail(QStringLiteral("Invalid value: ") + renderBadValue(value), detail), field};
}

FieldError FieldError::notSupported(const QString &field, const QJsonValue &value, const QStringList &validValues)
{
    QString detail;
    if (!validValues.isEmpty()) {
        QStringList quoted;
        for (const QString &valid : validValues)
            quoted << goQuote(valid);
        detail = QStringLiteral("supported values: ") + quoted.join(QStringLiteral(", "));
    }
    return {QStringLiteral("FieldValueNotSupported"),
            withDetail(QStringLiteral("Unsupported value: ") + renderBadValue(value), detail), field};
}

FieldError FieldError::forbidden(const QString &field, const QString &detail)
{
    return {QStringLiteral("FieldValueForbidden"), withDetail(QStringLiteral("Forbidden"), detail), field};
}

FieldError FieldError::duplicate(const QString &field, const QJsonValue &value)
{
    return {QStringLiteral("FieldValueDuplicate"), QStringLiteral("Duplicate value: ") + renderBadValue(value), field};
}

FieldError FieldError::tooLong(const QString &field, qint64 maxLength)
{
    const QString detail = maxLength >= 0
        ? QStringLiteral("may not be more than %1 %2").arg(maxLength).arg(maxLength == 1 ? QStringLiteral("byte") : QStringLiteral("bytes"))
        : QStringLiteral("value is too long");
    return {QStringLiteral("FieldValueTooLong"), QStringLiteral("Too long: ") + detail, field};
}

FieldError FieldError::tooMany(const QString &field, qint64 actual, qint64 max)
{
    const QString detail = max >= 0
        ? QStringLiteral("must have at most %1 %2").arg(max).arg(max == 1 ? QStringLiteral("item") : QStringLiteral("items"))
        : QStringLiteral("has too many items");
    const QString body = actual >= 0 ? QStringLiteral("Too many: %1").arg(actual) : QStringLiteral("Too many");
    return {QStringLiteral("FieldValueTooMany"), body + QStringLiteral(": ") + detail, field};
}


QString renderNumber(double number)
{
    // JSON integers decode to int64 in Go and print without a fraction; other numbers print
    // in the shortest form that round-trips, as %v does for float64.
    if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 9.2e18)
        return QString::number(static_cast<qint64>(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString renderBadValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return goQuote(value.toString());
    case QJsonValue::Double:
        return renderNumber(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

} // namespace fd::sim
