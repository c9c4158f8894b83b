#pragma once

#include "kube/store/Decode.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTest>

namespace fd::kube::test {

struct PodSpec {
    QByteArray name = "pod";
    QByteArray ns = "default";
    QByteArray rv = "1";
    QByteArray uid = "uid-1";
    QList<QPair<QByteArray, QByteArray>> labels;
    QList<QByteArray> owners;
    QByteArray extra; // appended to the top-level object, e.g. ",\"status\":{\"phase\":\"Running\"}"
};

// A compact pod as an apiserver list item (no kind/apiVersion) with managedFields.
inline QByteArray podJson(const PodSpec &p)
{
    QByteArray j = "{\"metadata\":{\"name\":\"" + p.name + "\"";
    if (!p.ns.isEmpty())
        j += ",\"namespace\":\"" + p.ns + "\"";
    j += ",\"uid\":\"" + p.uid + "\",\"resourceVersion\":\"" + p.rv + "\"";
    if (!p.labels.isEmpty()) {
        j += ",\"labels\":{";
        for (qsizetype i = 0; i < p.labels.size(); ++i)
            j += (i ? "," : "") + QByteArray("\"") + p.labels[i].first + "\":\"" + p.labels[i].second + "\"";
        j += "}";
    }
    if (!p.owners.isEmpty()) {
        j += ",\"ownerReferences\":[";
        for (qsizetype i = 0; i < p.owners.size(); ++i)
            j += (i ? "," : "") + QByteArray("{\"kind\":\"ReplicaSet\",\"name\":\"rs\",\"uid\":\"") + p.owners[i] + "\"}";
        j += "]";
    }
    j += ",\"managedFields\":[{\"manager\":\"kubectl\",\"fieldsV1\":{\"f:metadata\":{}}}]}";
    j += p.extra + "}";
    return j;
}

inline KubeObject decodePod(const PodSpec &p)
{
    auto o = decodeObject(podJson(p), TypeMeta{QStringLiteral("v1"), QStringLiteral("Pod")});
    if (!o) {
        qWarning("decodePod failed: %s", qPrintable(o.error().message));
        return {};
    }
    return o.value();
}

inline QByteArray listJson(const QList<QByteArray> &items, const QByteArray &rv = "100",
                           const QByteArray &kind = "PodList", const QByteArray &apiVersion = "v1")
{
    QByteArray j = "{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion + "\",\"metadata\":{\"resourceVersion\":\""
        + rv + "\"},\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i)
        j += (i ? "," : "") + items[i];
    return j + "]}";
}

// The JSON as QJsonObject with metadata.managedFields removed (what the store must keep).
inline QJsonObject withoutManagedFields(const QByteArray &json)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    QJsonObject metadata = o.value(QLatin1String("metadata")).toObject();
    metadata.remove(QLatin1String("managedFields"));
    if (o.contains(QLatin1String("metadata")))
        o.insert(QLatin1String("metadata"), metadata);
    return o;
}

} // namespace fd::kube::test
