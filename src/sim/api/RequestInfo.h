#pragma once

#include <QString>
#include <QStringList>

namespace fd::sim {

// What a request path and method mean to the apiserver (its RequestInfoFactory): the verb
// RBAC sees, and the group/version/namespace/resource/name/subresource addressed.
struct RequestInfo {
    bool isResourceRequest = false;
    QString path;
    QString verb;          // get list watch create update patch delete deletecollection (or the HTTP verb, lower-case)
    QString apiPrefix;     // "api" or "apis"
    QString group;
    QString version;
    QString namespaceName;
    QString resource;
    QString subresource;
    QString name;
    QString proxyRemainder; // path after ".../proxy" for the proxy subresource

    static RequestInfo parse(const QByteArray &method, const QString &path, bool watchParam);
};

} // namespace fd::sim
