#include "sim/auth/AuthStatus.h"

#include "sim/core/GoFormat.h"

namespace fd::sim {

namespace {

// The apiserver escapes HTML-looking characters in the generated part of the message.
QString sanitized(QString text)
{
    text.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    text.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return text;
}

// responsewriters.forbiddenMessage
QString denialText(const UserInfo &user, const RequestAttributes &attributes)
{
    if (!attributes.resourceRequest) {
        return QStringLiteral("User %1 cannot %2 path %3")
            .arg(goQuote(user.name), attributes.verb, goQuote(attributes.path));
    }
    QString resource = attributes.resource;
    if (!attributes.subresource.isEmpty())
        resource += QLatin1Char('/') + attributes.subresource;
    const QString scope = attributes.namespaceName.isEmpty()
                              ? QStringLiteral("at the cluster scope")
                              : QStringLiteral("in the namespace %1").arg(goQuote(attributes.namespaceName));
    return QStringLiteral("User %1 cannot %2 resource %3 in API group %4 %5")
        .arg(goQuote(user.name), attributes.verb, goQuote(resource), goQuote(attributes.apiGroup), scope);
}

// schema.GroupResource.String()
QString qualifiedResource(const RequestAttributes &attributes)
{
    if (attributes.apiGroup.isEmpty())
        return attributes.resource;
    return attributes.resource + QLatin1Char('.') + attributes.apiGroup;
}

} // namespace

QString forbiddenMessage(const UserInfo &user, const RequestAttributes &attributes, const QString &reason)
{
    QString cause = sanitized(denialText(user, attributes));
    if (!reason.isEmpty())
        cause += QLatin1String(": ") + reason;

    // apierrors.NewForbidden
    if (attributes.apiGroup.isEmpty() && attributes.resource.isEmpty())
        return QLatin1String("forbidden: ") + cause;
    if (attributes.name.isEmpty())
        return qualifiedResource(attributes) + QLatin1String(" is forbidden: ") + cause;
    return qualifiedResource(attributes) + QLatin1Char(' ') + goQuote(attributes.name) + QLatin1String(" is forbidden: ")
           + cause;
}

QJsonObject forbiddenStatus(const UserInfo &user, const RequestAttributes &attributes, const QString &reason)
{
    QJsonObject details;
    if (!attributes.name.isEmpty())
        details.insert(QStringLiteral("name"), attributes.name);
    if (!attributes.apiGroup.isEmpty())
        details.insert(QStringLiteral("group"), attributes.apiGroup);
    if (!attributes.resource.isEmpty())
        details.insert(QStringLiteral("kind"), attributes.resource);
    return failureStatus(403, QStringLiteral("Forbidden"), forbiddenMessage(user, attributes, reason), details);
}

QJsonObject unauthorizedStatus()
{
    return failureStatus(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

QJsonObject failureStatus(int code, const QString &reason, const QString &message,
                          const std::optional<QJsonObject> &details)
{
    QJsonObject status{{QStringLiteral("kind"), QStringLiteral("Status")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("metadata"), QJsonObject()},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("code"), code}};
    if (details)
        status.insert(QStringLiteral("details"), *details);
    return status;
}

} // namespace fd::sim
