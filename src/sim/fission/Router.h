#pragma once

#include "sim/api/ApiHandler.h"
#include "sim/fission/FissionLog.h"
#include "sim/fission/FissionTiming.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace fd::sim::fission {

class ControlPlaneView;
class Executor;
class FissionObjects;
struct FunctionService;

// Fission's router (1.20 semantics) behind the API server's service proxy: the Service
// `router`, port 80, in the namespace the `svc=router` pod runs in. While no router pod is
// Running+Ready the proxy finds no endpoints (503), as on a real cluster.
//
// Routes, for Functions and HTTPTriggers in the router's watched namespaces only:
//   /fission-function/<name>[/…]         Functions in `default`
//   /fission-function/<ns>/<name>[/…]    Functions elsewhere (never for `default`)
//   HTTPTrigger relativeurl (exact) or prefix, with its methods (405 for other methods)
//   GET /, /router-healthz, /_version
// Anything else gets gorilla/mux's "404 page not found". A matched function is served
// through the executor (a specialized pod answers; it logs the request); when no pod can be
// had the router answers 500 "error sending request to function", as 1.20 does without
// DEBUG_ENV.
class Router : public QObject, public ServiceProxyTarget {
    Q_OBJECT
public:
    Router(FissionObjects *objects, ControlPlaneView *view, Executor *executor, LogStore *logs,
           const FissionTiming &timing, QObject *parent = nullptr);

    bool serve(const QString &namespaceName, const QString &service, const QString &port, const HttpRequest &request,
               const QString &path, HttpResponder *responder) override;

private:
    struct Route {
        QJsonObject function;
        QString trigger;       // the HTTPTrigger's name, empty for /fission-function routes
        QString matched;       // the /fission-function route that matched (the function sees the rest)
    };
    enum class Match { Found, NotFound, MethodNotAllowed };

    Match resolve(const QString &method, const QString &path, Route *route) const;
    std::optional<QJsonObject> watchedFunction(const QString &namespaceName, const QString &name) const;
    std::optional<QJsonObject> triggerTarget(const QJsonObject &trigger) const;
    void invoke(const Route &route, const HttpRequest &request, const QString &path, HttpResponder *responder);
    void answerFromFunction(const FunctionService &service, const Route &route, const QString &method,
                            const QString &path, HttpResponder *responder);
    void log(const QString &level, const QString &message, const LogFields &fields) const;

    FissionObjects *m_objects;
    ControlPlaneView *m_view;
    Executor *m_executor;
    PodLogWriter m_logWriter;
    FissionTiming m_timing;
};

} // namespace fd::sim::fission
