#include "ObjectFormDialog.h"

#include "helm/YamlWriter.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/WhenFinished.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/JsonPath.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {

// What the server adds that a form must not send back when creating (and what changes on
// every write): an edit keeps the rest, including resourceVersion for the optimistic lock.
QJsonObject editableCopy(QJsonObject object)
{
    QJsonObject meta = object.value("metadata"_L1).toObject();
    meta.remove(u"managedFields"_s);
    object.insert(u"metadata"_s, meta);
    return object;
}

} // namespace

ObjectFormDialog::ObjectFormDialog(FormBackend *backend, const fd::fission::KindInfo &kind, const QString &namespaceName,
                                   const QJsonObject &existing, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_kind(kind)
    , m_namespace(existing.isEmpty() ? namespaceName
                                     : existing.value("metadata"_L1).toObject().value("namespace"_L1).toString())
    , m_mode(existing.isEmpty() ? Mode::Create : Mode::Edit)
    , m_base(existing.isEmpty() ? QJsonObject{{u"apiVersion"_s, kind.apiVersion()},
                                              {u"kind"_s, kind.kind},
                                              {u"metadata"_s, QJsonObject{{u"namespace"_s, namespaceName}}},
                                              {u"spec"_s, QJsonObject()}}
                                : editableCopy(existing))
{
    setObjectName(u"objectForm:"_s + kind.kind);
    setWindowTitle(m_mode == Mode::Create ? tr("New %1 in %2").arg(kind.kind, m_namespace)
                                          : tr("Edit %1 %2/%3")
                                                .arg(kind.kind, m_namespace,
                                                     existing.value("metadata"_L1).toObject().value("name"_L1).toString()));
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(u"formBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c; padding: 6px; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"formTabs"_s);
    auto *formPage = new QWidget(m_tabs);
    m_form = new QFormLayout(formPage);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_tabs->addTab(formPage, tr("Form"));
    m_yaml = new QPlainTextEdit(m_tabs);
    m_yaml->setObjectName(u"yamlPreview"_s);
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_yaml, tr("YAML preview"));
    layout->addWidget(m_tabs, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"formStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    // The reload button sits outside the button box: the box shows every button it lays out,
    // and this one only makes sense after a conflict.
    auto *buttonRow = new QHBoxLayout;
    m_reload = new QPushButton(tr("Reload and reapply"), this);
    m_reload->setObjectName(u"reloadAndReapply"_s);
    m_reload->setToolTip(tr("Load the object as it is on the cluster now, put this form's values on it and apply again."));
    m_reload->hide();
    buttonRow->addWidget(m_reload);
    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(m_mode == Mode::Create ? tr("Create") : tr("Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(u"applyButton"_s);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    buttonRow->addWidget(buttons, 1);
    layout->addLayout(buttonRow);
    connect(m_apply, &QPushButton::clicked, this, &ObjectFormDialog::apply);
    connect(m_reload, &QPushButton::clicked, this, &ObjectFormDialog::reloadAndReapply);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { m_yaml->setPlainText(QString::fromUtf8(fd::helm::toYaml(buildObject()))); });
    resize(640, 620);
}

ObjectFormDialog::~ObjectFormDialog()
{
    *m_alive = false;
}

void ObjectFormDialog::initialize()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"field:name"_s);
    m_name->setPlaceholderText(tr("lower-case letters, digits and '-'"));
    addField(m_form, u"name"_s, tr("Name"), m_name, {u"metadata.name"_s});
    if (m_mode == Mode::Edit) {
        m_name->setText(m_base.value("metadata"_L1).toObject().value("name"_L1).toString());
        m_name->setReadOnly(true); // a rename is a new object: Kubernetes names are immutable
    }
    buildFields(m_form);
    if (m_mode == Mode::Edit)
        loadFields(m_base);
    watch(m_name);
    updateBanner();
    checkPermission();
    revalidate();
}

void ObjectFormDialog::addField(QFormLayout *layout, const QString &key, const QString &label, QWidget *editor,
                                const QStringList &jsonPaths)
{
    auto *row = new QWidget(this);
    auto *v = new QVBoxLayout(row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    auto *message = new QLabel(row);
    message->setObjectName(u"error:"_s + key);
    message->setWordWrap(true);
    message->setStyleSheet(u"QLabel { color: #b02a37; }"_s);
    message->hide();
    v->addWidget(message);
    layout->addRow(label, row);
    m_fields.append(Field{key, row, message, jsonPaths});
}

void ObjectFormDialog::setFieldVisible(const QString &key, bool visible)
{
    for (const Field &f : std::as_const(m_fields)) {
        if (f.key == key)
            m_form->setRowVisible(f.row, visible);
    }
}

void ObjectFormDialog::watch(QWidget *editor)
{
    // A change drops the server's message for that field: it was about the old value.
    const auto changed = [this, editor] {
        for (const Field &f : std::as_const(m_fields)) {
            if (f.row->isAncestorOf(editor))
                m_serverErrors.remove(f.key);
        }
        revalidate();
    };
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        connect(line, &QLineEdit::textChanged, this, changed);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentTextChanged, this, changed);
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        connect(spin, &QSpinBox::valueChanged, this, changed);
    else if (auto *button = qobject_cast<QAbstractButton *>(editor))
        connect(button, &QAbstractButton::toggled, this, changed);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        connect(text, &QPlainTextEdit::textChanged, this, changed);
}

fd::engine::ClusterSnapshotPtr ObjectFormDialog::snapshot() const
{
    return m_backend->snapshot();
}

QJsonObject ObjectFormDialog::buildObject() const
{
    QJsonObject object = m_base;
    if (m_mode == Mode::Create)
        fd::ui::forms::setJsonAt(object, u"metadata.name"_s, m_name ? m_name->text().trimmed() : QString());
    writeFields(object);
    return object;
}

QString ObjectFormDialog::fieldMessage(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.message->isHidden() ? QString() : f.message->text();
    }
    return {};
}

