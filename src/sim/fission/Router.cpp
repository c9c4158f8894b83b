#include "sim/fission/Router.h"

#include "sim/controllers/ObjectHelpers.h"
#include "sim/fission/ControlPlaneView.h"
#include "sim/fission/Executor.h"
#include "sim/fission/FissionNames.h"
#include "sim/fission/FissionObjects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace fd::sim::fission {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kFunctionPathPrefix = u"/fission-function/"_s;

HttpHeaders httpErrorHeaders()
{
    return {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; charset=utf-8")},
            {QByteArrayLiteral("x-content-type-options"), QByteArrayLiteral("nosniff")}};
}

QString imageTag(const QString &image)
{
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = image.indexOf(QLatin1Char(':'), slash + 1);
    return colon < 0 ? QString() : image.mid(colon + 1);
}

QStringList triggerMethods(const QJsonObject &spec)
{
    QStringList methods;
    for (const QJsonValue &method : spec.value("methods"_L1).toArray())
        methods.append(method.toString());
    if (methods.isEmpty()) {
        const QString method = ctrl::text(spec, "method"_L1);
        methods.append(method.isEmpty() ? u"GET"_s : method);
    }
    return methods;
}

} // namespace

Router::Router(FissionObjects *objects, ControlPlaneView *view, Executor *executor, LogStore *logs,
               const FissionTiming &timing, QObject *parent)
    : QObject(parent), m_objects(objects), m_view(view), m_executor(executor), m_logWriter(logs), m_timing(timing)
{
}

void Router::log(const QString &level, const QString &message, const LogFields &fields) const
{
    m_logWriter.zap(m_view->instance(Component::Router), level, u"triggerset.http_trigger_set"_s, message, fields,
                    m_objects->now());
}

std::optional<QJsonObject> Router::watchedFunction(const QString &namespaceName, const QString &name) const
{
    if (name.isEmpty() || !m_view->watches(Component::Router, namespaceName))
        return std::nullopt;
    const ObjectRef function = m_objects->get(kFunctions, namespaceName, name);
    if (!function || ctrl::isDeleting(function->object))
        return std::nullopt;
    return function->object;
}

std::optional<QJsonObject> Router::triggerTarget(const QJsonObject &trigger) const
{
    const QJsonObject ref = ctrl::child(ctrl::specOf(trigger), "functionref"_L1);
    QString name = ctrl::text(ref, "name"_L1);
    if (ctrl::text(ref, "type"_L1) == "function-weights"_L1) {
        // The weighted split goes to the heaviest function (a canary's stable side).
        const QJsonObject weights = ctrl::child(ref, "functionweights"_L1);
        int best = -1;
        for (auto it = weights.begin(); it != weights.end(); ++it) {
            if (it.value().toInt() > best) {
                best = it.value().toInt();
                name = it.key();
            }
        }
    }
    return watchedFunction(namespaceOf(trigger), name);
}

Router::Match Router::resolve(const QString &method, const QString &path, Route *route) const
{
    bool methodMismatch = false;
    // Triggers first, in the order their informer lists them; the first full match wins.
    QList<QJsonObject> triggers;
    for (const QString &ns : m_view->watchedNamespaces(Component::Router)) {
        for (const ObjectRef &trigger : m_objects->list(kHttpTriggers, ns))
            triggers.append(trigger->object);
    }
    std::stable_sort(triggers.begin(), triggers.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return metadataOf(a).value("creationTimestamp"_L1).toString() < metadataOf(b).value("creationTimestamp"_L1).toString();
    });
    for (const QJsonObject &trigger : std::as_const(triggers)) {
        const QJsonObject spec = ctrl::specOf(trigger);
        const QString prefix = ctrl::text(spec, "prefix"_L1);
        bool pathMatches = false;
        if (!prefix.isEmpty()) {
            pathMatches = prefix.endsWith(QLatin1Char('/'))
                ? path.startsWith(prefix)
                : (path == prefix || path.startsWith(prefix + QLatin1Char('/')));
        } else {
            pathMatches = !ctrl::text(spec, "relativeurl"_L1).isEmpty() && path == ctrl::text(spec, "relativeurl"_L1);
        }
        if (!pathMatches)
            continue;
        const std::optional<QJsonObject> function = triggerTarget(trigger);
        if (!function)
            continue; // the router registers no route for a trigger whose function it cannot resolve
        if (!triggerMethods(spec).contains(method)) {
            methodMismatch = true;
            continue;
        }
        route->function = *function;
        route->trigger = nameOf(trigger);
        return Match::Found;
    }
    if (path.startsWith(kFunctionPathPrefix)) {
        const QStringList parts = path.mid(kFunctionPathPrefix.size()).split(QLatin1Char('/'));
        if (const auto function = watchedFunction(u"default"_s, parts.value(0))) {
            route->function = *function;
            route->matched = kFunctionPathPrefix + parts.value(0);
            return Match::Found;
        }
        if (parts.size() >= 2 && parts.value(0) != "default"_L1) {
            if (const auto function = watchedFunction(parts.value(0), parts.value(1))) {
                route->function = *function;
                route->matched = kFunctionPathPrefix + parts.value(0) + QLatin1Char('/') + parts.value(1);
                return Match::Found;
            }
        }
    }
    return methodMismatch ? Match::MethodNotAllowed : Match::NotFound;
}

