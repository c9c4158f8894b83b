#include "engine/onboarding/RevisionCompare.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/ManifestObjects.h"
#include "engine/onboarding/OnboardingTr.h"
#include "helm/Values.h"
#include "helm/ValuesDocument.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

bool isWorkload(const QString &kind)
{
    return kind == u"Deployment"_s || kind == u"DaemonSet"_s || kind == u"StatefulSet"_s;
}

// "Kind/name" -> the pod template, for the workloads of a manifest.
fd::Expected<QHash<QString, QJsonObject>, QString> workloads(const fd::helm::Release &release)
{
    const auto objects = parseManifest(release.manifest.toUtf8(), release.namespaceName);
    if (!objects)
        return fd::Unexpected(objects.error());
    QHash<QString, QJsonObject> out;
    for (const ManifestObject &object : *objects) {
        if (isWorkload(object.kind()))
            out.insert(object.kind() + u'/' + object.name(), object.object.value(u"spec"_s).toObject().value(u"template"_s).toObject());
    }
    return out;
}

} // namespace

QStringList servedNamespaces(const fd::helm::Release &release)
{
    const QJsonObject effective = fd::helm::coalesceValues(release.chart.values, release.config);
    QStringList names;
    for (const QJsonValue &value : effective.value(u"additionalFissionNamespaces"_s).toArray())
        names.append(value.toString());
    return names;
}

QString revisionValuesText(const fd::helm::Release &release)
{
    return fd::helm::ValuesDocument::fromValues(release.config).text();
}

RevisionChange compareRevisions(const fd::helm::Release &from, const fd::helm::Release &to)
{
    RevisionChange change;
    change.namespacesBefore = servedNamespaces(from);
    change.namespacesAfter = servedNamespaces(to);
    const auto before = workloads(from);
    const auto after = workloads(to);
    if (!before || !after) {
        change.manifestError = before ? after.error() : before.error();
        return change;
    }
    for (auto it = after->begin(); it != after->end(); ++it) {
        const auto old = before->constFind(it.key());
        if (old == before->constEnd())
            change.created.append(it.key());
        else if (old.value() != it.value())
            change.rolling.append(it.key());
    }
    for (auto it = before->begin(); it != before->end(); ++it) {
        if (!after->contains(it.key()))
            change.removed.append(it.key());
    }
    change.rolling.sort();
    change.created.sort();
    change.removed.sort();
    return change;
}

void readReleaseRevisions(fd::kube::RestClient *rest, QObject *context, const QString &namespaceName, const QString &release,
                          std::function<void(const fd::Expected<fd::helm::ReleaseRevisions, QString> &)> done)
{
    QUrlQuery query;
    query.addQueryItem(u"labelSelector"_s, u"owner=helm,name="_s + release);
    listObjects(rest, context, resourcePath({}, u"v1"_s, u"secrets"_s, namespaceName), query,
                [namespaceName, release, done = std::move(done)](const ObjectsResult &secrets) {
                    if (!secrets) {
                        done(fd::Unexpected(secrets.error().message));
                        return;
                    }
                    const fd::helm::ReleaseHistory history = fd::helm::ReleaseHistory::fromObjects(*secrets);
                    const fd::helm::ReleaseRevisions *revisions = history.find(namespaceName, release);
                    if (!revisions) {
                        done(fd::Unexpected(OnboardingText::tr("release %1 has no stored revisions in namespace %2").arg(release, namespaceName)));
                        return;
                    }
                    done(*revisions);
                });
}

} // namespace fd::engine::onboarding
