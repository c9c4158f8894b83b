#include "engine/onboarding/ManifestObjects.h"

#include "engine/onboarding/OnboardingTr.h"
#include "kube/config/YamlTree.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(u"metadata"_s).toObject();
}

// A `---` separator line (optionally followed by spaces or a comment).
bool isSeparator(const QByteArray &line)
{
    if (!line.startsWith("---"))
        return false;
    const QByteArray rest = line.mid(3).trimmed();
    return rest.isEmpty() || rest.startsWith('#');
}

} // namespace

QString ManifestObject::kind() const
{
    return object.value(u"kind"_s).toString();
}

QString ManifestObject::name() const
{
    return metadataOf(object).value(u"name"_s).toString();
}

QString ManifestObject::namespaceName() const
{
    return metadataOf(object).value(u"namespace"_s).toString();
}

bool ManifestObject::isHook() const
{
    return metadataOf(object).value(u"annotations"_s).toObject().contains(u"helm.sh/hook"_s);
}

QStringList ManifestObject::hookEvents() const
{
    const QString text = metadataOf(object).value(u"annotations"_s).toObject().value(u"helm.sh/hook"_s).toString();
    QStringList events;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        events.append(part.trimmed());
    return events;
}

QString ManifestObject::key() const
{
    return kind() + u'/' + namespaceName() + u'/' + name();
}

bool isClusterScopedKind(const QString &kind)
{
    static const QSet<QString> kinds{u"Namespace"_s,
                                     u"ClusterRole"_s,
                                     u"ClusterRoleBinding"_s,
                                     u"CustomResourceDefinition"_s,
                                     u"PersistentVolume"_s,
                                     u"StorageClass"_s,
                                     u"PriorityClass"_s,
                                     u"MutatingWebhookConfiguration"_s,
                                     u"ValidatingWebhookConfiguration"_s,
                                     u"ValidatingAdmissionPolicy"_s,
                                     u"ValidatingAdmissionPolicyBinding"_s,
                                     u"APIService"_s,
                                     u"FissionTenant"_s};
    return kinds.contains(kind);
}

fd::Expected<QList<ManifestObject>, QString> parseManifest(const QByteArray &yaml, const QString &releaseNamespace)
{
    // Split into documents by separator lines, remembering each document's "# Source:" comment.
    QList<QPair<QString, QByteArray>> documents;
    QString source;
    QByteArray current;
    const auto flush = [&] {
        if (!current.trimmed().isEmpty())
            documents.append({source, current});
        current.clear();
        source.clear();
    };
    for (const QByteArray &line : yaml.split('\n')) {
        if (isSeparator(line)) {
            flush();
            continue;
        }
        if (line.startsWith("# Source: ") && current.trimmed().isEmpty())
            source = QString::fromUtf8(line.mid(10)).trimmed();
        current += line;
        current += '\n';
    }
    flush();

    QList<ManifestObject> objects;
    for (const auto &[documentSource, text] : documents) {
        const fd::kube::YamlDocument document = fd::kube::parseYaml(text);
        if (document.error)
            return fd::Unexpected(OnboardingText::tr("rendered manifest %1: line %2: %3")
                                      .arg(documentSource, QString::number(document.error->mark.line), document.error->message));
        if (!document.root || document.root->isNull())
            continue; // a document holding only comments
        const std::optional<QJsonValue> json = fd::kube::yamlToJson(document.root, 64, 1'000'000);
        if (!json || !json->isObject())
            return fd::Unexpected(OnboardingText::tr("rendered manifest %1: a document is not an object").arg(documentSource));
        ManifestObject object{documentSource, json->toObject()};
        if (object.kind().isEmpty())
            continue;
        if (object.namespaceName().isEmpty() && !isClusterScopedKind(object.kind())) {
            QJsonObject metadata = metadataOf(object.object);
            metadata.insert(u"namespace"_s, releaseNamespace);
            object.object.insert(u"metadata"_s, metadata);
        }
        objects.append(object);
    }
    return objects;
}

} // namespace fd::engine::onboarding
