#include "sim/fissioninstall/ChartRenderer.h"

#include "sim/fissioninstall/ChartParts.h"
#include "sim/tls/CertificateAuthority.h"

#include <QRandomGenerator>

#include <openssl/crypto.h>

#include <algorithm>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace detail {

QJsonObject metadata(const QString &name, const QString &namespaceName, const QJsonObject &labels,
                     const QJsonObject &annotations)
{
    QJsonObject meta{{u"name"_s, name}};
    if (!namespaceName.isEmpty())
        meta.insert(u"namespace"_s, namespaceName);
    if (!labels.isEmpty())
        meta.insert(u"labels"_s, labels);
    if (!annotations.isEmpty())
        meta.insert(u"annotations"_s, annotations);
    return meta;
}

QJsonObject rule(const QStringList &apiGroups, const QStringList &resources, const QStringList &verbs,
                 const QStringList &resourceNames)
{
    QJsonObject result{{u"apiGroups"_s, QJsonArray::fromStringList(apiGroups)},
                       {u"resources"_s, QJsonArray::fromStringList(resources)},
                       {u"verbs"_s, QJsonArray::fromStringList(verbs)}};
    if (!resourceNames.isEmpty())
        result.insert(u"resourceNames"_s, QJsonArray::fromStringList(resourceNames));
    return result;
}

QJsonObject serviceAccountSubject(const QString &name, const QString &namespaceName)
{
    return {{u"kind"_s, u"ServiceAccount"_s}, {u"name"_s, name}, {u"namespace"_s, namespaceName}};
}

QJsonObject roleRef(const QString &kind, const QString &name)
{
    return {{u"apiGroup"_s, u"rbac.authorization.k8s.io"_s}, {u"kind"_s, kind}, {u"name"_s, name}};
}

QJsonObject hookAnnotations(const QString &events, const QString &deletePolicy, const QString &weight)
{
    QJsonObject annotations{{u"helm.sh/hook"_s, events}, {u"helm.sh/hook-delete-policy"_s, deletePolicy}};
    if (!weight.isEmpty())
        annotations.insert(u"helm.sh/hook-weight"_s, weight);
    return annotations;
}

namespace {

QJsonObject webhookEntry(const QString &name, const QString &path, const QString &resource, const QStringList &operations,
                         const QString &releaseNamespace, const QString &caBundle)
{
    const QJsonObject service{{u"name"_s, u"webhook-service"_s}, {u"namespace"_s, releaseNamespace}, {u"path"_s, path}};
    const QJsonObject rule{{u"apiGroups"_s, QJsonArray{u"fission.io"_s}},
                           {u"apiVersions"_s, QJsonArray{u"v1"_s}},
                           {u"operations"_s, QJsonArray::fromStringList(operations)},
                           {u"resources"_s, QJsonArray{resource}}};
    return {{u"admissionReviewVersions"_s, QJsonArray{u"v1"_s}},
            {u"clientConfig"_s, QJsonObject{{u"caBundle"_s, caBundle}, {u"service"_s, service}}},
            {u"failurePolicy"_s, u"Fail"_s},
            {u"name"_s, name},
            {u"rules"_s, QJsonArray{rule}},
            {u"sideEffects"_s, u"None"_s}};
}

// The webhook's serving certificate: like the chart's `genCA "fission-ca"` + `genSignedCert`,
// a fresh CA and certificate for webhook-service.<release namespace>.svc on every render.
struct WebhookCertificates {
    QByteArray caPem;
    QByteArray certificatePem;
    QByteArray keyPem;
};

WebhookCertificates webhookCertificates(const QString &releaseNamespace)
{
    WebhookCertificates result;
    auto ca = CertificateAuthority::generate(u"fission-ca"_s);
    if (!ca)
        return result;
    const QString host = u"webhook-service."_s + releaseNamespace + u".svc"_s;
    CertificateRequest request;
    request.commonName = host;
    request.dnsNames = {host, host + u".cluster.local"_s};
    auto issued = ca->issue(request);
    if (!issued)
        return result;
    result.caPem = ca->certificatePem();
    result.certificatePem = issued->certificatePem;
    result.keyPem = issued->privateKeyPem;
    // Profiles render on a cluster's own thread, which may end without OpenSSL releasing
    // the per-thread state (random generators, decoder caches) it made for this: release it
    // now; OpenSSL makes it again on the next use.
    OPENSSL_thread_stop();
    return result;
}

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString randomSecret()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray secret;
    for (int i = 0; i < 64; ++i)
        secret += alphabet[QRandomGenerator::global()->bounded(static_cast<int>(sizeof(alphabet) - 1))];
    return base64(secret);
}

} // namespace

