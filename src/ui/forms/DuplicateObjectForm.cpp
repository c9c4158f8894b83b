#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/JsonPath.h"
#include "ui/UiTr.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace forms {

using fd::ui::detail::translate;

QJsonObject duplicateForNamespace(const QJsonObject &source, const QString &targetNamespace)
{
    QJsonObject copy = source;
    copy.remove(u"status"_s);
    QJsonObject meta = copy.value("metadata"_L1).toObject();
    // What the server owns or that ties the object to its old place.
    for (const char *key : {"uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
                            "deletionGracePeriodSeconds", "managedFields", "selfLink", "ownerReferences", "finalizers",
                            "generateName"})
        meta.remove(QLatin1String(key));
    QJsonObject annotations = meta.value("annotations"_L1).toObject();
    annotations.remove(u"kubectl.kubernetes.io/last-applied-configuration"_s);
    if (annotations.isEmpty())
        meta.remove(u"annotations"_s);
    else
        meta.insert(u"annotations"_s, annotations);
    meta.insert(u"namespace"_s, targetNamespace);
    copy.insert(u"metadata"_s, meta);
    // Namespace references inside the spec follow the object (Fission requires them equal).
    for (const QString &path : {u"spec.environment"_s, u"spec.package.packageref"_s}) {
        if (jsonAt(copy, path).isObject() && jsonAt(copy, path + u".namespace"_s).isString())
            setJsonAt(copy, path + u".namespace"_s, targetNamespace);
    }
    setJsonAt(copy, u"spec.package.packageref.resourceversion"_s, QJsonValue());
    for (const QString &path : {u"spec.secrets"_s, u"spec.configmaps"_s}) {
        QJsonArray mounts = jsonAt(copy, path).toArray();
        if (mounts.isEmpty())
            continue;
        for (qsizetype i = 0; i < mounts.size(); ++i) {
            QJsonObject m = mounts.at(i).toObject();
            m.insert(u"namespace"_s, targetNamespace);
            mounts.replace(i, m);
        }
        setJsonAt(copy, path, mounts);
    }
    return copy;
}

QStringList missingReferences(const fd::engine::ClusterSnapshot &snapshot, const QJsonObject &object)
{
    QStringList out;
    const QString ns = jsonAt(object, u"metadata.namespace"_s).toString();
    if (object.value("kind"_L1).toString() != u"Function")
        return out;
    const QString executor = jsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType"_s).toString();
    if (executor == u"container")
        return out;
    const QString env = jsonAt(object, u"spec.environment.name"_s).toString();
    if (!env.isEmpty() && !snapshot.index.environments().get(ns, env))
        out << translate("fd::ui::forms", "%1 has no environment \"%2\": duplicate it there too, or the function never runs.")
                   .arg(ns, env);
    const QString pkg = jsonAt(object, u"spec.package.packageref.name"_s).toString();
    if (!pkg.isEmpty() && !snapshot.index.packages().get(ns, pkg))
        out << translate("fd::ui::forms", "%1 has no package \"%2\": create it there too, or the function never runs.").arg(ns, pkg);
    QStringList mounts;
    for (const QString &path : {u"spec.secrets"_s, u"spec.configmaps"_s}) {
        for (const QJsonValue &v : jsonAt(object, path).toArray())
            mounts << v.toObject().value("name"_L1).toString();
    }
    if (!mounts.isEmpty())
        out << translate("fd::ui::forms", "The function mounts %1: make sure they exist in %2.").arg(mounts.join(u", "_s), ns);
    return out;
}

} // namespace forms

using namespace fd::ui::forms;

DuplicateObjectForm::DuplicateObjectForm(FormBackend *backend, const QJsonObject &source, const QString &targetNamespace,
                                         QWidget *parent)
    : ObjectFormDialog(backend,
                       source.value("kind"_L1).toString() == u"Environment" ? fd::fission::kinds::environments()
                                                                            : fd::fission::kinds::functions(),
                       targetNamespace, {}, parent)
    , m_copy(duplicateForNamespace(source, targetNamespace))
{
    const QJsonObject meta = source.value("metadata"_L1).toObject();
    setObjectName(u"duplicateForm:"_s + source.value("kind"_L1).toString());
    setWindowTitle(tr("Duplicate %1 %2/%3 into %4")
                       .arg(source.value("kind"_L1).toString(), meta.value("namespace"_L1).toString(),
                            meta.value("name"_L1).toString(), targetNamespace));
    initialize();
    nameEdit()->setText(meta.value("name"_L1).toString());
}

void DuplicateObjectForm::buildFields(QFormLayout *layout)
{
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(u"duplicateWarnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(u"QLabel { color: #997404; }"_s);
    layout->addRow(tr("Check"), m_warnings);
    auto *hint = new QLabel(tr("Everything else is copied as it is; the YAML preview shows the object that will be created."), this);
    hint->setWordWrap(true);
    layout->addRow(QString(), hint);
}

void DuplicateObjectForm::writeFields(QJsonObject &object) const
{
    // The copy is the whole object; only the name (typed in the form) is the user's.
    const QString name = jsonAt(object, u"metadata.name"_s).toString();
    object = m_copy;
    setJsonAt(object, u"metadata.name"_s, name);
}

QHash<QString, QString> DuplicateObjectForm::validateFields() const
{
    return {};
}

void DuplicateObjectForm::fieldsChanged()
{
    const QStringList missing = missingReferences(*snapshot(), m_copy);
    m_warnings->setText(missing.isEmpty() ? tr("Everything the copy references exists in %1.").arg(namespaceName())
                                          : missing.join(u'\n'));
}

QString DuplicateObjectForm::warningText() const
{
    return m_warnings->text();
}

} // namespace ui
} // namespace fd
