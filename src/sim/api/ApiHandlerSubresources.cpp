// The ApiHandler's subresources that are not plain object writes: pods/log and the
// service proxy.
#include "sim/api/ApiHandler.h"

#include "sim/api/LogStore.h"
#include "sim/api/PodLogHandler.h"

namespace fd::sim {

void ApiHandler::serveLog(const RequestInfo &info, const HttpRequest &request, HttpResponder *responder)
{
    const auto podType = m_objects->catalog()->find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    const ObjectRef pod = m_objects->get(*podType, info.namespaceName, info.name);
    if (!pod) {
        sendError(responder, ApiError::notFound({}, QStringLiteral("pods"), info.name));
        return;
    }
    auto options = PodLogOptions::fromQuery(request, m_objects->now());
    if (!options) {
        sendError(responder, options.error());
        return;
    }
    auto container = resolveLogContainer(pod->object, options->container);
    if (!container) {
        sendError(responder, container.error());
        return;
    }
    options->container = *container;
    const QString podUid = uidOf(pod->object);
    const ContainerLog *log = m_logs ? m_logs->log(podUid, *container) : nullptr;
    if (!log || !log->started) {
        sendError(responder, ApiError::badRequest(
            QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating").arg(*container, info.name)));
        return;
    }
    if (options->previous && log->restarts == 0) {
        sendError(responder, ApiError::badRequest(
            QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found").arg(*container, info.name)));
        return;
    }
    auto *stream = new PodLogStream(m_logs, podUid, *options, responder, this);
    m_logStreams.insert(stream);
    connect(stream, &QObject::destroyed, this, [this, stream] { m_logStreams.remove(stream); });
    stream->start();
}

void ApiHandler::serveProxy(const RequestInfo &info, const HttpRequest &request, HttpResponder *responder)
{
    const QString service = info.name.section(QLatin1Char(':'), 0, 0);
    const QString port = info.name.section(QLatin1Char(':'), 1);
    const auto serviceType = m_objects->catalog()->find(QString(), QStringLiteral("v1"), QStringLiteral("services"));
    if (!m_objects->get(*serviceType, info.namespaceName, service)) {
        sendError(responder, ApiError::notFound({}, QStringLiteral("services"), service));
        return;
    }
    for (ServiceProxyTarget *target : std::as_const(m_proxyTargets)) {
        if (target->serve(info.namespaceName, service, port, request, info.proxyRemainder, responder))
            return;
    }
    ApiError error{503, QStringLiteral("ServiceUnavailable"),
                   QStringLiteral("no endpoints available for service \"%1\"").arg(info.name), {}, {}, {}, {}, 0};
    sendError(responder, error);
}

} // namespace fd::sim
