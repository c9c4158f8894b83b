#pragma once

#include "common/Expected.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>

namespace fd::sim {

// One step of a field path, spelled as in FieldsV1: "f:<field>", "k:<json object of the
// list-map keys>", "v:<json value>" (set item) or "i:<index>". The spelling is canonical
// (compact JSON, sorted keys), so equal elements are equal strings.
using FieldPath = QStringList;

QString fieldElement(const QString &name);
QString keyElement(const QJsonObject &keyFields);
QString valueElement(const QJsonValue &value);
// Re-spells an element read from stored FieldsV1; error for malformed ones, an empty string
// for unknown element types (skipped, as upstream does).
fd::Expected<QString, QString> canonicalElement(const QString &element);

// structured-merge-diff's path string: .spec.containers[name="nginx"].image, [="a"], [0].
QString fieldPathString(const FieldPath &path);

// A set of field paths (structured-merge-diff fieldpath.Set): a tree whose nodes may be
// members themselves ("." in FieldsV1) and/or have children.
class FieldSet {
public:
    bool isEmpty() const;
    void insert(const FieldPath &path);
    bool has(const FieldPath &path) const;
    // The subtree under one element, or nullptr.
    const FieldSet *child(const QString &element) const;
    bool isMember() const { return m_member; }
    const std::map<QString, FieldSet> &children() const { return m_children; }

    FieldSet united(const FieldSet &other) const;
    FieldSet subtracted(const FieldSet &other) const;
    FieldSet intersected(const FieldSet &other) const;
    // Only the top-level fields for which keep(fieldName) is true.
    template<typename Predicate>
    FieldSet filteredTopLevel(Predicate keep) const
    {
        FieldSet out;
        for (const auto &[element, node] : m_children) {
            if (element.startsWith(QLatin1String("f:")) && keep(element.mid(2)))
                out.m_children.emplace(element, node);
        }
        return out;
    }

    // Every member path: members of a node before its children's, as upstream iterates.
    QList<FieldPath> paths() const;

    QJsonObject toFieldsV1() const;
    static fd::Expected<FieldSet, QString> fromFieldsV1(const QJsonValue &fields);

    bool operator==(const FieldSet &other) const;

private:
    void collect(FieldPath &prefix, QList<FieldPath> &out) const;

    bool m_member = false;
    std::map<QString, FieldSet> m_children;
};

} // namespace fd::sim