void renderSupport(const RenderContext &context, QList<ChartObject> &out)
{
    const FissionChartValues &values = context.values;
    const auto add = [&](const QString &path, const QJsonObject &object) { out.append({context.source(path), object}); };
    const QString release = values.releaseNamespace;

    if (context.modern() && values.internalAuthEnabled) {
        add(u"internal-auth-secret.yaml"_s,
            QJsonObject{{u"apiVersion"_s, u"v1"_s},
                        {u"kind"_s, u"Secret"_s},
                        {u"metadata"_s, metadata(u"fission-internal-auth"_s, release,
                                                 {{u"chart"_s, context.chart.chartLabel()},
                                                  {u"application"_s, u"fission-internal-auth"_s}})},
                        {u"type"_s, u"Opaque"_s},
                        {u"data"_s, QJsonObject{{u"secret"_s, randomSecret()}}}});
    }

    // canary/auth feature switches the router reads from /etc/config/config.yaml.
    const QByteArray featureConfig = "canary:\n  enabled: false\n  prometheusSvc: \"\"\nauth:\n  enabled: false";
    add(u"misc-functions/cm.yaml"_s, QJsonObject{{u"apiVersion"_s, u"v1"_s},
                                                 {u"kind"_s, u"ConfigMap"_s},
                                                 {u"metadata"_s, metadata(u"feature-config"_s, release)},
                                                 {u"data"_s, QJsonObject{{u"config.yaml"_s, base64(featureConfig)}}}});

    // createNamespace: the deprecated function/builder namespaces, when set to something else.
    if (values.createNamespace) {
        const auto namespaceObject = [&](const QString &name, const QString &role) {
            return QJsonObject{{u"apiVersion"_s, u"v1"_s},
                               {u"kind"_s, u"Namespace"_s},
                               {u"metadata"_s, metadata(name, {}, {{u"name"_s, role}, {u"chart"_s, context.chart.chartLabel()}})}};
        };
        if (!values.functionNamespace.isEmpty() && values.functionNamespace != "default"_L1)
            add(u"misc-functions/namespace.yaml"_s, namespaceObject(values.functionNamespace, u"fission-function"_s));
        if (!values.builderNamespace.isEmpty() && values.builderNamespace != "default"_L1)
            add(u"misc-functions/namespace.yaml"_s, namespaceObject(values.builderNamespace, u"fission-builder"_s));
    }

    add(u"storagesvc/pvc.yaml"_s,
        QJsonObject{{u"apiVersion"_s, u"v1"_s},
                    {u"kind"_s, u"PersistentVolumeClaim"_s},
                    {u"metadata"_s, metadata(u"fission-storage-pvc"_s, {},
                                             {{u"app"_s, u"fission-storage"_s},
                                              {u"chart"_s, context.chart.chartLabel()},
                                              {u"release"_s, values.releaseName}})},
                    {u"spec"_s, QJsonObject{{u"accessModes"_s, QJsonArray{u"ReadWriteOnce"_s}},
                                            {u"resources"_s, QJsonObject{{u"requests"_s, QJsonObject{{u"storage"_s, u"8Gi"_s}}}}}}}});

    const WebhookCertificates certs = webhookCertificates(release);
    add(u"webhook-server/cert.yaml"_s,
        QJsonObject{{u"apiVersion"_s, u"v1"_s},
                    {u"kind"_s, u"Secret"_s},
                    {u"metadata"_s, metadata(u"fission-webhook-certs"_s, {}, {{u"app.kubernetes.io/component"_s, u"webhook-secret"_s}})},
                    {u"type"_s, u"Opaque"_s},
                    {u"data"_s, QJsonObject{{u"ca.crt"_s, base64(certs.caPem)},
                                            {u"tls.crt"_s, base64(certs.certificatePem)},
                                            {u"tls.key"_s, base64(certs.keyPem)}}}});

    const QString caBundle = base64(certs.caPem);
    const QStringList createUpdate{u"CREATE"_s, u"UPDATE"_s};
    const auto entry = [&](const QString &prefix, const QString &kind, const QString &resource, const QStringList &operations) {
        return webhookEntry(prefix + kind + u".fission.io"_s,
                            (prefix == "m"_L1 ? u"/mutate-fission-io-v1-"_s : u"/validate-fission-io-v1-"_s) + kind, resource,
                            operations, release, caBundle);
    };
    QJsonArray mutating{entry(u"m"_s, u"package"_s, u"packages"_s, createUpdate)};
    QJsonArray validating;
    if (context.modern()) {
        mutating << entry(u"m"_s, u"workflow"_s, u"workflows"_s, createUpdate);
        validating << entry(u"v"_s, u"environment"_s, u"environments"_s, createUpdate)
                   << entry(u"v"_s, u"function"_s, u"functions"_s, createUpdate)
                   << entry(u"v"_s, u"functionalias"_s, u"functionaliases"_s, createUpdate)
                   << entry(u"v"_s, u"functionversion"_s, u"functionversions"_s, {u"CREATE"_s, u"UPDATE"_s, u"DELETE"_s})
                   << entry(u"v"_s, u"kuberneteswatchtrigger"_s, u"kuberneteswatchtriggers"_s, createUpdate)
                   << entry(u"v"_s, u"messagequeuetrigger"_s, u"messagequeuetriggers"_s, createUpdate)
                   << entry(u"v"_s, u"package"_s, u"packages"_s, createUpdate)
                   << entry(u"v"_s, u"workflow"_s, u"workflows"_s, createUpdate)
                   << entry(u"v"_s, u"workflowrun"_s, u"workflowruns"_s, createUpdate);
    } else {
        validating << entry(u"v"_s, u"environment"_s, u"environments"_s, {u"CREATE"_s})
                   << entry(u"v"_s, u"function"_s, u"functions"_s, createUpdate)
                   << entry(u"v"_s, u"httptrigger"_s, u"httptriggers"_s, createUpdate)
                   << entry(u"v"_s, u"kuberneteswatchtrigger"_s, u"kuberneteswatchtriggers"_s, createUpdate)
                   << entry(u"v"_s, u"messagequeuetrigger"_s, u"messagequeuetriggers"_s, createUpdate)
                   << entry(u"v"_s, u"package"_s, u"packages"_s, createUpdate)
                   << entry(u"v"_s, u"timetrigger"_s, u"timetriggers"_s, createUpdate);
    }
    add(u"webhook-server/webhooks.yaml"_s, QJsonObject{{u"apiVersion"_s, u"admissionregistration.k8s.io/v1"_s},
                                                       {u"kind"_s, u"MutatingWebhookConfiguration"_s},
                                                       {u"metadata"_s, metadata(u"fission-mutating-webhooks"_s)},
                                                       {u"webhooks"_s, mutating}});
    add(u"webhook-server/webhooks.yaml"_s, QJsonObject{{u"apiVersion"_s, u"admissionregistration.k8s.io/v1"_s},
                                                       {u"kind"_s, u"ValidatingWebhookConfiguration"_s},
                                                       {u"metadata"_s, metadata(u"fission-validating-webhooks"_s)},
                                                       {u"webhooks"_s, validating}});
}

} // namespace detail

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(u"metadata"_s).toObject();
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items << item.trimmed().toLower();
    return items;
}

