// The ApiHandler's access reviews: the create-only kinds of authorization.k8s.io and
// authentication.k8s.io, answered from the same RBAC evaluation that guards every request,
// so that `kubectl auth can-i` always agrees with what the emulator enforces.
#include "sim/api/ApiHandler.h"

#include "sim/auth/RbacAuthorizer.h"

#include <QJsonArray>

namespace fd::sim {

namespace {

RequestAttributes attributesFromSpec(const QJsonObject &spec)
{
    RequestAttributes attributes;
    const QJsonObject resource = spec.value(QLatin1String("resourceAttributes")).toObject();
    const QJsonObject nonResource = spec.value(QLatin1String("nonResourceAttributes")).toObject();
    if (!resource.isEmpty() || nonResource.isEmpty()) {
        attributes.resourceRequest = true;
        attributes.namespaceName = resource.value(QLatin1String("namespace")).toString();
        attributes.verb = resource.value(QLatin1String("verb")).toString();
        attributes.apiGroup = resource.value(QLatin1String("group")).toString();
        attributes.apiVersion = resource.value(QLatin1String("version")).toString();
        attributes.resource = resource.value(QLatin1String("resource")).toString();
        attributes.subresource = resource.value(QLatin1String("subresource")).toString();
        attributes.name = resource.value(QLatin1String("name")).toString();
    } else {
        attributes.resourceRequest = false;
        attributes.path = nonResource.value(QLatin1String("path")).toString();
        attributes.verb = nonResource.value(QLatin1String("verb")).toString();
    }
    return attributes;
}

UserInfo userFromSpec(const QJsonObject &spec)
{
    UserInfo user;
    user.name = spec.value(QLatin1String("user")).toString();
    user.uid = spec.value(QLatin1String("uid")).toString();
    for (const QJsonValue &group : spec.value(QLatin1String("groups")).toArray())
        user.groups << group.toString();
    const QJsonObject extra = spec.value(QLatin1String("extra")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        QStringList values;
        for (const QJsonValue &value : it.value().toArray())
            values << value.toString();
        user.extra.insert(it.key(), values);
    }
    return user;
}

QJsonObject accessStatus(const AuthorizationDecision &decision)
{
    QJsonObject status{{QStringLiteral("allowed"), decision.allowed}};
    if (!decision.reason.isEmpty())
        status.insert(QStringLiteral("reason"), decision.reason);
    return status;
}

} // namespace

void ApiHandler::serveReview(const ResourceType &type, const RequestInfo &info, const QJsonObject &body,
                             HttpResponder *responder, const UserInfo &user)
{
    QJsonObject reply = body;
    reply.insert(QStringLiteral("apiVersion"), type.groupVersion());
    reply.insert(QStringLiteral("kind"), type.kind);
    QJsonObject metadata = reply.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    reply.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = body.value(QLatin1String("spec")).toObject();

    if (type.plural == QLatin1String("selfsubjectaccessreviews")) {
        reply.insert(QStringLiteral("status"), accessStatus(m_authorizer->authorize(user, attributesFromSpec(spec))));
    } else if (type.plural == QLatin1String("localsubjectaccessreviews")) {
        QJsonObject resource = spec.value(QLatin1String("resourceAttributes")).toObject();
        if (resource.value(QLatin1String("namespace")).toString() != info.namespaceName) {
            sendError(responder, ApiError::badRequest(QStringLiteral("spec.resourceAttributes.namespace must match namespace: %1").arg(info.namespaceName)));
            return;
        }
        reply.insert(QStringLiteral("status"), accessStatus(m_authorizer->authorize(userFromSpec(spec), attributesFromSpec(spec))));
    } else if (type.plural == QLatin1String("subjectaccessreviews")) {
        if (spec.value(QLatin1String("user")).toString().isEmpty() && spec.value(QLatin1String("groups")).toArray().isEmpty()) {
            sendError(responder, ApiError::invalid(type.group, type.kind, {},
                                                   {{QStringLiteral("FieldValueRequired"),
                                                     QStringLiteral("Required value: at least one of user or group must be specified"),
                                                     QStringLiteral("spec.user")}}));
            return;
        }
        reply.insert(QStringLiteral("status"), accessStatus(m_authorizer->authorize(userFromSpec(spec), attributesFromSpec(spec))));
    } else if (type.plural == QLatin1String("selfsubjectrulesreviews")) {
        const QString ns = spec.value(QLatin1String("namespace")).toString();
        if (ns.isEmpty()) {
            sendError(responder, ApiError::badRequest(QStringLiteral("no namespace on request")));
            return;
        }
        reply.insert(QStringLiteral("status"), m_authorizer->rulesFor(user, ns).toStatusJson());
    } else if (type.plural == QLatin1String("selfsubjectreviews")) {
        reply.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("userInfo"), userInfoToJson(user)}});
    } else {
        sendError(responder, ApiError::methodNotAllowed(QStringLiteral("the server does not allow this method on the requested resource")));
        return;
    }
    sendJson(responder, 201, reply, HttpRequest());
}

} // namespace fd::sim
