#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"
#include "kube/store/KubeObject.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>

class QObject;

namespace fd::kube {
class RestClient;
}

// The few REST calls onboarding makes, as callbacks on the caller's thread (the RestClient's
// thread; `context` cancels them when it dies). Thin on purpose: RestClient does retries and
// error mapping.

namespace fd::engine::onboarding {

using ObjectsResult = fd::Expected<QList<fd::kube::KubeObject>, fd::kube::KubeError>;
using ObjectResult = fd::Expected<fd::kube::KubeObject, fd::kube::KubeError>;
using DoneResult = fd::Expected<bool, fd::kube::KubeError>;

// GET a list (all pages are one: no limit is sent).
void listObjects(fd::kube::RestClient *rest, QObject *context, const QString &path, const QUrlQuery &query,
                 std::function<void(const ObjectsResult &)> done);
void getObject(fd::kube::RestClient *rest, QObject *context, const QString &path,
               std::function<void(const ObjectResult &)> done);
void createObject(fd::kube::RestClient *rest, QObject *context, const QString &collectionPath, const QJsonObject &object,
                  std::function<void(const ObjectResult &)> done);
// PATCH with a JSON merge patch (RFC 7386): a null value removes a key, e.g. a label.
void mergePatchObject(fd::kube::RestClient *rest, QObject *context, const QString &path, const QJsonObject &patch,
                      std::function<void(const ObjectResult &)> done);
void deleteObject(fd::kube::RestClient *rest, QObject *context, const QString &path,
                  std::function<void(const DoneResult &)> done);

// "/api/v1/..." or "/apis/<group>/<version>/..." for a resource, optionally in a namespace.
QString resourcePath(const QString &group, const QString &version, const QString &resource,
                     const QString &namespaceName = {}, const QString &name = {});

} // namespace fd::engine::onboarding
