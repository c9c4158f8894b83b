#include "sim/auth/Impersonation.h"

#include "sim/auth/AuthStatus.h"

#include <algorithm>
#include <cctype>

namespace fd::sim {

namespace {

const QByteArray kUserHeader = QByteArrayLiteral("impersonate-user");
const QByteArray kGroupHeader = QByteArrayLiteral("impersonate-group");
const QByteArray kUidHeader = QByteArrayLiteral("impersonate-uid");
const QByteArray kExtraHeaderPrefix = QByteArrayLiteral("impersonate-extra-");
const QByteArray kAnyImpersonationPrefix = QByteArrayLiteral("impersonate-");
const QLatin1String kAuthenticationGroup("authentication.k8s.io");

// One thing the requestor asks to act as (the apiserver models them as ObjectReferences).
struct ActAs {
    enum class Kind { ServiceAccount, User, Group, UserExtra, Uid };
    Kind kind;
    QString namespaceName;
    QString name;
    QString extraKey;

    // Go's %v of the v1.ObjectReference the apiserver builds, for its 400 message:
    // {Kind Namespace Name UID APIVersion ResourceVersion FieldPath}.
    QString goValue() const
    {
        QString kindName;
        QString apiVersion;
        switch (kind) {
        case Kind::ServiceAccount: kindName = QStringLiteral("ServiceAccount"); break;
        case Kind::User: kindName = QStringLiteral("User"); break;
        case Kind::Group: kindName = QStringLiteral("Group"); break;
        case Kind::UserExtra:
            kindName = QStringLiteral("UserExtra");
            apiVersion = QStringLiteral("authentication.k8s.io/v1");
            break;
        case Kind::Uid:
            kindName = QStringLiteral("UID");
            apiVersion = QStringLiteral("authentication.k8s.io/v1");
            break;
        }
        const QStringList fields{kindName, namespaceName, name, QString(), apiVersion, QString(), extraKey};
        return QLatin1Char('{') + fields.join(QLatin1Char(' ')) + QLatin1Char('}');
    }

    RequestAttributes attributes() const
    {
        RequestAttributes attributes;
        attributes.resourceRequest = true;
        attributes.verb = QStringLiteral("impersonate");
        attributes.apiVersion = QStringLiteral("v1");
        attributes.name = name;
        switch (kind) {
        case Kind::ServiceAccount:
            attributes.resource = QStringLiteral("serviceaccounts");
            attributes.namespaceName = namespaceName;
            break;
        case Kind::User: attributes.resource = QStringLiteral("users"); break;
        case Kind::Group: attributes.resource = QStringLiteral("groups"); break;
        case Kind::UserExtra:
            attributes.apiGroup = kAuthenticationGroup;
            attributes.resource = QStringLiteral("userextras");
            attributes.subresource = extraKey;
            break;
        case Kind::Uid:
            attributes.apiGroup = kAuthenticationGroup;
            attributes.resource = QStringLiteral("uids");
            break;
        }
        return attributes;
    }
};

bool nameIs(const QByteArray &name, const QByteArray &lowerCaseExpected)
{
    return name.compare(lowerCaseExpected, Qt::CaseInsensitive) == 0;
}

QList<QByteArray> headerValues(const RequestHeaderList &headers, const QByteArray &lowerCaseName)
{
    QList<QByteArray> values;
    for (const auto &[name, value] : headers) {
        if (nameIs(name, lowerCaseName))
            values.append(value);
    }
    return values;
}

// Go's url.PathUnescape; malformed escapes leave the key as it was (as the apiserver does).
QString pathUnescaped(const QString &encoded)
{
    const QByteArray bytes = encoded.toUtf8();
    QByteArray decoded;
    decoded.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '%') {
            decoded.append(bytes.at(i));
            continue;
        }
        if (i + 2 >= bytes.size() || !std::isxdigit(static_cast<unsigned char>(bytes.at(i + 1)))
            || !std::isxdigit(static_cast<unsigned char>(bytes.at(i + 2)))) {
            return encoded;
        }
        decoded.append(static_cast<char>(QByteArray::fromHex(bytes.mid(i + 1, 2)).at(0)));
        i += 2;
    }
    return QString::fromUtf8(decoded);
}

// Extra keys in order of first appearance, each with its values in header order.
QList<QPair<QString, QStringList>> extraHeaders(const RequestHeaderList &headers)
{
    QList<QPair<QString, QStringList>> extras;
    for (const auto &[name, value] : headers) {
        if (name.size() < kExtraHeaderPrefix.size()
            || name.left(kExtraHeaderPrefix.size()).compare(kExtraHeaderPrefix, Qt::CaseInsensitive) != 0) {
            continue;
        }
        const QString key = pathUnescaped(QString::fromUtf8(name.mid(kExtraHeaderPrefix.size())).toLower());
        auto it = std::find_if(extras.begin(), extras.end(), [&](const auto &entry) { return entry.first == key; });
        if (it == extras.end()) {
            extras.append({key, {}});
            it = extras.end() - 1;
        }
        it->second.append(QString::fromUtf8(value));
    }
    return extras;
}

