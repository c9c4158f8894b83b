#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace fd::sim {

// The OpenAPI component schemas the emulator publishes for built-in kinds: apimachinery's
// meta types (ObjectMeta, ListMeta, Status, DeleteOptions, Patch, Time, …), autoscaling/v1
// Scale, and a few levels of the kinds admins inspect with `kubectl explain` (Pod,
// Deployment, Service, ConfigMap, Secret, Namespace). Descriptions are our own short
// wording. Keyed by model name ("io.k8s.api.core.v1.PodSpec"); refs point into the map.
class BuiltinSchemas {
public:
    static const QHash<QString, QJsonObject> &definitions();

    // "#/components/schemas/<model>"
    static QString refPath(const QString &model);
    // {"$ref": …, "description": …} (description omitted when empty)
    static QJsonObject ref(const QString &model, const QString &description = {});
    static QJsonObject apiVersionProperty();
    static QJsonObject kindProperty();
    static QJsonObject metadataProperty();     // ObjectMeta ref
    static QJsonObject listMetadataProperty(); // ListMeta ref

    // A kind without a detailed definition: apiVersion, kind, metadata and its top-level
    // fields (spec/status, rules, data, …) as plain objects.
    static QJsonObject genericKind(const QString &kind);
    // "<Kind>List": apiVersion, items (refs to `itemModel`), kind, metadata.
    static QJsonObject listOf(const QString &itemModel, const QString &kind, const QString &plural);
};

inline const QString kObjectMetaModel = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
inline const QString kListMetaModel = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta");
inline const QString kStatusModel = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Status");
inline const QString kDeleteOptionsModel = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions");
inline const QString kPatchModel = QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.Patch");
inline const QString kScaleModel = QStringLiteral("io.k8s.api.autoscaling.v1.Scale");

} // namespace fd::sim
