#pragma once

#include "common/Expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fd::sim {

// ---- label selectors (k8s.io/apimachinery pkg/labels/selector.go) ----

enum class LabelOperator { Equals, DoubleEquals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan };

struct LabelRequirement {
    QString key;
    LabelOperator op = LabelOperator::Exists;
    QStringList values; // sorted and unique when parsed from a string

    bool matches(const QJsonObject &labels) const;
    QString toString() const; // the canonical text: "a in (x,y)", "!b", "c!=d"
};

// A parsed label selector: requirements AND-ed together. Errors are the apiserver's
// (a bad selector in a query is a 400 carrying this message).
class LabelSelector {
public:
    // `?labelSelector=` syntax: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`,
    // `!k`, `k>1`, `k<1`, comma = AND; keys and values are validated like label keys and
    // values. An empty string selects everything.
    static fd::Expected<LabelSelector, QString> parse(const QString &selector);

    // metav1.LabelSelector {matchLabels, matchExpressions[{key, operator In|NotIn|Exists|
    // DoesNotExist, values}]} as used by Deployments, ReplicaSets, Jobs, …; empty selects
    // everything. (An absent selector selects nothing: use nothing().)
    static fd::Expected<LabelSelector, QString> fromLabelSelectorJson(const QJsonObject &selector);

    // A plain label map (Service .spec.selector): every pair must match; unvalidated, as
    // labels.SelectorFromSet. An empty map selects everything.
    static LabelSelector fromSet(const QJsonObject &labels);

    static LabelSelector everything() { return LabelSelector(); }
    static LabelSelector nothing();

    bool matches(const QJsonObject &labels) const;
    bool isEverything() const { return !m_matchesNothing && m_requirements.isEmpty(); }
    bool isNothing() const { return m_matchesNothing; }
    const QList<LabelRequirement> &requirements() const { return m_requirements; }
    // The value a matching object must carry for `key`, when the selector pins it (k=v,
    // k==v or k in (v)); lets the API layer index by label.
    std::optional<QString> requiresExactMatch(const QString &key) const;
    QString toString() const;

private:
    QList<LabelRequirement> m_requirements; // sorted by key
    bool m_matchesNothing = false;

    friend class LabelSelectorParser;
};

// ---- field selectors (k8s.io/apimachinery pkg/fields/selector.go) ----

enum class FieldOperator { Equals, DoubleEquals, NotEquals };

struct FieldRequirement {
    QString field;
    FieldOperator op = FieldOperator::Equals;
    QString value; // unescaped
};

// `?fieldSelector=` syntax: `f=v`, `f==v`, `f!=v`, comma = AND; `\,`, `\=` and `\\` escape
// in values. Field names are not checked here: which exist depends on the resource, so
// the API layer compares requiredFields() against its list and answers 400 otherwise.
class FieldSelector {
public:
    static fd::Expected<FieldSelector, QString> parse(const QString &selector);

    // Field names in use, sorted and unique.
    QStringList requiredFields() const;
    // `fieldValue` returns a field's value, nullopt when the object has none (compared as
    // "", as the apiserver's field sets do).
    bool matches(const std::function<std::optional<QString>(const QString &field)> &fieldValue) const;
    bool isEverything() const { return m_requirements.isEmpty(); }
    const QList<FieldRequirement> &requirements() const { return m_requirements; }
    // The value `field` must equal, when an = or == term pins it (metadata.name=x).
    std::optional<QString> requiresExactMatch(const QString &field) const;
    QString toString() const;

private:
    QList<FieldRequirement> m_requirements; // in the apiserver's order (sorted terms)
};

} // namespace fd::sim