QString ObjectFormDialog::statusText() const
{
    return m_status->text();
}

QString ObjectFormDialog::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ObjectFormDialog::revalidate()
{
    fieldsChanged();
    m_localErrors = validateFields();
    if (m_mode == Mode::Create) {
        const QString nameError = fd::ui::forms::dnsLabelError(m_name->text().trimmed());
        if (!nameError.isEmpty())
            m_localErrors.insert(u"name"_s, nameError);
    }
    showMessages();
    if (m_localErrors.isEmpty() && m_status->text() == fixFieldsText())
        m_status->clear();
    if (m_tabs->currentWidget() == m_yaml)
        m_yaml->setPlainText(QString::fromUtf8(fd::helm::toYaml(buildObject())));
}

QString ObjectFormDialog::fixFieldsText() const
{
    return tr("Fix the marked fields first.");
}

void ObjectFormDialog::showMessages()
{
    for (const Field &f : std::as_const(m_fields)) {
        QString text = m_serverErrors.value(f.key);
        if (text.isEmpty())
            text = m_localErrors.value(f.key);
        f.message->setText(text);
        f.message->setHidden(text.isEmpty());
    }
    m_apply->setEnabled(!m_busy && m_missingPermission.isEmpty());
}

void ObjectFormDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_apply->setEnabled(!m_busy && m_missingPermission.isEmpty());
    m_reload->setEnabled(!busy);
}

void ObjectFormDialog::apply()
{
    if (m_busy)
        return;
    revalidate();
    if (!m_localErrors.isEmpty()) {
        m_status->setText(fixFieldsText());
        return;
    }
    m_reload->hide();
    setBusy(true);
    const auto alive = m_alive;
    prepareApply([this, alive](const QString &error) {
        if (!*alive)
            return;
        if (!error.isEmpty()) {
            setBusy(false);
            m_status->setText(error);
            Q_EMIT applyFailed(error);
            return;
        }
        m_status->setText(tr("Checking with the cluster (dry run)…"));
        const QJsonObject object = buildObject();
        auto future = m_mode == Mode::Create ? m_backend->createObject(object, true) : m_backend->replaceObject(object, true);
        fd::ui::forms::whenFinished(this, future, [this, alive](const fd::engine::CommandResult &r) {
            if (*alive)
                onResult(r, true);
        });
    });
}

void ObjectFormDialog::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void ObjectFormDialog::onResult(const fd::engine::CommandResult &result, bool dryRun)
{
    if (!result.ok) {
        setBusy(false);
        m_serverErrors.clear();
        QStringList unplaced;
        if (result.error) {
            for (const auto &cause : result.error->causes) {
                const QString key = fieldForPath(cause.field);
                const QString text = cause.message.isEmpty() ? cause.reason : cause.message;
                if (key.isEmpty())
                    unplaced << (cause.field.isEmpty() ? text : u"%1: %2"_s.arg(cause.field, text));
                else
                    m_serverErrors.insert(key, m_serverErrors.contains(key) ? m_serverErrors[key] + u'\n' + text : text);
            }
        }
        showMessages();
        QString status = dryRun ? tr("The cluster refused the dry run: %1").arg(result.message)
                                : tr("The cluster refused the change: %1").arg(result.message);
        if (!unplaced.isEmpty())
            status += u'\n' + unplaced.join(u'\n');
        const bool conflict = result.error && result.error->kind == fd::kube::ErrorKind::Conflict;
        if (conflict && m_mode == Mode::Edit)
            m_reload->show();
        m_status->setText(status);
        Q_EMIT applyFailed(result.message);
        return;
    }
    if (dryRun) {
        m_status->setText(tr("Dry run passed; applying…"));
        const QJsonObject object = buildObject();
        auto future = m_mode == Mode::Create ? m_backend->createObject(object, false) : m_backend->replaceObject(object, false);
        const auto alive = m_alive;
        fd::ui::forms::whenFinished(this, future, [this, alive](const fd::engine::CommandResult &r) {
            if (*alive)
                onResult(r, false);
        });
        return;
    }
    setBusy(false);
    m_status->setText(result.message);
    Q_EMIT applied(result.object, result.message);
    accept();
}

