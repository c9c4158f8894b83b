#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FormWidgets.h"
#include "ui/forms/JsonPath.h"
#include "ui/forms/WhenFinished.h"

#include <QAction>
#include <QCursor>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QMenu>
#include <QPushButton>

#include <tuple>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using namespace fd::ui::forms;

namespace {

// Defaults as Fission applies them (fission-reference §1): written only when changed, so an
// object made here looks like one made by the CLI.
constexpr int defaultConcurrency = 500;
constexpr int defaultFunctionTimeout = 60;
constexpr int defaultIdleTimeout = 120;
constexpr int defaultSpecializationTimeout = 120;

QJsonArray mounts(const QString &ns, const QStringList &names)
{
    QJsonArray out;
    for (const QString &n : names)
        out.append(QJsonObject{{u"namespace"_s, ns}, {u"name"_s, n}});
    return out;
}

QString mountNames(const QJsonValue &value)
{
    QStringList names;
    for (const QJsonValue &v : value.toArray())
        names << v.toObject().value("name"_L1).toString();
    return names.join(u", "_s);
}

} // namespace

FunctionForm::FunctionForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing, QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::functions(), namespaceName, existing, parent)
{
    initialize();
}

void FunctionForm::buildFields(QFormLayout *layout)
{
    const auto snap = snapshot();
    const QString ns = namespaceName();
    m_environment = namePicker(this, u"field:environment"_s, namesOf(snap->index.environments().inNamespace(ns)));
    addField(layout, u"environment"_s, tr("Environment"), m_environment, {u"spec.environment"_s});
    auto *packageRow = new QWidget(this);
    auto *packageLayout = new QHBoxLayout(packageRow);
    packageLayout->setContentsMargins(0, 0, 0, 0);
    m_package = namePicker(packageRow, u"field:package"_s, namesOf(snap->index.packages().inNamespace(ns)));
    packageLayout->addWidget(m_package, 1);
    auto *newPackage = new QPushButton(tr("New from a file or folder…"), packageRow);
    newPackage->setObjectName(u"newPackage"_s);
    newPackage->setToolTip(tr("Create a Package from a file or folder on this computer and use it here."));
    packageLayout->addWidget(newPackage);
    connect(newPackage, &QPushButton::clicked, this, [this] { openNewPackageForm(); });
    addField(layout, u"package"_s, tr("Package"), packageRow, {u"spec.package.packageref"_s});
    m_entrypoint = line(this, u"field:entrypoint"_s, tr("e.g. main.handler (optional for some environments)"));
    addField(layout, u"entrypoint"_s, tr("Entry point"), m_entrypoint, {u"spec.package.functionName"_s});
    m_executor = new QComboBox(this);
    m_executor->setObjectName(u"field:executor"_s);
    m_executor->addItem(tr("Pool manager (poolmgr): fast cold start from a warm pool"), u"poolmgr"_s);
    m_executor->addItem(tr("New deployment (newdeploy): own Deployment, scales with load"), u"newdeploy"_s);
    m_executor->addItem(tr("Container: runs your own image"), u"container"_s);
    addField(layout, u"executor"_s, tr("Executor"), m_executor, {u"spec.InvokeStrategy"_s});
    m_image = line(this, u"field:image"_s, tr("e.g. ghcr.io/me/hello:1.0"));
    addField(layout, u"image"_s, tr("Container image"), m_image, {u"spec.podspec"_s});
    m_port = spin(this, u"field:port"_s, 1, 65535, 8888);
    addField(layout, u"port"_s, tr("Container port"), m_port, {});
    m_minScale = spin(this, u"field:minScale"_s, 0, 1000, 0);
    addField(layout, u"minScale"_s, tr("Minimum instances"), m_minScale, {u"spec.InvokeStrategy.ExecutionStrategy.MinScale"_s});
    m_maxScale = spin(this, u"field:maxScale"_s, 1, 1000, 1);
    addField(layout, u"maxScale"_s, tr("Maximum instances"), m_maxScale, {u"spec.InvokeStrategy.ExecutionStrategy.MaxScale"_s});
    m_concurrency = spin(this, u"field:concurrency"_s, 1, 100000, defaultConcurrency);
    addField(layout, u"concurrency"_s, tr("Concurrency"), m_concurrency, {u"spec.concurrency"_s});
    m_functionTimeout = spin(this, u"field:functionTimeout"_s, 1, 86400, defaultFunctionTimeout, tr(" s"));
    addField(layout, u"functionTimeout"_s, tr("Function timeout"), m_functionTimeout, {u"spec.functionTimeout"_s});
    m_idleTimeout = spin(this, u"field:idleTimeout"_s, 1, 86400, defaultIdleTimeout, tr(" s"));
    addField(layout, u"idleTimeout"_s, tr("Idle timeout"), m_idleTimeout, {u"spec.idletimeout"_s});
    m_specializationTimeout = spin(this, u"field:specializationTimeout"_s, 1, 3600, defaultSpecializationTimeout, tr(" s"));
    addField(layout, u"specializationTimeout"_s, tr("Specialization timeout"), m_specializationTimeout,
             {u"spec.InvokeStrategy.ExecutionStrategy.SpecializationTimeout"_s});
    // Secrets are not in the snapshot (the informers read only Helm's): their names are listed
    // through the session when the user asks, never their values.
    for (const bool configMaps : {false, true}) {
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        QLineEdit *edit = configMaps ? line(row, u"field:configMaps"_s, tr("config map names in %1, comma separated").arg(ns))
                                     : line(row, u"field:secrets"_s, tr("secret names in %1, comma separated").arg(ns));
        rowLayout->addWidget(edit, 1);
        auto *pick = new QPushButton(tr("Pick…"), row);
        pick->setObjectName(configMaps ? u"pick:configMaps"_s : u"pick:secrets"_s);
        pick->setToolTip(configMaps ? tr("Choose from the config maps in %1").arg(ns) : tr("Choose from the secrets in %1 (names only)").arg(ns));
        rowLayout->addWidget(pick);
        connect(pick, &QPushButton::clicked, this, [this, configMaps] { pickMounts(configMaps); });
        if (configMaps) {
            m_configMaps = edit;
            addField(layout, u"configMaps"_s, tr("Config maps"), row, {u"spec.configmaps"_s});
        } else {
            m_secrets = edit;
            addField(layout, u"secrets"_s, tr("Secrets"), row, {u"spec.secrets"_s});
        }
    }
    for (QWidget *w : {static_cast<QWidget *>(m_environment), static_cast<QWidget *>(m_package),
                       static_cast<QWidget *>(m_entrypoint), static_cast<QWidget *>(m_executor), static_cast<QWidget *>(m_image),
                       static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_minScale), static_cast<QWidget *>(m_maxScale),
                       static_cast<QWidget *>(m_concurrency), static_cast<QWidget *>(m_functionTimeout),
                       static_cast<QWidget *>(m_idleTimeout), static_cast<QWidget *>(m_specializationTimeout),
                       static_cast<QWidget *>(m_secrets), static_cast<QWidget *>(m_configMaps)})
        watch(w);
}

