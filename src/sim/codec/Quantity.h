#pragma once

#include "common/Expected.h"

#include <QJsonValue>
#include <QString>

namespace fd::sim {

// A Kubernetes resource quantity (k8s.io/apimachinery pkg/api/resource): "100m", "1.5Gi",
// "2e3", "128974848". Holds the exact value rounded up to nano units, as the apiserver
// does, and prints the apiserver's canonical form ("1.5Gi" -> "1536Mi", "0.1" -> "100m").
//
// Known limit: values beyond about ±1.7e29 are rejected here although the apiserver's
// arbitrary-precision type would accept them.
class Quantity {
public:
    enum class Format { DecimalExponent, BinarySI, DecimalSI };

    // Errors are the apiserver's: "quantities must match the regular expression …",
    // "unable to parse quantity's suffix".
    static fd::Expected<Quantity, QString> parse(const QString &text);
    // A quantity as it may appear in JSON: a string, or a bare number.
    static fd::Expected<Quantity, QString> fromJson(const QJsonValue &value);

    Quantity() = default; // zero

    QString toString() const; // canonical form
    Format format() const { return m_format; }
    bool isZero() const { return m_nanos == 0; }
    int sign() const { return m_nanos > 0 ? 1 : (m_nanos < 0 ? -1 : 0); }

    // Whole units / thousandths, rounded away from zero and saturated to qint64, like
    // Quantity.Value() and MilliValue().
    qint64 value() const { return scaled(1'000'000'000); }
    qint64 milliValue() const { return scaled(1'000'000); }
    double toDouble() const;

    int compare(const Quantity &other) const;
    bool operator==(const Quantity &other) const { return m_nanos == other.m_nanos; }
    bool operator!=(const Quantity &other) const { return m_nanos != other.m_nanos; }
    bool operator<(const Quantity &other) const { return m_nanos < other.m_nanos; }

private:
    __extension__ typedef __int128 Nanos;

    Quantity(Nanos nanos, Format format) : m_nanos(nanos), m_format(format) {}
    qint64 scaled(qint64 nanosPerUnit) const;

    Nanos m_nanos = 0;
    Format m_format = Format::DecimalSI;
};

} // namespace fd::sim
