#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FormWidgets.h"
#include "ui/forms/JsonPath.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using namespace fd::ui::forms;

namespace {

const QStringList &httpMethods()
{
    static const QStringList methods{u"GET"_s, u"POST"_s, u"PUT"_s, u"DELETE"_s, u"PATCH"_s, u"HEAD"_s, u"OPTIONS"_s};
    return methods;
}

} // namespace

// ---- HTTP trigger ----------------------------------------------------------------------------

HttpTriggerForm::HttpTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing,
                                 QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::httpTriggers(), namespaceName, existing, parent)
{
    initialize();
}

void HttpTriggerForm::buildFields(QFormLayout *layout)
{
    m_function = namePicker(this, u"field:function"_s, namesOf(snapshot()->index.functions().inNamespace(namespaceName())));
    addField(layout, u"function"_s, tr("Function"), m_function, {u"spec.functionref"_s});
    auto *methods = new QWidget(this);
    auto *row = new QHBoxLayout(methods);
    row->setContentsMargins(0, 0, 0, 0);
    for (const QString &m : httpMethods()) {
        auto *box = new QCheckBox(m, methods);
        box->setObjectName(u"method:"_s + m);
        box->setChecked(m == u"GET");
        row->addWidget(box);
        m_methods << box;
        watch(box);
    }
    row->addStretch();
    addField(layout, u"methods"_s, tr("Methods"), methods, {u"spec.methods"_s, u"spec.method"_s});
    m_path = line(this, u"field:path"_s, tr("/hello"));
    addField(layout, u"path"_s, tr("Path"), m_path, {u"spec.relativeurl"_s, u"spec.prefix"_s});
    m_prefix = new QCheckBox(tr("Match every path under this prefix"), this);
    m_prefix->setObjectName(u"field:prefix"_s);
    addField(layout, u"prefix"_s, QString(), m_prefix, {});
    m_host = line(this, u"field:host"_s, tr("optional, e.g. api.example.com"));
    addField(layout, u"host"_s, tr("Host"), m_host, {u"spec.host"_s});
    m_ingress = new QCheckBox(tr("Create an Ingress for this route"), this);
    m_ingress->setObjectName(u"field:ingress"_s);
    addField(layout, u"ingress"_s, QString(), m_ingress, {u"spec.createingress"_s, u"spec.ingressconfig"_s});
    for (QWidget *w : {static_cast<QWidget *>(m_function), static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_prefix),
                       static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_ingress)})
        watch(w);
}

void HttpTriggerForm::loadFields(const QJsonObject &object)
{
    m_function->setEditText(jsonAt(object, u"spec.functionref.name"_s).toString());
    QStringList methods;
    for (const QJsonValue &v : jsonAt(object, u"spec.methods"_s).toArray())
        methods << v.toString();
    if (methods.isEmpty() && !jsonAt(object, u"spec.method"_s).toString().isEmpty())
        methods << jsonAt(object, u"spec.method"_s).toString();
    for (QCheckBox *box : std::as_const(m_methods))
        box->setChecked(methods.contains(box->text()));
    const QString prefix = jsonAt(object, u"spec.prefix"_s).toString();
    m_prefix->setChecked(!prefix.isEmpty());
    m_path->setText(prefix.isEmpty() ? jsonAt(object, u"spec.relativeurl"_s).toString() : prefix);
    m_host->setText(jsonAt(object, u"spec.host"_s).toString());
    m_ingress->setChecked(jsonAt(object, u"spec.createingress"_s).toBool());
}

void HttpTriggerForm::writeFields(QJsonObject &object) const
{
    // A plain-name reference: weights and aliases are kept only by editing them elsewhere.
    if (jsonAt(object, u"spec.functionref.type"_s).toString().isEmpty()
        || jsonAt(object, u"spec.functionref.type"_s).toString() == u"name")
        setJsonAt(object, u"spec.functionref.type"_s, u"name"_s);
    setJsonAt(object, u"spec.functionref.name"_s, m_function->currentText().trimmed());
    QJsonArray methods;
    for (const QCheckBox *box : m_methods) {
        if (box->isChecked())
            methods.append(box->text());
    }
    setJsonAt(object, u"spec.methods"_s, methods);
    setJsonAt(object, u"spec.method"_s, QJsonValue()); // deprecated single method: methods wins
    const QString path = m_path->text().trimmed();
    setJsonAt(object, u"spec.prefix"_s, m_prefix->isChecked() ? QJsonValue(path) : QJsonValue());
    setJsonAt(object, u"spec.relativeurl"_s, m_prefix->isChecked() ? QJsonValue() : QJsonValue(path));
    const QString host = m_host->text().trimmed();
    setJsonAt(object, u"spec.host"_s, host.isEmpty() ? QJsonValue() : QJsonValue(host));
    setJsonAt(object, u"spec.createingress"_s, m_ingress->isChecked() ? QJsonValue(true) : QJsonValue());
}