bool Router::serve(const QString &namespaceName, const QString &service, const QString &port,
                   const HttpRequest &request, const QString &path, HttpResponder *responder)
{
    const ComponentInstance router = m_view->instance(Component::Router);
    if (!router.isActive() || service != "router"_L1 || namespaceName != router.namespaceName)
        return false;
    if (!port.isEmpty() && port != "80"_L1)
        return false;
    const QString method = QString::fromLatin1(request.method);
    if (method == "GET"_L1 && (path == "/"_L1 || path == "/router-healthz"_L1)) {
        responder->respond(200, {}, {});
        return true;
    }
    if (method == "GET"_L1 && path == "/_version"_L1) {
        const QJsonObject version{{u"GitCommit"_s, QString()}, {u"BuildDate"_s, QString()},
                                  {u"Version"_s, imageTag(router.image)}};
        responder->respond(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json; charset=utf-8")}},
                           QJsonDocument(version).toJson(QJsonDocument::Compact));
        return true;
    }
    Route route;
    switch (resolve(method, path, &route)) {
    case Match::NotFound:
        responder->respond(404, httpErrorHeaders(), QByteArrayLiteral("404 page not found\n"));
        return true;
    case Match::MethodNotAllowed:
        responder->respond(405, {}, {});
        return true;
    case Match::Found:
        break;
    }
    invoke(route, request, path, responder);
    return true;
}

void Router::invoke(const Route &route, const HttpRequest &request, const QString &path, HttpResponder *responder)
{
    const QString method = QString::fromLatin1(request.method);
    // What the function sees: the trigger path, or the rest after /fission-function/…/<name>.
    QString functionPath = route.matched.isEmpty() ? path : path.mid(route.matched.size());
    if (functionPath.isEmpty())
        functionPath = u"/"_s;
    QPointer<HttpResponder> guard(responder);
    const Route target = route;
    m_executor->getServiceForFunction(
        route.function, responder, [this, guard, target, method, functionPath](const Expected<FunctionService, QString> &result) {
            if (!guard || !guard->isOpen())
                return;
            if (!result) {
                log(u"error"_s, u"error from GetServiceForFunction"_s,
                    {{u"error"_s, u"Internal error - "_s + result.error()},
                     {u"function"_s, nameOf(target.function)},
                     {u"namespace"_s, namespaceOf(target.function)},
                     {u"status_code"_s, 500}});
                guard->respond(500, httpErrorHeaders(), QByteArrayLiteral("error sending request to function"));
                return;
            }
            const FunctionService service = *result;
            QTimer::singleShot(m_timing.functionResponseMs, this, [this, guard, service, target, method, functionPath] {
                if (guard && guard->isOpen())
                    answerFromFunction(service, target, method, functionPath, guard);
            });
        });
}

void Router::answerFromFunction(const FunctionService &service, const Route &route, const QString &method,
                                const QString &path, HttpResponder *responder)
{
    // The function is whatever the user wrote; the simulation answers what its annotations
    // say, else the classic hello-world.
    const ObjectRef current = m_objects->get(kFunctions, service.functionNamespace, service.functionName);
    const QJsonObject annotations = ctrl::annotationsOf(current ? current->object : route.function);
    QByteArray body = "Hello, world!\n";
    if (annotations.contains(kSimResponseAnnotation))
        body = annotations.value(kSimResponseAnnotation).toString().toUtf8();
    int status = annotations.value(kSimStatusAnnotation).toString().toInt();
    if (status < 100 || status > 599)
        status = 200;
    log(u"info"_s, u"request"_s,
        {{u"method"_s, method}, {u"path"_s, path}, {u"function"_s, service.functionName},
         {u"namespace"_s, service.functionNamespace}, {u"trigger"_s, route.trigger}, {u"status"_s, status},
         {u"address"_s, service.address}});
    m_executor->recordRequest(service, method, path, status, body.size());
    responder->respond(status, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
                       body);
}

} // namespace fd::sim::fission

#include "moc_Router.cpp"
