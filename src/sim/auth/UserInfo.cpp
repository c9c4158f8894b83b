#include "sim/auth/UserInfo.h"

#include <QJsonArray>

namespace fd::sim {

UserInfo anonymousUser()
{
    UserInfo user;
    user.name = wellKnown::anonymousUser;
    user.groups = {QString(wellKnown::unauthenticatedGroup)};
    return user;
}

UserInfo withAuthenticatedGroup(UserInfo user)
{
    if (user.isAnonymous())
        return user;
    if (user.groups.contains(wellKnown::authenticatedGroup) || user.groups.contains(wellKnown::unauthenticatedGroup))
        return user;
    user.groups.append(wellKnown::authenticatedGroup);
    return user;
}

QString serviceAccountUsername(const QString &namespaceName, const QString &name)
{
    return wellKnown::serviceAccountUserPrefix + namespaceName + QLatin1Char(':') + name;
}

std::optional<std::pair<QString, QString>> splitServiceAccountUsername(const QString &username)
{
    if (!username.startsWith(wellKnown::serviceAccountUserPrefix))
        return std::nullopt;
    const QStringList parts = username.mid(wellKnown::serviceAccountUserPrefix.size()).split(QLatin1Char(':'));
    if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return std::nullopt;
    return std::make_pair(parts.at(0), parts.at(1));
}

UserInfo serviceAccountUser(const QString &namespaceName, const QString &name, const QString &uid)
{
    UserInfo user;
    user.name = serviceAccountUsername(namespaceName, name);
    user.uid = uid;
    user.groups = {QString(wellKnown::allServiceAccountsGroup), wellKnown::serviceAccountGroupPrefix + namespaceName,
                   QString(wellKnown::authenticatedGroup)};
    return user;
}

QJsonObject userInfoToJson(const UserInfo &user)
{
    QJsonObject json;
    if (!user.name.isEmpty())
        json.insert(QStringLiteral("username"), user.name);
    if (!user.uid.isEmpty())
        json.insert(QStringLiteral("uid"), user.uid);
    if (!user.groups.isEmpty())
        json.insert(QStringLiteral("groups"), QJsonArray::fromStringList(user.groups));
    if (!user.extra.isEmpty()) {
        QJsonObject extra;
        for (auto it = user.extra.cbegin(); it != user.extra.cend(); ++it)
            extra.insert(it.key(), QJsonArray::fromStringList(it.value()));
        json.insert(QStringLiteral("extra"), extra);
    }
    return json;
}

} // namespace fd::sim
