#pragma once

#include "sim/core/GoFormat.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace fd::sim {

// One field-level problem, worded like the apiserver's field.Error so that the API layer can
// copy it 1:1 into a metav1.StatusCause {reason, message, field} and build the Status message
// ("<Kind> \"<name>\" is invalid: " + causes joined by ", " in toString() form).
struct FieldError {
    QString reason;  // FieldValueInvalid, FieldValueRequired, FieldValueNotSupported, …
    QString message; // the error body: "Required value", "Invalid value: \"x\": detail", …
    QString field;   // "spec.buildcmd", "spec.versions[0].name"

    // "field: message", as field.Error.Error() prints it.
    QString toString() const;

    bool operator==(const FieldError &other) const = default;

    // Constructors mirroring apimachinery's field.* helpers (same reason and wording).
    static FieldError required(const QString &field, const QString &detail = {});
    static FieldError invalid(const QString &field, const QJsonValue &value, const QString &detail);
    static FieldError typeInvalid(const QString &field, const QJsonValue &value, const QString &detail);
    static FieldError notSupported(const QString &field, const QJsonValue &value, const QStringList &validValues);
    static FieldError forbidden(const QString &field, const QString &detail);
    static FieldError duplicate(const QString &field, const QJsonValue &value);
    static FieldError tooLong(const QString &field, qint64 maxLength);
    static FieldError tooMany(const QString &field, qint64 actual, qint64 max);
};

using FieldErrors = QList<FieldError>;

// How Go's validation prints a bad value: strings %q-quoted, numbers and booleans bare,
// anything else as compact JSON.
QString renderBadValue(const QJsonValue &value);

// A JSON number as Go's %v prints an int64 or float64.
QString renderNumber(double number);

} // namespace fd::sim
