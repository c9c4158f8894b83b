#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FormWidgets.h"
#include "ui/forms/JsonPath.h"

#include <QCheckBox>
#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using namespace fd::ui::forms;

namespace {

struct Preset {
    const char *label;
    const char *runtime;
    const char *builder;
    const char *command;
};

// The images of the environments Fission publishes (fission/environments), with the builder's
// usual command. Versions are left to the registry's latest tag; admins pin them in the field.
const Preset presets[] = {
    {"Python", "ghcr.io/fission/python-env", "ghcr.io/fission/python-builder", "build"},
    {"Node.js", "ghcr.io/fission/node-env", "ghcr.io/fission/node-builder", "build"},
    {"Go 1.23", "ghcr.io/fission/go-env-1.23", "ghcr.io/fission/go-builder-1.23", "build"},
    {"JVM (Java)", "ghcr.io/fission/jvm-env", "ghcr.io/fission/jvm-builder", "build"},
    {"Binary / shell", "ghcr.io/fission/binary-env", "ghcr.io/fission/binary-builder", "build"},
};

constexpr int defaultVersion = 3;     // the CLI's default
constexpr int defaultPoolSize = 3;    // what Fission uses when poolsize is not set
constexpr int defaultGracePeriod = 360; // the CLI's default (main's CRD defaults to 90 when absent)

const QStringList resourcePaths{u"requests.cpu"_s, u"limits.cpu"_s, u"requests.memory"_s, u"limits.memory"_s};

} // namespace

EnvironmentForm::EnvironmentForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing,
                                 QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::environments(), namespaceName, existing, parent)
{
    initialize();
}

void EnvironmentForm::buildFields(QFormLayout *layout)
{
    m_preset = new QComboBox(this);
    m_preset->setObjectName(u"field:preset"_s);
    m_preset->addItem(tr("Custom images"));
    for (const Preset &p : presets)
        m_preset->addItem(QString::fromUtf8(p.label));
    addField(layout, u"preset"_s, tr("Preset"), m_preset, {});
    connect(m_preset, &QComboBox::activated, this, &EnvironmentForm::applyPreset);
    m_version = spin(this, u"field:version"_s, 1, 3, defaultVersion);
    m_version->setToolTip(tr("1: no builder; 2: builder support; 3: adds the pool size."));
    addField(layout, u"version"_s, tr("Version"), m_version, {u"spec.version"_s});
    m_runtimeImage = line(this, u"field:runtimeImage"_s, tr("e.g. ghcr.io/fission/python-env"));
    addField(layout, u"runtimeImage"_s, tr("Runtime image"), m_runtimeImage, {u"spec.runtime"_s});
    m_builderImage = line(this, u"field:builderImage"_s, tr("optional: builds source packages"));
    addField(layout, u"builderImage"_s, tr("Builder image"), m_builderImage, {u"spec.builder.image"_s});
    m_builderCommand = line(this, u"field:builderCommand"_s, u"build"_s);
    addField(layout, u"builderCommand"_s, tr("Builder command"), m_builderCommand, {u"spec.builder.command"_s});
    m_poolSize = spin(this, u"field:poolSize"_s, 0, 1000, defaultPoolSize);
    addField(layout, u"poolSize"_s, tr("Pool size"), m_poolSize, {u"spec.poolsize"_s});
    m_cpuRequest = line(this, u"field:cpuRequest"_s, u"100m"_s);
    addField(layout, u"cpuRequest"_s, tr("CPU request"), m_cpuRequest, {u"spec.resources.requests.cpu"_s});
    m_cpuLimit = line(this, u"field:cpuLimit"_s, u"500m"_s);
    addField(layout, u"cpuLimit"_s, tr("CPU limit"), m_cpuLimit, {u"spec.resources.limits.cpu"_s});
    m_memoryRequest = line(this, u"field:memoryRequest"_s, u"128Mi"_s);
    addField(layout, u"memoryRequest"_s, tr("Memory request"), m_memoryRequest, {u"spec.resources.requests.memory"_s});
    m_memoryLimit = line(this, u"field:memoryLimit"_s, u"512Mi"_s);
    addField(layout, u"memoryLimit"_s, tr("Memory limit"), m_memoryLimit, {u"spec.resources.limits.memory"_s});
    m_keepArchive = new QCheckBox(tr("Keep the archive (do not extract it)"), this);
    m_keepArchive->setObjectName(u"field:keepArchive"_s);
    addField(layout, u"keepArchive"_s, QString(), m_keepArchive, {u"spec.keeparchive"_s});
    m_gracePeriod = spin(this, u"field:gracePeriod"_s, 0, 86400, defaultGracePeriod, tr(" s"));
    addField(layout, u"gracePeriod"_s, tr("Termination grace period"), m_gracePeriod, {u"spec.terminationGracePeriod"_s});
    m_pullSecret = line(this, u"field:pullSecret"_s, tr("optional: secret name in this namespace"));
    addField(layout, u"pullSecret"_s, tr("Image pull secret"), m_pullSecret, {u"spec.imagepullsecret"_s});
    // Editable: the list is what Fission knows today; the server is the judge of other values.
    m_functionsPerContainer = new QComboBox(this);
    m_functionsPerContainer->setObjectName(u"field:functionsPerContainer"_s);
    m_functionsPerContainer->setEditable(true);
    m_functionsPerContainer->addItems({QString(), u"single"_s, u"infinite"_s});
    addField(layout, u"functionsPerContainer"_s, tr("Functions per container"), m_functionsPerContainer,
             {u"spec.allowedFunctionsPerContainer"_s});
    for (QWidget *w : {static_cast<QWidget *>(m_version), static_cast<QWidget *>(m_runtimeImage),
                       static_cast<QWidget *>(m_builderImage), static_cast<QWidget *>(m_builderCommand),
                       static_cast<QWidget *>(m_poolSize), static_cast<QWidget *>(m_cpuRequest), static_cast<QWidget *>(m_cpuLimit),
                       static_cast<QWidget *>(m_memoryRequest), static_cast<QWidget *>(m_memoryLimit),
                       static_cast<QWidget *>(m_keepArchive), static_cast<QWidget *>(m_gracePeriod),
                       static_cast<QWidget *>(m_pullSecret), static_cast<QWidget *>(m_functionsPerContainer)})
        watch(w);
}

