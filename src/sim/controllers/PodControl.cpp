#include "sim/controllers/PodControl.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

PodControl::PodControl(ControllerContext *context, EventSource source) : m_ctx(context), m_source(std::move(source))
{
}

Expected<ObjectRef, ApiError> PodControl::create(const QJsonObject &owner, const QJsonObject &pod, bool recordEvents)
{
    WriteOptions options;
    options.fieldManager = m_source.manager;
    auto created = m_ctx->objects->create(m_ctx->types.pods, namespaceOf(owner), pod, options);
    if (!created) {
        if (recordEvents)
            m_ctx->events->warning(owner, u"FailedCreate"_s, u"Error creating: "_s + created.error().message, m_source);
        return Unexpected(created.error());
    }
    if (recordEvents)
        m_ctx->events->normal(owner, u"SuccessfulCreate"_s, u"Created pod: "_s + nameOf(created->object->object),
                              m_source);
    return created->object;
}

Expected<bool, ApiError> PodControl::remove(const QJsonObject &owner, const QJsonObject &pod, bool recordEvents)
{
    DeleteOptions options;
    options.preconditionUid = uidOf(pod);
    const auto removed = m_ctx->objects->remove(m_ctx->types.pods, namespaceOf(pod), nameOf(pod), options);
    if (!removed) {
        if (removed.error().code == 404)
            return false;
        if (recordEvents)
            m_ctx->events->warning(owner, u"FailedDelete"_s, u"Error deleting: "_s + removed.error().message, m_source);
        return Unexpected(removed.error());
    }
    if (recordEvents)
        m_ctx->events->normal(owner, u"SuccessfulDelete"_s, u"Deleted pod: "_s + nameOf(pod), m_source);
    return true;
}

QList<ObjectRef> PodControl::ownedPods(const QJsonObject &owner) const
{
    QList<ObjectRef> result;
    const QString uid = uidOf(owner);
    const QList<ObjectRef> pods = m_ctx->store()->list(m_ctx->types.pods.storageKey(), namespaceOf(owner));
    for (const ObjectRef &pod : pods) {
        if (ctrl::isControlledBy(pod->object, uid))
            result.append(pod);
    }
    return result;
}

} // namespace fd::sim
