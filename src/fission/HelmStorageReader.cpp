#include "fission/HelmStorageReader.h"

#include "fission/ClusterState.h"
#include "fission/Tr.h"
#include "helm/ReleaseHistory.h"
#include "helm/Values.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::detail::translate;
using fd::kube::KubeObject;

namespace fd::fission {

namespace {

HelmRevision revisionOf(const fd::helm::Release &r)
{
    HelmRevision rev;
    rev.revision = r.version;
    rev.status = r.info.statusText.isEmpty() ? fd::helm::releaseStatusName(r.info.status) : r.info.statusText;
    rev.chart = r.chart.metadata.name.isEmpty() ? QString() : r.chart.metadata.name + u'-' + r.chart.metadata.version;
    rev.appVersion = r.chart.metadata.appVersion;
    rev.updated = r.info.lastDeployed.value_or(QDateTime());
    rev.description = r.info.description;
    return rev;
}

} // namespace

std::optional<HelmReleaseInfo> StoredHelmReleaseReader::read(const ClusterState &state, const QString &namespaceName,
                                                             const QString &releaseName)
{
    QList<KubeObject> objects;
    QStringList parts;
    for (const KindInfo *k : {&kinds::secrets(), &kinds::configMaps()}) {
        for (const KubeObject &o : state.listInNamespace(*k, namespaceName)) {
            const auto owner = o.label(u"owner");
            const auto name = o.label(u"name");
            if (!owner || *owner != u"helm" || !name || *name != releaseName)
                continue;
            objects.append(o);
            parts.append(o.kind() + u'/' + o.name() + u'@' + o.resourceVersion());
        }
    }
    std::sort(parts.begin(), parts.end());
    const QString fingerprint = parts.join(u',');
    const QString key = namespaceName + u'/' + releaseName;
    const auto cached = m_cache.constFind(key);
    if (cached != m_cache.cend() && cached->fingerprint == fingerprint)
        return cached->info;

    std::optional<HelmReleaseInfo> info;
    if (!objects.isEmpty()) {
        ++m_decodes;
        const fd::helm::ReleaseHistory history = fd::helm::ReleaseHistory::fromObjects(objects);
        const fd::helm::ReleaseRevisions *revisions = history.find(namespaceName, releaseName);
        HelmReleaseInfo r;
        r.name = releaseName;
        r.namespaceName = namespaceName;
        if (!revisions || revisions->revisions.isEmpty()) {
            r.decodeError = history.failures().isEmpty()
                ? translate("fd::fission", "no revision of release %1 could be read").arg(releaseName)
                : history.failures().first().error.message;
            info = r;
        } else {
            for (const fd::helm::Release &rel : revisions->revisions)
                r.history.append(revisionOf(rel));
            const fd::helm::Release *latest = revisions->latest();
            const fd::helm::Release *deployed = revisions->deployed();
            r.latestRevision = latest->version;
            r.latestStatus = revisionOf(*latest).status;
            const fd::helm::Release *shown = deployed ? deployed : latest;
            r.chartName = shown->chart.metadata.name;
            r.chartVersion = shown->chart.metadata.version;
            r.appVersion = shown->chart.metadata.appVersion;
            if (deployed) {
                r.deployedRevision = deployed->version;
                r.deployedUserValues = deployed->config;
                r.deployedComputedValues = fd::helm::coalesceValues(deployed->chart.values, deployed->config);
                r.deployedFacts = helmValuesFacts(r.deployedComputedValues);
            }
            if (latest != deployed)
                r.latestFacts = helmValuesFacts(fd::helm::coalesceValues(latest->chart.values, latest->config));
            info = r;
        }
    }
    m_cache.insert(key, Cached{fingerprint, info});
    return info;
}

} // namespace fd::fission