void EnvironmentForm::applyPreset(int index)
{
    if (index <= 0 || index > int(std::size(presets)))
        return;
    const Preset &p = presets[index - 1];
    m_runtimeImage->setText(QString::fromUtf8(p.runtime));
    m_builderImage->setText(QString::fromUtf8(p.builder));
    m_builderCommand->setText(QString::fromUtf8(p.command));
}

void EnvironmentForm::fieldsChanged()
{
    setFieldVisible(u"poolSize"_s, m_version->value() >= 3);
    setFieldVisible(u"builderImage"_s, m_version->value() >= 2);
    setFieldVisible(u"builderCommand"_s, m_version->value() >= 2);
}

void EnvironmentForm::loadFields(const QJsonObject &object)
{
    m_version->setValue(jsonAt(object, u"spec.version"_s).toInt(defaultVersion));
    m_runtimeImage->setText(jsonAt(object, u"spec.runtime.image"_s).toString());
    m_builderImage->setText(jsonAt(object, u"spec.builder.image"_s).toString());
    m_builderCommand->setText(jsonAt(object, u"spec.builder.command"_s).toString());
    m_poolSize->setValue(jsonAt(object, u"spec.poolsize"_s).toInt(defaultPoolSize));
    QLineEdit *resources[] = {m_cpuRequest, m_cpuLimit, m_memoryRequest, m_memoryLimit};
    for (int i = 0; i < 4; ++i) {
        const QJsonValue v = jsonAt(object, u"spec.resources."_s + resourcePaths[i]);
        resources[i]->setText(v.isDouble() ? QString::number(v.toDouble()) : v.toString());
    }
    m_keepArchive->setChecked(jsonAt(object, u"spec.keeparchive"_s).toBool());
    m_gracePeriod->setValue(jsonAt(object, u"spec.terminationGracePeriod"_s).toInt(defaultGracePeriod));
    m_pullSecret->setText(jsonAt(object, u"spec.imagepullsecret"_s).toString());
    m_functionsPerContainer->setCurrentText(jsonAt(object, u"spec.allowedFunctionsPerContainer"_s).toString());
}

