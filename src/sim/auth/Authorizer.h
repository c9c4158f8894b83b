#pragma once

#include "sim/auth/UserInfo.h"

#include <QString>

namespace fd::sim {

// What a request wants to do, as kube-apiserver's RequestInfo resolver describes it.
// Resource requests fill verb/apiGroup/apiVersion/resource/subresource/namespaceName/name;
// non-resource requests (e.g. /version, /healthz) fill verb and path.
// Note for callers: for list/watch with fieldSelector metadata.name=<x> the apiserver sets
// `name` to <x>, which is what lets resourceNames rules grant such a watch.
struct RequestAttributes {
    bool resourceRequest = true;
    QString verb;
    QString apiGroup;
    QString apiVersion;
    QString resource;
    QString subresource;
    QString namespaceName;
    QString name;
    QString path;
};

// allowed=false means "no opinion" (RBAC never denies explicitly), which the apiserver
// turns into 403. `reason` is what SubjectAccessReview status.reason shows.
struct AuthorizationDecision {
    bool allowed = false;
    QString reason;
};

// Something that decides requests; RbacAuthorizer is the emulator's one.
class Authorizer {
public:
    virtual ~Authorizer() = default;
    virtual AuthorizationDecision authorize(const UserInfo &user, const RequestAttributes &attributes) const = 0;
};

} // namespace fd::sim
