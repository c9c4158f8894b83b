#include "sim/fission/FissionWebhook.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/core/ObjectMeta.h"

#include <QJsonArray>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype kArchiveLiteralSizeLimit = 256 * 1024;

// Archive.IsEmpty: no literal, no URL (and, on main, no OCI image).
bool archiveIsEmpty(const QJsonObject &archive)
{
    return ctrl::text(archive, "literal"_L1).isEmpty() && ctrl::text(archive, "url"_L1).isEmpty()
        && ctrl::child(archive, "oci"_L1).isEmpty();
}

qsizetype literalSize(const QJsonObject &archive)
{
    return QByteArray::fromBase64(ctrl::text(archive, "literal"_L1).toLatin1()).size();
}

// What kube-apiserver answers when a webhook denies a request (controller-runtime's Denied:
// code 403, reason Forbidden).
ApiError denied(const QString &webhook, const QString &message)
{
    ApiError error;
    error.code = 403;
    error.reason = u"Forbidden"_s;
    error.message = QStringLiteral("admission webhook \"%1\" denied the request: %2").arg(webhook, message);
    return error;
}

} // namespace

std::optional<ApiError> FissionWebhook::admit(AdmissionOperation operation, const ResourceType &type,
                                              QJsonObject &object, const QJsonObject *oldObject)
{
    Q_UNUSED(oldObject);
    if (type.group != "fission.io"_L1 || operation == AdmissionOperation::Delete)
        return std::nullopt;
    if (type.kind == "Package"_L1)
        return admitPackage(operation, type, object);
    if (type.kind == "Function"_L1)
        return admitFunction(object);
    return std::nullopt;
}

std::optional<ApiError> FissionWebhook::admitPackage(AdmissionOperation operation, const ResourceType &type,
                                                     QJsonObject &package)
{
    const QJsonObject spec = ctrl::specOf(package);
    const QJsonObject source = ctrl::child(spec, "source"_L1);
    const QJsonObject deployment = ctrl::child(spec, "deployment"_L1);
    if (operation == AdmissionOperation::Create
        && (literalSize(source) > kArchiveLiteralSizeLimit || literalSize(deployment) > kArchiveLiteralSizeLimit)) {
        // humanize.Bytes(256 KiB).
        return denied(u"vpackage.fission.io"_s, u"Package literal larger than 262 kB"_s);
    }
    if (type.hasStatus)
        return std::nullopt;
    QJsonObject status = ctrl::statusOf(package);
    if (!ctrl::text(status, "buildstatus"_L1).isEmpty())
        return std::nullopt;
    if (!archiveIsEmpty(deployment)) {
        status.insert(u"buildstatus"_s, u"none"_s);
    } else if (!archiveIsEmpty(source)) {
        status.insert(u"buildstatus"_s, u"pending"_s);
    } else {
        status.insert(u"buildstatus"_s, u"failed"_s);
        status.insert(u"buildlog"_s, u"Both source and deployment are empty"_s);
    }
    package.insert(u"status"_s, status);
    return std::nullopt;
}

std::optional<ApiError> FissionWebhook::admitFunction(const QJsonObject &function)
{
    const QString ns = namespaceOf(function);
    const QJsonObject spec = ctrl::specOf(function);
    for (const QJsonValue &value : spec.value("configmaps"_L1).toArray()) {
        const QJsonObject ref = value.toObject();
        if (ctrl::text(ref, "namespace"_L1) != ns) {
            return denied(u"vfunction.fission.io"_s,
                          QStringLiteral("Invalid fission Function object:\n* ConfigMap's [%1] and function's Namespace "
                                         "[%2] are different. ConfigMap needs to be present in the same namespace as "
                                         "function\n")
                              .arg(ctrl::text(ref, "namespace"_L1), ns));
        }
    }
    for (const QJsonValue &value : spec.value("secrets"_L1).toArray()) {
        const QJsonObject ref = value.toObject();
        if (ctrl::text(ref, "namespace"_L1) != ns) {
            return denied(u"vfunction.fission.io"_s,
                          QStringLiteral("Invalid fission Function object:\n* secret  [%1] and function's Namespace "
                                         "[%2] are different. Secret needs to be present in the same namespace as "
                                         "function\n")
                              .arg(ctrl::text(ref, "namespace"_L1), ns));
        }
    }
    return std::nullopt;
}

} // namespace fd::sim::fission