void EnvironmentForm::writeFields(QJsonObject &object) const
{
    const int version = m_version->value();
    setJsonAt(object, u"spec.version"_s, version);
    setJsonAt(object, u"spec.runtime.image"_s, m_runtimeImage->text().trimmed());
    const QString builder = version >= 2 ? m_builderImage->text().trimmed() : QString();
    setJsonAt(object, u"spec.builder.image"_s, builder.isEmpty() ? QJsonValue() : QJsonValue(builder));
    const QString command = version >= 2 ? m_builderCommand->text().trimmed() : QString();
    setJsonAt(object, u"spec.builder.command"_s, command.isEmpty() ? QJsonValue() : QJsonValue(command));
    setJsonAt(object, u"spec.poolsize"_s, version >= 3 ? QJsonValue(m_poolSize->value()) : QJsonValue());
    const QLineEdit *resources[] = {m_cpuRequest, m_cpuLimit, m_memoryRequest, m_memoryLimit};
    for (int i = 0; i < 4; ++i) {
        const QString v = resources[i]->text().trimmed();
        setJsonAt(object, u"spec.resources."_s + resourcePaths[i], v.isEmpty() ? QJsonValue() : QJsonValue(v));
    }
    setJsonAt(object, u"spec.keeparchive"_s, m_keepArchive->isChecked() ? QJsonValue(true) : QJsonValue());
    setJsonAt(object, u"spec.terminationGracePeriod"_s, m_gracePeriod->value());
    const QString secret = m_pullSecret->text().trimmed();
    setJsonAt(object, u"spec.imagepullsecret"_s, secret.isEmpty() ? QJsonValue() : QJsonValue(secret));
    const QString perContainer = m_functionsPerContainer->currentText().trimmed();
    setJsonAt(object, u"spec.allowedFunctionsPerContainer"_s, perContainer.isEmpty() ? QJsonValue() : QJsonValue(perContainer));
}

QHash<QString, QString> EnvironmentForm::validateFields() const
{
    QHash<QString, QString> errors;
    if (m_runtimeImage->text().trimmed().isEmpty())
        errors.insert(u"runtimeImage"_s, tr("A runtime image is required."));
    else if (m_runtimeImage->text().trimmed().contains(u' '))
        errors.insert(u"runtimeImage"_s, tr("An image reference has no spaces."));
    if (m_builderImage->text().trimmed().contains(u' '))
        errors.insert(u"builderImage"_s, tr("An image reference has no spaces."));
    const std::pair<QString, const QLineEdit *> quantities[] = {{u"cpuRequest"_s, m_cpuRequest},
                                                                {u"cpuLimit"_s, m_cpuLimit},
                                                                {u"memoryRequest"_s, m_memoryRequest},
                                                                {u"memoryLimit"_s, m_memoryLimit}};
    for (const auto &[key, edit] : quantities) {
        const QString e = quantityError(edit->text().trimmed());
        if (!e.isEmpty())
            errors.insert(key, e);
    }
    if (!m_pullSecret->text().trimmed().isEmpty()) {
        const QString e = dnsSubdomainError(m_pullSecret->text().trimmed());
        if (!e.isEmpty())
            errors.insert(u"pullSecret"_s, e);
    }
    return errors;
}

ObjectFormDialog *createObjectForm(const QString &kind, FormBackend *backend, const QString &namespaceName,
                                   const QJsonObject &existing, QWidget *parent)
{
    if (kind == u"Function")
        return new FunctionForm(backend, namespaceName, existing, parent);
    if (kind == u"HTTPTrigger")
        return new HttpTriggerForm(backend, namespaceName, existing, parent);
    if (kind == u"Environment")
        return new EnvironmentForm(backend, namespaceName, existing, parent);
    if (kind == u"TimeTrigger")
        return new TimeTriggerForm(backend, namespaceName, existing, parent);
    if (kind == u"Package")
        return new PackageForm(backend, namespaceName, existing, parent);
    if (kind == u"MessageQueueTrigger")
        return new MessageQueueTriggerForm(backend, namespaceName, existing, parent);
    if (kind == u"KubernetesWatchTrigger")
        return new WatchTriggerForm(backend, namespaceName, existing, parent);
    return nullptr;
}

} // namespace ui
} // namespace fd
