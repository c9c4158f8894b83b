#pragma once

#include "common/Expected.h"
#include "sim/auth/Authorizer.h"
#include "sim/auth/UserInfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace fd::sim {

// Request headers as (name, value) pairs; names match case-insensitively (same shape as
// the HTTP layer's HttpHeaders, so it can be passed straight through).
using RequestHeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ImpersonationFailure {
    int httpStatus = 403;        // 400: extras/groups/uid without Impersonate-User; 403: not allowed
    QJsonObject status;          // the v1 Status to send, worded as kube-apiserver words it
    // For 403: the impersonate check that was refused (verb "impersonate" on users, groups,
    // serviceaccounts, uids or userextras/<key>).
    std::optional<RequestAttributes> deniedAttributes;

    QString message() const { return status.value(QLatin1String("message")).toString(); }
};

// True if any Impersonate-* header is present.
bool hasImpersonationHeaders(const RequestHeaderList &headers);

// kube-apiserver's impersonation filter. Without Impersonate-* headers returns the
// requestor unchanged. Otherwise every requested piece (the user or service account, each
// group, each extra value, the uid) must be allowed for the requestor by `authorizer` with
// verb "impersonate" — resources users/groups/serviceaccounts in API group "", uids and
// userextras/<key> in authentication.k8s.io — and the impersonated identity is returned:
// service accounts get their groups when none are given, and system:authenticated (or
// system:unauthenticated for system:anonymous) is added unless already there.
fd::Expected<UserInfo, ImpersonationFailure> applyImpersonation(const UserInfo &requestor,
                                                                const RequestHeaderList &headers,
                                                                const Authorizer &authorizer);

} // namespace fd::sim