QString notesFor(const ChartIdentity &chart, const FissionChartValues &values)
{
    // Our own short summary of what the chart's NOTES say: where to create Fission objects.
    return QStringLiteral("Fission %1 is installed in namespace %2.\n\n"
                          "Fission watches the namespaces \"%3\": create environments, packages, functions and "
                          "triggers there.\nThe fission CLI finds the control plane through the router pods "
                          "(application=fission-router).\n")
        .arg(chart.appVersion, values.releaseNamespace, values.watchedNamespaces().join(QLatin1Char(',')));
}

} // namespace

QString ChartObject::kind() const
{
    return object.value(u"kind"_s).toString();
}

QString ChartObject::name() const
{
    return metadataOf(object).value(u"name"_s).toString();
}

QString ChartObject::namespaceName() const
{
    return metadataOf(object).value(u"namespace"_s).toString();
}

bool ChartObject::isHook() const
{
    return metadataOf(object).value(u"annotations"_s).toObject().contains(u"helm.sh/hook"_s);
}

QStringList ChartObject::hookEvents() const
{
    return splitList(metadataOf(object).value(u"annotations"_s).toObject().value(u"helm.sh/hook"_s).toString());
}

int ChartObject::hookWeight() const
{
    return metadataOf(object).value(u"annotations"_s).toObject().value(u"helm.sh/hook-weight"_s).toString().trimmed().toInt();
}