QHash<QString, QString> HttpTriggerForm::validateFields() const
{
    QHash<QString, QString> errors;
    const QString fn = referenceError(*snapshot(), u"Function"_s, namespaceName(), m_function->currentText().trimmed());
    if (!fn.isEmpty())
        errors.insert(u"function"_s, fn);
    bool anyMethod = false;
    for (const QCheckBox *box : m_methods)
        anyMethod = anyMethod || box->isChecked();
    if (!anyMethod)
        errors.insert(u"methods"_s, tr("Pick at least one method."));
    const QString path = httpPathError(m_path->text().trimmed());
    if (!path.isEmpty())
        errors.insert(u"path"_s, path);
    if (!m_host->text().trimmed().isEmpty()) {
        const QString host = dnsSubdomainError(m_host->text().trimmed());
        if (!host.isEmpty())
            errors.insert(u"host"_s, host);
    }
    return errors;
}

// ---- Time trigger ----------------------------------------------------------------------------

TimeTriggerForm::TimeTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing,
                                 QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::timeTriggers(), namespaceName, existing, parent)
{
    initialize();
}

void TimeTriggerForm::buildFields(QFormLayout *layout)
{
    m_function = namePicker(this, u"field:function"_s, namesOf(snapshot()->index.functions().inNamespace(namespaceName())));
    addField(layout, u"function"_s, tr("Function"), m_function, {u"spec.functionref"_s});
    m_cron = line(this, u"field:cron"_s, tr("*/5 * * * *  or  @every 1m"));
    m_cron->setText(u"*/5 * * * *"_s);
    addField(layout, u"cron"_s, tr("Schedule (cron)"), m_cron, {u"spec.cron"_s});
    m_reading = new QLabel(this);
    m_reading->setObjectName(u"cronReading"_s);
    m_reading->setWordWrap(true);
    m_reading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addRow(tr("Reads as"), m_reading);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"field:method"_s);
    m_method->addItems(httpMethods());
    m_method->setCurrentText(u"POST"_s); // the CRD's default
    addField(layout, u"method"_s, tr("Method"), m_method, {u"spec.method"_s});
    m_subpath = line(this, u"field:subpath"_s, u"/"_s);
    m_subpath->setText(u"/"_s);
    addField(layout, u"subpath"_s, tr("Sub-path"), m_subpath, {u"spec.subpath"_s});
    for (QWidget *w : {static_cast<QWidget *>(m_function), static_cast<QWidget *>(m_cron), static_cast<QWidget *>(m_method),
                       static_cast<QWidget *>(m_subpath)})
        watch(w);
}

QString TimeTriggerForm::scheduleReading() const
{
    return m_reading->text();
}

void TimeTriggerForm::fieldsChanged()
{
    const CronSchedule schedule = CronSchedule::parse(m_cron->text());
    if (!schedule.isValid()) {
        m_reading->setText(QString());
        return;
    }
    QStringList runs;
    for (const QDateTime &t : schedule.nextRuns(QDateTime::currentDateTimeUtc(), 5))
        runs << t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    m_reading->setText(tr("%1\nNext runs (UTC): %2").arg(schedule.describe(), runs.isEmpty() ? tr("none within five years") : runs.join(u", "_s)));
}

void TimeTriggerForm::loadFields(const QJsonObject &object)
{
    m_function->setEditText(jsonAt(object, u"spec.functionref.name"_s).toString());
    m_cron->setText(jsonAt(object, u"spec.cron"_s).toString());
    m_method->setCurrentText(jsonAt(object, u"spec.method"_s).toString(u"POST"_s));
    m_subpath->setText(jsonAt(object, u"spec.subpath"_s).toString(u"/"_s));
}

void TimeTriggerForm::writeFields(QJsonObject &object) const
{
    if (jsonAt(object, u"spec.functionref.type"_s).toString().isEmpty())
        setJsonAt(object, u"spec.functionref.type"_s, u"name"_s);
    setJsonAt(object, u"spec.functionref.name"_s, m_function->currentText().trimmed());
    setJsonAt(object, u"spec.cron"_s, m_cron->text().simplified());
    setJsonAt(object, u"spec.method"_s, m_method->currentText());
    setJsonAt(object, u"spec.subpath"_s, m_subpath->text().trimmed().isEmpty() ? u"/"_s : m_subpath->text().trimmed());
}

QHash<QString, QString> TimeTriggerForm::validateFields() const
{
    QHash<QString, QString> errors;
    const QString fn = referenceError(*snapshot(), u"Function"_s, namespaceName(), m_function->currentText().trimmed());
    if (!fn.isEmpty())
        errors.insert(u"function"_s, fn);
    const CronSchedule schedule = CronSchedule::parse(m_cron->text());
    if (!schedule.isValid())
        errors.insert(u"cron"_s, schedule.error());
    const QString sub = m_subpath->text().trimmed();
    if (!sub.isEmpty() && !sub.startsWith(u'/'))
        errors.insert(u"subpath"_s, tr("The sub-path must start with '/'."));
    return errors;
}

} // namespace ui
} // namespace fd
