#include "sim/cluster/SimCluster.h"

#include "sim/api/ApiHandler.h"
#include "sim/api/LogStore.h"
#include "sim/api/ObjectService.h"
#include "sim/api/ObjectStore.h"
#include "sim/api/ResourceCatalog.h"
#include "sim/auth/Authenticator.h"
#include "sim/auth/BootstrapRbac.h"
#include "sim/auth/RbacAuthorizer.h"
#include "sim/cluster/CrdController.h"
#include "sim/cluster/StoreRbacSource.h"
#include "sim/controllers/ControllerManager.h"
#include "sim/fission/FissionSimulator.h"
#include "sim/http/HttpServer.h"
#include "sim/tls/CertificateAuthority.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace fd::sim {

namespace {

QString randomToken()
{
    // Bearer tokens look like kubeadm's: [a-z0-9]{6}.[a-z0-9]{16}.
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    auto pick = [] { return QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]); };
    QString token;
    for (int i = 0; i < 6; ++i)
        token += pick();
    token += QLatin1Char('.');
    for (int i = 0; i < 16; ++i)
        token += pick();
    return token;
}

WriteOptions adminWrite()
{
    WriteOptions options;
    options.fieldManager = QStringLiteral("fission-desk-sim");
    return options;
}

QJsonObject binding(const QString &kind, const QString &name, const QString &namespaceName, const QString &roleKind,
                    const QString &role, const QString &user)
{
    QJsonObject metadata{{QStringLiteral("name"), name}};
    if (!namespaceName.isEmpty())
        metadata.insert(QStringLiteral("namespace"), namespaceName);
    return {
        {QStringLiteral("apiVersion"), QStringLiteral("rbac.authorization.k8s.io/v1")},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("roleRef"), QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                               {QStringLiteral("kind"), roleKind},
                                               {QStringLiteral("name"), role}}},
        {QStringLiteral("subjects"), QJsonArray{QJsonObject{{QStringLiteral("apiGroup"), QStringLiteral("rbac.authorization.k8s.io")},
                                                            {QStringLiteral("kind"), QStringLiteral("User")},
                                                            {QStringLiteral("name"), user}}}},
    };
}

} // namespace

SimCluster::SimCluster(const SimClusterOptions &options, QObject *parent)
    : QObject(parent), m_options(options)
{
    m_store = std::make_unique<ObjectStore>();
    m_catalog = std::make_unique<ResourceCatalog>();
    m_objects = std::make_unique<ObjectService>(m_store.get(), m_catalog.get());
    m_logs = std::make_unique<LogStore>();
    m_authenticator = std::make_unique<Authenticator>();
    m_rbacSource = std::make_unique<StoreRbacSource>(m_store.get());
    m_authorizer = std::make_unique<RbacAuthorizer>(*m_rbacSource);
    m_api = std::make_unique<ApiHandler>(m_objects.get(), m_authenticator.get(), m_authorizer.get(), m_logs.get());
    m_api->setServerVersion(options.gitVersion);
    m_api->setCleartextIsAdmin(!options.tls);
    m_crds = std::make_unique<CrdController>(m_objects.get());
    m_controllers = std::make_unique<ControllerManager>(m_objects.get(), m_logs.get(), options.timing);
    m_fission = std::make_unique<FissionSimulator>(m_objects.get(), m_logs.get(), m_controllers.get(), m_api.get(),
                                                   options.fission);
    m_server = std::make_unique<HttpServer>(m_api.get());
    m_server->setHttp2MaxConcurrentStreams(options.http2MaxConcurrentStreams);
}

SimCluster::~SimCluster()
{
    // Streams first (they hold responders of the server's connections), then the server.
    m_api.reset();
    m_server.reset();
}

Expected<void, QString> SimCluster::start()
{
    if (m_options.tls) {
        auto ca = CertificateAuthority::generate(QStringLiteral("fission-desk-sim-ca-%1").arg(m_options.name));
        if (!ca)
            return Unexpected(QStringLiteral("cannot create the cluster CA: %1").arg(ca.error()));
        m_ca = std::make_unique<CertificateAuthority>(std::move(*ca));
        auto serving = m_ca->issueServerCertificate();
        if (!serving)
            return Unexpected(QStringLiteral("cannot issue the serving certificate: %1").arg(serving.error()));
        m_server->setTlsIdentity({serving->certificate(), serving->privateKey(), {m_ca->certificate()}});
    }
    if (!m_server->listen(m_options.address, m_options.port)) {
        return Unexpected(QStringLiteral("cannot listen on %1:%2: %3")
                              .arg(m_options.address.toString()).arg(m_options.port).arg(m_server->errorString()));
    }
    if (m_ca)
        m_controllers->setClusterCaPem(m_ca->certificatePem());
    m_controllers->setKubeletVersion(m_options.gitVersion);
    bootstrap();
    addUsers();
    m_controllers->start();
    m_fission->start();
    return {};
}