QString FunctionForm::executor() const
{
    return m_executor->currentData().toString();
}

void FunctionForm::fieldsChanged()
{
    const QString e = executor();
    const bool container = e == u"container";
    setFieldVisible(u"image"_s, container);
    setFieldVisible(u"port"_s, container);
    setFieldVisible(u"environment"_s, !container);
    setFieldVisible(u"package"_s, !container);
    setFieldVisible(u"entrypoint"_s, !container);
    setFieldVisible(u"minScale"_s, e != u"poolmgr");
    setFieldVisible(u"maxScale"_s, e != u"poolmgr");
    setFieldVisible(u"specializationTimeout"_s, e != u"container");
}

void FunctionForm::loadFields(const QJsonObject &object)
{
    m_environment->setEditText(jsonAt(object, u"spec.environment.name"_s).toString());
    m_loadedPackage = jsonAt(object, u"spec.package.packageref.name"_s).toString();
    m_package->setEditText(m_loadedPackage);
    m_entrypoint->setText(jsonAt(object, u"spec.package.functionName"_s).toString());
    const QString e = jsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType"_s).toString();
    const int index = m_executor->findData(e.isEmpty() ? u"poolmgr"_s : e);
    m_executor->setCurrentIndex(index < 0 ? 0 : index);
    const QJsonArray containers = jsonAt(object, u"spec.podspec.containers"_s).toArray();
    const QJsonObject first = containers.isEmpty() ? QJsonObject() : containers.first().toObject();
    m_image->setText(first.value("image"_L1).toString());
    const QJsonArray ports = first.value("ports"_L1).toArray();
    if (!ports.isEmpty())
        m_port->setValue(ports.first().toObject().value("containerPort"_L1).toInt(8888));
    m_minScale->setValue(jsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MinScale"_s).toInt(0));
    m_maxScale->setValue(jsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MaxScale"_s).toInt(1));
    m_concurrency->setValue(jsonAt(object, u"spec.concurrency"_s).toInt(defaultConcurrency));
    m_functionTimeout->setValue(jsonAt(object, u"spec.functionTimeout"_s).toInt(defaultFunctionTimeout));
    m_idleTimeout->setValue(jsonAt(object, u"spec.idletimeout"_s).toInt(defaultIdleTimeout));
    m_specializationTimeout->setValue(
        jsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.SpecializationTimeout"_s).toInt(defaultSpecializationTimeout));
    m_secrets->setText(mountNames(jsonAt(object, u"spec.secrets"_s)));
    m_configMaps->setText(mountNames(jsonAt(object, u"spec.configmaps"_s)));
}

void FunctionForm::writeFields(QJsonObject &object) const
{
    const QString ns = namespaceName();
    const QString e = executor();
    const bool container = e == u"container";
    const QString env = m_environment->currentText().trimmed();
    const QString pkg = m_package->currentText().trimmed();
    if (container) {
        setJsonAt(object, u"spec.environment"_s, QJsonObject{{u"namespace"_s, ns}, {u"name"_s, QString()}});
        setJsonAt(object, u"spec.package"_s, QJsonObject{{u"packageref"_s, QJsonObject()}});
        // The container executor runs the image in a pod spec of its own; other pod spec fields
        // an edited object carries stay, the first container's image and port are the form's.
        QJsonArray containers = jsonAt(object, u"spec.podspec.containers"_s).toArray();
        QJsonObject first = containers.isEmpty() ? QJsonObject() : containers.first().toObject();
        if (!first.contains("name"_L1))
            first.insert(u"name"_s, nameEdit()->text().trimmed());
        first.insert(u"image"_s, m_image->text().trimmed());
        first.insert(u"ports"_s, QJsonArray{QJsonObject{{u"containerPort"_s, m_port->value()}, {u"name"_s, u"http-env"_s}}});
        if (containers.isEmpty())
            containers.append(first);
        else
            containers.replace(0, first);
        setJsonAt(object, u"spec.podspec.containers"_s, containers);
    } else {
        setJsonAt(object, u"spec.environment.namespace"_s, ns);
        setJsonAt(object, u"spec.environment.name"_s, env);
        setJsonAt(object, u"spec.package.packageref.namespace"_s, ns);
        setJsonAt(object, u"spec.package.packageref.name"_s, pkg);
        if (pkg != m_loadedPackage)
            setJsonAt(object, u"spec.package.packageref.resourceversion"_s, QJsonValue());
        setJsonAt(object, u"spec.package.functionName"_s, m_entrypoint->text().trimmed());
    }
    setJsonAt(object, u"spec.InvokeStrategy.StrategyType"_s, u"execution"_s);
    setJsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.ExecutorType"_s, e);
    if (e == u"poolmgr") {
        setJsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MinScale"_s, QJsonValue());
        setJsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MaxScale"_s, QJsonValue());
    } else {
        setJsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MinScale"_s, m_minScale->value());
        setJsonAt(object, u"spec.InvokeStrategy.ExecutionStrategy.MaxScale"_s, m_maxScale->value());
    }
    setIntUnlessDefault(object, u"spec.InvokeStrategy.ExecutionStrategy.SpecializationTimeout"_s, m_specializationTimeout->value(),
                        defaultSpecializationTimeout);
    setIntUnlessDefault(object, u"spec.concurrency"_s, m_concurrency->value(), defaultConcurrency);
    setIntUnlessDefault(object, u"spec.functionTimeout"_s, m_functionTimeout->value(), defaultFunctionTimeout);
    setIntUnlessDefault(object, u"spec.idletimeout"_s, m_idleTimeout->value(), defaultIdleTimeout);
    const QStringList secrets = splitList(m_secrets->text());
    const QStringList configMaps = splitList(m_configMaps->text());
    setJsonAt(object, u"spec.secrets"_s, secrets.isEmpty() ? QJsonValue() : QJsonValue(mounts(ns, secrets)));
    setJsonAt(object, u"spec.configmaps"_s, configMaps.isEmpty() ? QJsonValue() : QJsonValue(mounts(ns, configMaps)));
}

QHash<QString, QString> FunctionForm::validateFields() const
{
    QHash<QString, QString> errors;
    const auto snap = snapshot();
    const QString ns = namespaceName();
    if (executor() == u"container") {
        if (m_image->text().trimmed().isEmpty())
            errors.insert(u"image"_s, tr("The container executor needs an image."));
    } else {
        const QString env = referenceError(*snap, u"Environment"_s, ns, m_environment->currentText().trimmed());
        if (!env.isEmpty())
            errors.insert(u"environment"_s, env);
        const QString pkgName = m_package->currentText().trimmed();
        const QString pkg = m_createdPackages.contains(pkgName) ? QString() : referenceError(*snap, u"Package"_s, ns, pkgName);
        if (!pkg.isEmpty())
            errors.insert(u"package"_s, pkg);
    }
    if (executor() != u"poolmgr" && m_maxScale->value() < m_minScale->value())
        errors.insert(u"maxScale"_s, tr("At least the minimum (%1).").arg(m_minScale->value()));
    for (const auto &[key, edit, known] : {std::tuple{u"secrets"_s, m_secrets, &m_secretNames},
                                           std::tuple{u"configMaps"_s, m_configMaps, &m_configMapNames}}) {
        for (const QString &n : splitList(edit->text())) {
            // A mount is always in the function's own namespace (the webhook refuses others).
            QString e = n.contains(u'/') ? tr("Only names in %1 (no namespace/ prefix).").arg(ns) : dnsSubdomainError(n);
            // Once listed, a name that is not there is pointed out (the pod would not start).
            if (e.isEmpty() && *known && !(*known)->contains(n))
                e = key == u"secrets" ? tr("There is no secret with this name in %1.").arg(ns)
                                      : tr("There is no config map with this name in %1.").arg(ns);
            if (!e.isEmpty()) {
                errors.insert(key, u"%1: %2"_s.arg(n, e));
                break;
            }
        }
    }
    return errors;
}

PackageForm *FunctionForm::openNewPackageForm()
{
    auto *form = new PackageForm(backend(), namespaceName(), {}, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setEnvironment(m_environment->currentText().trimmed());
    const QString fn = nameEdit()->text().trimmed();
    if (!fn.isEmpty())
        form->nameEdit()->setText(fn.left(59) + u"-pkg"_s);
    connect(form, &ObjectFormDialog::applied, this, [this](const QJsonObject &object) {
        const QString name = object.value("metadata"_L1).toObject().value("name"_L1).toString();
        m_createdPackages << name;
        m_package->setEditText(name);
    });
    form->show();
    return form;
}

void FunctionForm::pickMounts(bool configMaps)
{
    const auto &kind = configMaps ? fd::fission::kinds::configMaps() : fd::fission::kinds::secrets();
    whenFinished(this, backend()->listNames(kind.gr, namespaceName()), [this, configMaps](const fd::engine::CommandResult &r) {
        if (!r.ok) {
            setStatusText(r.message);
            return;
        }
        QStringList names;
        for (const QJsonValue &v : r.object.value("names"_L1).toArray())
            names << v.toString();
        (configMaps ? m_configMapNames : m_secretNames) = names;
        showMountMenu(configMaps, names);
        refreshValidation();
    });
}

void FunctionForm::showMountMenu(bool configMaps, const QStringList &names)
{
    QMenu *&menu = configMaps ? m_configMapMenu : m_secretMenu;
    delete menu;
    menu = new QMenu(this);
    menu->setObjectName(configMaps ? u"menu:configMaps"_s : u"menu:secrets"_s);
    QLineEdit *edit = configMaps ? m_configMaps : m_secrets;
    const QStringList chosen = splitList(edit->text());
    if (names.isEmpty())
        menu->addAction(configMaps ? tr("No config maps in %1").arg(namespaceName()) : tr("No secrets in %1").arg(namespaceName()))
            ->setEnabled(false);
    for (const QString &name : names) {
        QAction *action = menu->addAction(name);
        action->setCheckable(true);
        action->setChecked(chosen.contains(name));
        connect(action, &QAction::toggled, this, [edit, name](bool on) {
            QStringList list = splitList(edit->text());
            if (on && !list.contains(name))
                list << name;
            else if (!on)
                list.removeAll(name);
            edit->setText(list.join(u", "_s));
        });
    }
    const QWidget *button = findChild<QWidget *>(configMaps ? u"pick:configMaps"_s : u"pick:secrets"_s);
    menu->popup(button ? button->mapToGlobal(QPoint(0, button->height())) : QCursor::pos());
}

} // namespace ui
} // namespace fd
