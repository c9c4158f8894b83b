#include "sim/controllers/ControllerRevisions.h"

#include "sim/api/ObjectService.h"
#include "sim/controllers/ObjectHelpers.h"

#include <algorithm>

namespace fd::sim {

using namespace Qt::Literals::StringLiterals;

namespace {
}

ControllerRevisions::ControllerRevisions(ControllerContext *context, ResourceType ownerType)
    : m_ctx(context), m_ownerType(std::move(ownerType))
{
}

QJsonObject ControllerRevisions::revisionData(const QJsonObject &owner)
{
    // The strategic-merge patch upstream stores: the template, replaced wholesale.
    QJsonObject podTemplate = ctrl::child(ctrl::specOf(owner), "template"_L1);
    podTemplate.insert(u"$patch"_s, u"replace"_s);
    return QJsonObject{{u"spec"_s, QJsonObject{{u"template"_s, podTemplate}}}};
}

QList<QJsonObject> ControllerRevisions::owned(const QJsonObject &owner) const
{
    QList<QJsonObject> result;
    const QString uid = uidOf(owner);
    for (const ObjectRef &revision :
         m_ctx->store()->list(m_ctx->types.controllerRevisions.storageKey(), namespaceOf(owner))) {
        if (ctrl::isControlledBy(revision->object, uid))
            result.append(revision->object);
    }
    std::sort(result.begin(), result.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("revision"_L1).toInteger() < b.value("revision"_L1).toInteger();
    });
    return result;
}

Expected<ControllerRevisions::Revision, ApiError> ControllerRevisions::ensureCurrent(const QJsonObject &owner)
{
    const QJsonObject data = revisionData(owner);
    const int collisionCount = ctrl::statusOf(owner).value("collisionCount"_L1).toInt(0);
    const QString hash = ctrl::templateHash(data, collisionCount);
    const QString name = nameOf(owner) + QLatin1Char('-') + hash;
    const QList<QJsonObject> revisions = owned(owner);
    const qint64 maxRevision = revisions.isEmpty() ? 0 : revisions.last().value("revision"_L1).toInteger();
    for (const QJsonObject &existing : revisions) {
        if (nameOf(existing) != name)
            continue;
        const qint64 number = existing.value("revision"_L1).toInteger();
        if (number == maxRevision)
            return Revision{name, hash, number};
        // Rolling back to an earlier template makes it the newest revision again.
        const auto renumbered = m_ctx->objects->mutate(
            m_ctx->types.controllerRevisions, namespaceOf(owner), name,
            [maxRevision](QJsonObject &object) {
                object.insert(u"revision"_s, maxRevision + 1);
                return true;
            },
            {}, ctrl::kControllerManager);
        if (!renumbered)
            return Unexpected(renumbered.error());
        return Revision{name, hash, maxRevision + 1};
    }
    QJsonObject labels = ctrl::child(ctrl::child(ctrl::child(ctrl::specOf(owner), "template"_L1), "metadata"_L1), "labels"_L1);
    labels.insert(ctrl::kControllerRevisionLabel, hash);
    const QJsonObject revision{
        {u"apiVersion"_s, m_ctx->types.controllerRevisions.groupVersion()},
        {u"kind"_s, u"ControllerRevision"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                    {u"labels"_s, labels},
                                    {u"ownerReferences"_s, QJsonArray{ctrl::controllerReference(owner, m_ownerType)}}}},
        {u"data"_s, data},
        {u"revision"_s, maxRevision + 1}};
    WriteOptions options;
    options.fieldManager = ctrl::kControllerManager;
    const auto created = m_ctx->objects->create(m_ctx->types.controllerRevisions, namespaceOf(owner), revision, options);
    if (!created)
        return Unexpected(created.error());
    return Revision{name, hash, maxRevision + 1};
}

void ControllerRevisions::truncate(const QJsonObject &owner, const QSet<QString> &inUse, const QString &current)
{
    const int limit = ctrl::specOf(owner).value("revisionHistoryLimit"_L1).toInt(10);
    QList<QJsonObject> removable;
    for (const QJsonObject &revision : owned(owner)) {
        if (nameOf(revision) != current && !inUse.contains(nameOf(revision)))
            removable.append(revision);
    }
    for (qsizetype i = 0; i < removable.size() - limit; ++i) {
        DeleteOptions options;
        options.preconditionUid = uidOf(removable.at(i));
        m_ctx->objects->remove(m_ctx->types.controllerRevisions, namespaceOf(owner), nameOf(removable.at(i)), options);
    }
}

} // namespace fd::sim