ImpersonationFailure badRequest(const QString &message)
{
    ImpersonationFailure failure;
    failure.httpStatus = 400;
    failure.status = failureStatus(400, QStringLiteral("BadRequest"), message);
    return failure;
}

} // namespace

bool hasImpersonationHeaders(const RequestHeaderList &headers)
{
    for (const auto &[name, value] : headers) {
        Q_UNUSED(value);
        if (name.left(kAnyImpersonationPrefix.size()).compare(kAnyImpersonationPrefix, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

fd::Expected<UserInfo, ImpersonationFailure> applyImpersonation(const UserInfo &requestor,
                                                                const RequestHeaderList &headers,
                                                                const Authorizer &authorizer)
{
    QList<ActAs> requests;

    const QList<QByteArray> userValues = headerValues(headers, kUserHeader);
    const QString requestedUser = userValues.isEmpty() ? QString() : QString::fromUtf8(userValues.constFirst());
    const bool hasUser = !requestedUser.isEmpty();
    if (hasUser) {
        if (const auto serviceAccount = splitServiceAccountUsername(requestedUser))
            requests.append({ActAs::Kind::ServiceAccount, serviceAccount->first, serviceAccount->second, {}});
        else
            requests.append({ActAs::Kind::User, {}, requestedUser, {}});
    }

    const QList<QByteArray> groupValues = headerValues(headers, kGroupHeader);
    for (const QByteArray &group : groupValues)
        requests.append({ActAs::Kind::Group, {}, QString::fromUtf8(group), {}});

    const QList<QPair<QString, QStringList>> extras = extraHeaders(headers);
    for (const auto &[key, values] : extras) {
        for (const QString &value : values)
            requests.append({ActAs::Kind::UserExtra, {}, value, key});
    }

    const QList<QByteArray> uidValues = headerValues(headers, kUidHeader);
    const QString requestedUid = uidValues.isEmpty() ? QString() : QString::fromUtf8(uidValues.constFirst());
    if (!requestedUid.isEmpty())
        requests.append({ActAs::Kind::Uid, {}, requestedUid, {}});

    if (requests.isEmpty())
        return requestor;
    if (!hasUser) {
        QStringList described;
        for (const ActAs &request : std::as_const(requests))
            described.append(request.goValue());
        return fd::Unexpected(badRequest(QStringLiteral("requested [%1] without impersonating a user")
                                             .arg(described.join(QLatin1Char(' ')))));
    }

    // Groups given explicitly are the whole truth, system:authenticated included or not.
    const bool groupsSpecified = !groupValues.isEmpty();
    UserInfo impersonated;
    for (const ActAs &request : std::as_const(requests)) {
        switch (request.kind) {
        case ActAs::Kind::ServiceAccount:
            impersonated.name = serviceAccountUsername(request.namespaceName, request.name);
            if (!groupsSpecified) {
                impersonated.groups = {QString(wellKnown::allServiceAccountsGroup),
                                       wellKnown::serviceAccountGroupPrefix + request.namespaceName};
            }
            break;
        case ActAs::Kind::User: impersonated.name = request.name; break;
        case ActAs::Kind::Group: impersonated.groups.append(request.name); break;
        case ActAs::Kind::UserExtra: impersonated.extra[request.extraKey].append(request.name); break;
        case ActAs::Kind::Uid: impersonated.uid = request.name; break;
        }

        const RequestAttributes attributes = request.attributes();
        const AuthorizationDecision decision = authorizer.authorize(requestor, attributes);
        if (!decision.allowed) {
            ImpersonationFailure failure;
            failure.httpStatus = 403;
            failure.status = forbiddenStatus(requestor, attributes, decision.reason);
            failure.deniedAttributes = attributes;
            return fd::Unexpected(failure);
        }
    }

    if (!impersonated.isAnonymous()) {
        if (!impersonated.groups.contains(wellKnown::authenticatedGroup)
            && !impersonated.groups.contains(wellKnown::unauthenticatedGroup)) {
            impersonated.groups.append(wellKnown::authenticatedGroup);
        }
    } else if (!impersonated.groups.contains(wellKnown::unauthenticatedGroup)) {
        impersonated.groups.append(wellKnown::unauthenticatedGroup);
    }
    return impersonated;
}

} // namespace fd::sim
