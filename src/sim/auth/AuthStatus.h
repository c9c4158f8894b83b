#pragma once

#include "sim/auth/Authorizer.h"
#include "sim/auth/UserInfo.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The error Statuses kube-apiserver writes for authentication and authorization failures,
// worded exactly as it words them (kubectl prints the message verbatim).

namespace fd::sim {

// The 403 message, e.g.
//   pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"
//   deployments.apps "web" is forbidden: User "bob" cannot get resource "deployments/scale" in API group "apps" at the cluster scope
//   forbidden: User "bob" cannot get path "/metrics"
// A non-empty authorizer reason is appended after ": ".
QString forbiddenMessage(const UserInfo &user, const RequestAttributes &attributes, const QString &reason = {});

// The complete v1 Status for that 403 (reason Forbidden, details {name, group, kind}).
QJsonObject forbiddenStatus(const UserInfo &user, const RequestAttributes &attributes, const QString &reason = {});

// The v1 Status for every 401 (message and reason "Unauthorized").
QJsonObject unauthorizedStatus();

// A v1 Status with status Failure; `details` only when given.
QJsonObject failureStatus(int code, const QString &reason, const QString &message,
                          const std::optional<QJsonObject> &details = std::nullopt);

} // namespace fd::sim
