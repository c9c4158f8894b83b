#include "InformerEmulator.h"

#include "kube/transport/ConnectionSettings.h"
#include "kube/transport/KubeSession.h"
#include "sim/api/ObjectService.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/cluster/SimCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace fd::test {

InformerEmulator::InformerEmulator() : m_sim(std::make_unique<SimTestCluster>()) {}

InformerEmulator::~InformerEmulator() = default;

bool InformerEmulator::start(QString *error)
{
    return m_sim->start(error);
}

QString InformerEmulator::url() const
{
    return m_sim->url();
}

void InformerEmulator::onSim(const std::function<void(fd::sim::SimCluster &)> &work)
{
    m_sim->host().run(work);
}

int InformerEmulator::faults(const QJsonObject &plan)
{
    return m_sim->post(u"/_sim/faults"_s, plan).status;
}

quint64 InformerEmulator::resourceVersion()
{
    return m_sim->get(u"/_sim/faults"_s).json().value("resourceVersion"_L1).toString().toULongLong();
}

void InformerEmulator::createNamespace(const QString &name)
{
    onSim([name](fd::sim::SimCluster &cluster) {
        auto done = cluster.apply(QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                              {u"kind"_s, u"Namespace"_s},
                                              {u"metadata"_s, QJsonObject{{u"name"_s, name}}}});
        if (!done)
            qWarning("namespace %s: %s", qPrintable(name), qPrintable(done.error()));
    });
    // The namespace controller adds ConfigMap kube-root-ca.crt shortly after: wait for it, so that
    // tests comparing ConfigMaps do not race with it.
    const bool published = QTest::qWaitFor([&] {
        bool exists = false;
        onSim([&](fd::sim::SimCluster &cluster) {
            const auto type = cluster.catalog()->find(QString(), u"v1"_s, u"configmaps"_s);
            exists = type && cluster.objects()->get(*type, name, u"kube-root-ca.crt"_s);
        });
        return exists;
    }, 20'000);
    if (!published)
        qWarning("namespace %s: no kube-root-ca.crt after 20 s", qPrintable(name));
}

void InformerEmulator::createConfigMap(const QString &ns, const QString &name, const QString &value)
{
    onSim([ns, name, value](fd::sim::SimCluster &cluster) {
        auto done = cluster.apply(QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                              {u"kind"_s, u"ConfigMap"_s},
                                              {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}}},
                                              {u"data"_s, QJsonObject{{u"value"_s, value}}}});
        if (!done)
            qWarning("configmap %s/%s: %s", qPrintable(ns), qPrintable(name), qPrintable(done.error()));
    });
}

void InformerEmulator::createConfigMaps(const QString &ns, int count, int valueBytes)
{
    onSim([ns, count, valueBytes](fd::sim::SimCluster &cluster) {
        for (int i = 0; i < count; ++i) {
            cluster.apply(QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                      {u"kind"_s, u"ConfigMap"_s},
                                      {u"metadata"_s, QJsonObject{{u"name"_s, u"cm-%1"_s.arg(i, 5, 10, QLatin1Char('0'))},
                                                                 {u"namespace"_s, ns}}},
                                      {u"data"_s, QJsonObject{{u"value"_s, QString(valueBytes, QLatin1Char('x'))}}}});
        }
    });
}

fd::kube::ResolvedUser InformerEmulator::anonymousUser() const
{
    fd::kube::ResolvedUser user;
    user.name = u"cleartext-admin"_s;
    return user;
}

fd::kube::ResolvedUser InformerEmulator::tokenUser(const QString &name) const
{
    fd::kube::ResolvedUser user;
    user.name = name;
    user.token = m_sim->token(name);
    return user;
}

std::unique_ptr<fd::kube::KubeSession> InformerEmulator::session(const fd::kube::ResolvedUser &user) const
{
    fd::kube::ConnectionSettings settings;
    settings.setServer(QUrl(url()));
    return std::make_unique<fd::kube::KubeSession>(u"informer-test"_s, settings, user);
}

KeyVersions InformerEmulator::serverState(const fd::kube::ResourceKind &kind, const QString &ns)
{
    KeyVersions state;
    const HttpResult result = m_sim->get(kind.collectionPath(ns));
    if (result.status != 200) {
        qWarning("list %s: %d %s", qPrintable(kind.collectionPath(ns)), result.status, result.body.left(300).constData());
        return state;
    }
    const QJsonArray items = result.json().value("items"_L1).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject metadata = item.toObject().value("metadata"_L1).toObject();
        const QString itemNs = metadata.value("namespace"_L1).toString();
        const QString name = metadata.value("name"_L1).toString();
        state.insert(itemNs.isEmpty() ? name : itemNs + u'/' + name, metadata.value("resourceVersion"_L1).toString());
    }
    return state;
}

KeyVersions keyVersions(const QList<fd::kube::KubeObject> &objects)
{
    KeyVersions state;
    for (const fd::kube::KubeObject &object : objects)
        state.insert(object.key(), object.resourceVersion());
    return state;
}

KeyVersions keyVersions(const fd::kube::ObjectStore &store)
{
    return keyVersions(store.items());
}

} // namespace fd::test