void ObjectFormDialog::reloadAndReapply()
{
    const QJsonObject meta = m_base.value("metadata"_L1).toObject();
    const QString name = meta.value("name"_L1).toString();
    const auto snap = snapshot();
    const fd::fission::FissionObject *current = nullptr;
    const fd::fission::FissionIndex &index = snap->index;
    const QString kind = m_kind.kind;
    if (kind == u"Environment")
        current = index.environments().get(m_namespace, name);
    else if (kind == u"Function")
        current = index.functions().get(m_namespace, name);
    else if (kind == u"HTTPTrigger")
        current = index.httpTriggers().get(m_namespace, name);
    else if (kind == u"TimeTrigger")
        current = index.timeTriggers().get(m_namespace, name);
    else if (kind == u"Package")
        current = index.packages().get(m_namespace, name);
    else if (kind == u"MessageQueueTrigger")
        current = index.messageQueueTriggers().get(m_namespace, name);
    else if (kind == u"KubernetesWatchTrigger")
        current = index.watchTriggers().get(m_namespace, name);
    if (!current) {
        m_status->setText(tr("%1 %2/%3 is gone from the cluster; nothing to reapply to.").arg(kind, m_namespace, name));
        return;
    }
    // The form's widgets still hold the user's values: only the base (and its resourceVersion)
    // is replaced, then the same values go on top of it.
    m_base = editableCopy(current->object.toJsonObject());
    m_reload->hide();
    apply();
}

QString ObjectFormDialog::fieldForPath(const QString &path) const
{
    if (path.isEmpty())
        return {};
    // The longest declared path that is a prefix of the server's path wins
    // ("spec.package.packageref.name" → the package field, not a generic "spec.package").
    QString best;
    qsizetype bestLength = -1;
    for (const Field &f : m_fields) {
        for (const QString &p : f.paths) {
            const bool matches = path == p || path.startsWith(p + u'.') || path.startsWith(p + u'[') || p.startsWith(path + u'.');
            if (matches && p.size() > bestLength) {
                best = f.key;
                bestLength = p.size();
            }
        }
    }
    return best;
}

void ObjectFormDialog::checkPermission()
{
    const QString verb = m_mode == Mode::Create ? u"create"_s : u"update"_s;
    const auto alive = m_alive;
    const QString resource = m_kind.gr.resource;
    const QString group = m_kind.gr.group;
    fd::ui::forms::whenFinished(this, m_backend->canI(verb, m_kind.gr, m_namespace), [this, alive, verb, resource, group](bool allowed) {
        if (!*alive || allowed)
            return;
        m_missingPermission = tr("%1 %2.%3 in %4").arg(verb, resource, group, m_namespace);
        m_apply->setEnabled(false);
        m_apply->setToolTip(tr("Missing permission: %1").arg(m_missingPermission));
        m_status->setText(tr("You cannot apply this form: missing permission %1.").arg(m_missingPermission));
    });
}

void ObjectFormDialog::updateBanner()
{
    const auto snap = snapshot();
    const fd::fission::Tenant *tenant = snap->tenants.tenant(m_namespace);
    const bool unknown = tenant && tenant->state == fd::fission::Tenant::State::Unknown;
    const bool notServed = !tenant || tenant->state == fd::fission::Tenant::State::NotWatched
        || tenant->state == fd::fission::Tenant::State::MissingNamespace;
    if (unknown || !notServed || snap->connection.state != fd::engine::ConnectionState::Live) {
        m_banner->hide();
        return;
    }
    m_banner->setText(tr("Fission does not watch the namespace %1: the cluster will store this %2, but Fission will "
                         "never build or serve it. Onboard the namespace as a tenant first.")
                          .arg(m_namespace, m_kind.kind));
    m_banner->show();
}

} // namespace ui
} // namespace fd

#include "moc_ObjectFormDialog.cpp"
