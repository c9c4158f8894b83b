#pragma once

#include <QJsonObject>
#include <QLatin1String>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace fd::sim {

// The user and group names kube-apiserver gives meaning to
// (k8s.io/apiserver/pkg/authentication/user and …/serviceaccount).
namespace wellKnown {
inline constexpr QLatin1String anonymousUser("system:anonymous");
inline constexpr QLatin1String authenticatedGroup("system:authenticated");
inline constexpr QLatin1String unauthenticatedGroup("system:unauthenticated");
inline constexpr QLatin1String mastersGroup("system:masters");
inline constexpr QLatin1String serviceAccountUserPrefix("system:serviceaccount:");
inline constexpr QLatin1String allServiceAccountsGroup("system:serviceaccounts");
inline constexpr QLatin1String serviceAccountGroupPrefix("system:serviceaccounts:");
} // namespace wellKnown

// Who a request is from, after authentication (and impersonation).
struct UserInfo {
    QString name;
    QString uid;
    QStringList groups;
    QMap<QString, QStringList> extra;

    bool isAnonymous() const { return name == wellKnown::anonymousUser; }
    bool operator==(const UserInfo &other) const = default;
};

// system:anonymous in group system:unauthenticated, as the anonymous authenticator makes it.
UserInfo anonymousUser();

// Every authenticated, non-anonymous user also belongs to system:authenticated unless it
// already carries system:authenticated or system:unauthenticated (the apiserver's
// AuthenticatedGroupAdder); the group is appended last.
UserInfo withAuthenticatedGroup(UserInfo user);

// "system:serviceaccount:<ns>:<name>".
QString serviceAccountUsername(const QString &namespaceName, const QString &name);

// Splits a service-account user name into {namespace, name}; nullopt unless it has the
// prefix and exactly two non-empty ':'-separated parts after it.
std::optional<std::pair<QString, QString>> splitServiceAccountUsername(const QString &username);

// The identity a service-account token authenticates as: the SA user name plus the groups
// system:serviceaccounts, system:serviceaccounts:<ns> and system:authenticated.
UserInfo serviceAccountUser(const QString &namespaceName, const QString &name, const QString &uid = {});

// authentication.k8s.io/v1 UserInfo JSON ({username, uid, groups, extra}, empty fields
// omitted), e.g. for SelfSubjectReview status.userInfo and TokenReview.
QJsonObject userInfoToJson(const UserInfo &user);

} // namespace fd::sim
