#include "TransportTestUtil.h"

#include "kube/transport/KubeSession.h"
#include "kube/transport/RestClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace fd::test {

using namespace Qt::StringLiterals;
using namespace fd::kube;

std::unique_ptr<SimTestCluster> startSim(bool tls, fd::sim::SimClusterOptions options)
{
    options.tls = tls;
    auto sim = std::make_unique<SimTestCluster>(options);
    QString error;
    if (!sim->start(&error)) {
        qWarning("emulator did not start: %s", qPrintable(error));
        return nullptr;
    }
    return sim;
}

ResolvedCluster simCluster(SimTestCluster &sim)
{
    ResolvedCluster cluster;
    cluster.name = u"sim"_s;
    cluster.server = sim.host().url();
    cluster.caPem = sim.host().caCertificatePem();
    return cluster;
}

ResolvedUser tokenUser(SimTestCluster &sim, const QString &user)
{
    ResolvedUser resolved;
    resolved.name = user;
    for (const auto &entry : sim.host().users()) {
        if (entry.name == user)
            resolved.token = entry.token;
    }
    return resolved;
}

ResolvedUser certificateUser(SimTestCluster &sim)
{
    ResolvedUser resolved;
    resolved.name = u"admin"_s;
    for (const auto &entry : sim.host().users()) {
        if (entry.name == u"admin"_s) {
            resolved.clientCertPem = entry.clientCertificatePem;
            resolved.clientKeyPem = entry.clientKeyPem;
        }
    }
    return resolved;
}

std::unique_ptr<KubeSession> makeSession(SimTestCluster &sim, const ResolvedUser &user)
{
    const ResolvedCluster cluster = simCluster(sim);
    auto settings = ConnectionSettings::fromKubeconfig(cluster, user, ProxyEnvironment{});
    if (!settings) {
        qWarning("settings: %s", qPrintable(settings.error().message));
        return nullptr;
    }
    return std::make_unique<KubeSession>(u"sim"_s, *settings, user, cluster);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

KubeResult call(RestClient *client, const KubeRequest &request, int timeoutMs)
{
    const std::unique_ptr<KubeReply> reply(client->send(request));
    if (!waitUntil([&reply] { return reply->isFinished(); }, timeoutMs)) {
        KubeError error;
        error.kind = ErrorKind::Timeout;
        error.message = u"test: no answer in time"_s;
        return Unexpected(error);
    }
    return reply->result(); // copied before the reply goes
}

KubeResult get(RestClient *client, const QString &path)
{
    return call(client, KubeRequest::get(path));
}

KubeResult postJson(RestClient *client, const QString &path, const QJsonObject &object)
{
    return call(client, KubeRequest::withBody("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void onSim(SimTestCluster &sim, const std::function<void(fd::sim::SimCluster &)> &work)
{
    sim.host().run(work);
}

QJsonObject configMap(const QString &name, const QJsonObject &data)
{
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"ConfigMap"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
            {u"data"_s, data}};
}

QJsonObject widgetCrd()
{
    const QJsonObject specSchema{{u"type"_s, u"object"_s},
                                 {u"properties"_s, QJsonObject{{u"size"_s, QJsonObject{{u"type"_s, u"integer"_s}}}}}};
    const QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"spec"_s, specSchema}}}};
    const QJsonObject version{{u"name"_s, u"v1"_s},
                              {u"served"_s, true},
                              {u"storage"_s, true},
                              {u"schema"_s, QJsonObject{{u"openAPIV3Schema"_s, schema}}},
                              {u"subresources"_s, QJsonObject{{u"status"_s, QJsonObject{}}}}};
    const QJsonObject names{{u"plural"_s, u"widgets"_s}, {u"singular"_s, u"widget"_s}, {u"kind"_s, u"Widget"_s}};
    return {{u"apiVersion"_s, u"apiextensions.k8s.io/v1"_s},
            {u"kind"_s, u"CustomResourceDefinition"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"widgets.example.fission-desk.io"_s}}},
            {u"spec"_s, QJsonObject{{u"group"_s, u"example.fission-desk.io"_s},
                                   {u"scope"_s, u"Namespaced"_s},
                                   {u"names"_s, names},
                                   {u"versions"_s, QJsonArray{version}}}}};
}

bool installWidgetCrd(RestClient *client)
{
    const KubeResult created = postJson(client, u"/apis/apiextensions.k8s.io/v1/customresourcedefinitions"_s, widgetCrd());
    if (!created && created.error().kind != ErrorKind::AlreadyExists)
        return false;
    return waitUntil([client] { return get(client, u"/apis/example.fission-desk.io/v1"_s).hasValue(); });
}

QString errorText(const KubeResult &result)
{
    return result.hasValue() ? u"(no error)"_s : result.error().message;
}

} // namespace fd::test