QStringList ChartObject::hookDeletePolicies() const
{
    return splitList(metadataOf(object).value(u"annotations"_s).toObject().value(u"helm.sh/hook-delete-policy"_s).toString());
}

int installOrderOf(const QString &kind)
{
    // releaseutil.InstallOrder (helm v4 pkg/release/v1/util/kind_sorter.go).
    static const QStringList order{
        u"PriorityClass"_s, u"Namespace"_s, u"NetworkPolicy"_s, u"ResourceQuota"_s, u"LimitRange"_s,
        u"PodSecurityPolicy"_s, u"PodDisruptionBudget"_s, u"ServiceAccount"_s, u"Secret"_s, u"SecretList"_s,
        u"ConfigMap"_s, u"StorageClass"_s, u"PersistentVolume"_s, u"PersistentVolumeClaim"_s,
        u"CustomResourceDefinition"_s, u"ClusterRole"_s, u"ClusterRoleList"_s, u"ClusterRoleBinding"_s,
        u"ClusterRoleBindingList"_s, u"Role"_s, u"RoleList"_s, u"RoleBinding"_s, u"RoleBindingList"_s, u"Service"_s,
        u"DaemonSet"_s, u"Pod"_s, u"ReplicationController"_s, u"ReplicaSet"_s, u"Deployment"_s,
        u"HorizontalPodAutoscaler"_s, u"StatefulSet"_s, u"Job"_s, u"CronJob"_s, u"IngressClass"_s, u"Ingress"_s,
        u"APIService"_s, u"MutatingWebhookConfiguration"_s, u"ValidatingWebhookConfiguration"_s};
    const qsizetype index = order.indexOf(kind);
    return index < 0 ? -1 : static_cast<int>(index);
}

QList<ChartObject> sortForInstall(QList<ChartObject> objects)
{
    // Template files in path order, documents in file order; then a stable sort by kind
    // (unknown kinds last, alphabetically among themselves).
    std::stable_sort(objects.begin(), objects.end(),
                     [](const ChartObject &a, const ChartObject &b) { return a.source < b.source; });
    std::stable_sort(objects.begin(), objects.end(), [](const ChartObject &a, const ChartObject &b) {
        const int first = installOrderOf(a.kind());
        const int second = installOrderOf(b.kind());
        if (first < 0 && second < 0)
            return a.kind() < b.kind();
        if (first < 0)
            return false;
        if (second < 0)
            return true;
        return first < second;
    });
    return objects;
}

RenderedChart renderFissionChart(FissionFlavor flavor, const FissionChartValues &values)
{
    detail::RenderContext context{flavor, values, chartIdentity(flavor)};
    QList<ChartObject> all;
    detail::renderSupport(context, all);
    detail::renderWorkloads(context, all);
    detail::renderRbac(context, all);
    QList<ChartObject> manifests;
    QList<ChartObject> hooks;
    for (const ChartObject &object : std::as_const(all))
        (object.isHook() ? hooks : manifests).append(object);
    RenderedChart rendered;
    rendered.manifests = sortForInstall(manifests);
    rendered.hooks = sortForInstall(hooks);
    rendered.notes = notesFor(context.chart, values);
    return rendered;
}

} // namespace fd::sim::fissioninstall
