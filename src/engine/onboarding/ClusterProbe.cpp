#include "engine/onboarding/ClusterProbe.h"

#include "engine/onboarding/KubeCalls.h"
#include "fission/ClusterState.h"
#include "fission/HelmStorageReader.h"
#include "fission/Kinds.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::fission::KindInfo;

namespace fd::engine::onboarding {

struct ClusterProbe::State {
    fd::fission::MemoryClusterState cluster;
    QList<KindInfo> kinds;
};

ClusterProbe::ClusterProbe(fd::kube::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_state(std::make_unique<State>())
{
    m_state->kinds = fd::fission::InstallDetector::inputs();
    for (const KindInfo &extra : {fd::fission::kinds::namespaces(), fd::fission::kinds::functions()}) {
        if (!std::any_of(m_state->kinds.cbegin(), m_state->kinds.cend(), [&](const KindInfo &k) { return k.gr == extra.gr; }))
            m_state->kinds.append(extra);
    }
}

ClusterProbe::~ClusterProbe() = default;

void ClusterProbe::start()
{
    m_next = 0;
    m_result.reset();
    listNext();
}

void ClusterProbe::listNext()
{
    if (m_next >= m_state->kinds.size()) {
        complete();
        return;
    }
    const KindInfo kind = m_state->kinds.at(m_next++);
    listObjects(m_rest, this, resourcePath(kind.gr.group, kind.version, kind.gr.resource), {},
                [this, kind](const ObjectsResult &result) {
                    if (result) {
                        m_state->cluster.setObjects(kind.gr, *result);
                    } else if (result.error().kind == fd::kube::ErrorKind::NotFound) {
                        m_state->cluster.setNotServed(kind.gr); // the cluster does not serve the kind
                    } else if (result.error().kind == fd::kube::ErrorKind::Forbidden) {
                        m_state->cluster.setForbidden(kind.gr, result.error().message);
                    } else {
                        m_result = fd::Unexpected(result.error());
                        Q_EMIT finished();
                        return;
                    }
                    listNext();
                });
}

void ClusterProbe::complete()
{
    ClusterFacts facts;
    fd::fission::StoredHelmReleaseReader reader;
    facts.report = fd::fission::InstallDetector::detect(m_state->cluster, &reader);
    for (const auto &ns : m_state->cluster.list(fd::fission::kinds::namespaces())) {
        facts.namespaces.append(ns.name());
        if (const auto enabled = ns.label(u"fission.io/enabled"))
            facts.enabledLabels.insert(ns.name(), *enabled);
    }
    std::sort(facts.namespaces.begin(), facts.namespaces.end());
    facts.tenants = m_state->cluster.list(fd::fission::kinds::fissionTenants());
    for (const auto &function : m_state->cluster.list(fd::fission::kinds::functions()))
        facts.functionsPerNamespace[function.namespaceName()] += 1;
    if (const fd::fission::FissionInstall *install = facts.install()) {
        const QString ns = install->releaseNamespace;
        QList<fd::kube::KubeObject> records = m_state->cluster.listInNamespace(fd::fission::kinds::secrets(), ns);
        records += m_state->cluster.listInNamespace(fd::fission::kinds::configMaps(), ns);
        facts.releases = std::make_shared<fd::helm::ReleaseHistory>(fd::helm::ReleaseHistory::fromObjects(records));
        const QString name = install->helm ? install->helm->name : install->releaseName;
        facts.release = facts.releases->find(ns, name);
    }
    m_result = std::move(facts);
    Q_EMIT finished();
}

} // namespace fd::engine::onboarding

#include "moc_ClusterProbe.cpp"