QUrl SimCluster::url() const
{
    return m_server->url();
}

QByteArray SimCluster::caCertificatePem() const
{
    return m_ca ? m_ca->certificatePem() : QByteArray();
}

ObjectStore *SimCluster::store() const { return m_store.get(); }
ResourceCatalog *SimCluster::catalog() const { return m_catalog.get(); }
ObjectService *SimCluster::objects() const { return m_objects.get(); }
ApiHandler *SimCluster::api() const { return m_api.get(); }
LogStore *SimCluster::logs() const { return m_logs.get(); }
Authenticator *SimCluster::authenticator() const { return m_authenticator.get(); }
ControllerManager *SimCluster::controllers() const { return m_controllers.get(); }
FissionSimulator *SimCluster::fission() const { return m_fission.get(); }

void SimCluster::bootstrap()
{
    for (const char *name : {"default", "kube-system", "kube-public", "kube-node-lease"}) {
        apply(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("Namespace")},
                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)}}}});
    }
    for (const QJsonObject &role : bootstrapClusterRoles())
        apply(role);
    for (const QJsonObject &roleBinding : bootstrapClusterRoleBindings())
        apply(roleBinding);
}

void SimCluster::addUsers()
{
    // The administrator: a client certificate in system:masters (TLS) and a token.
    SimUser admin{QStringLiteral("admin"), QStringLiteral("cluster administrator (system:masters)"), randomToken(), {}, {}};
    UserInfo adminInfo{QStringLiteral("admin"), {}, {QStringLiteral("system:masters")}, {}};
    m_authenticator->addToken(admin.token, adminInfo);
    if (m_ca) {
        if (auto certificate = m_ca->issueClientCertificate(QStringLiteral("admin"), {QStringLiteral("system:masters")})) {
            admin.clientCertificatePem = certificate->certificatePem;
            admin.clientKeyPem = certificate->privateKeyPem;
            admin.token.clear(); // the certificate is the credential; the token stays valid for tests
        }
    }
    m_users.append(admin);

    // A read-only user: the built-in `view` ClusterRole everywhere (no secrets).
    SimUser viewer{QStringLiteral("viewer"), QStringLiteral("read-only everywhere (ClusterRole view)"), randomToken(), {}, {}};
    m_authenticator->addToken(viewer.token, UserInfo{QStringLiteral("viewer"), {}, {}, {}});
    apply(binding(QStringLiteral("ClusterRoleBinding"), QStringLiteral("fission-desk-sim:viewer"), {},
                  QStringLiteral("ClusterRole"), QStringLiteral("view"), QStringLiteral("viewer")));
    m_users.append(viewer);

    // A namespace developer: `edit` in default only, so it cannot list namespaces — the
    // case where the app must fall back to the kubeconfig's namespace.
    SimUser developer{QStringLiteral("developer"), QStringLiteral("edit in namespace default only"), randomToken(), {}, {}};
    m_authenticator->addToken(developer.token, UserInfo{QStringLiteral("developer"), {}, {}, {}});
    apply(binding(QStringLiteral("RoleBinding"), QStringLiteral("fission-desk-sim:developer"), QStringLiteral("default"),
                  QStringLiteral("ClusterRole"), QStringLiteral("edit"), QStringLiteral("developer")));
    m_users.append(developer);
}

Expected<void, QString> SimCluster::apply(const QJsonObject &object)
{
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString group = apiVersion.contains(QLatin1Char('/')) ? apiVersion.section(QLatin1Char('/'), 0, 0) : QString();
    const auto type = m_catalog->findByKind(group, object.value(QLatin1String("kind")).toString());
    if (!type)
        return Unexpected(QStringLiteral("no resource type for %1 %2").arg(apiVersion, object.value(QLatin1String("kind")).toString()));
    const QString ns = type->namespaced ? namespaceOf(object) : QString();
    const QString name = nameOf(object);
    if (const ObjectRef existing = m_objects->get(*type, ns, name)) {
        QJsonObject replacement = object;
        setMetadataField(replacement, QStringLiteral("resourceVersion"), QString::number(existing->resourceVersion));
        auto updated = m_objects->update(*type, ns, name, replacement, adminWrite());
        if (!updated)
            return Unexpected(updated.error().message);
        return {};
    }
    auto created = m_objects->create(*type, type->namespaced ? (ns.isEmpty() ? QStringLiteral("default") : ns) : QString(),
                                     object, adminWrite());
    if (!created)
        return Unexpected(created.error().message);
    return {};
}

} // namespace fd::sim

#include "moc_SimCluster.cpp"
