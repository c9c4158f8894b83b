#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FormWidgets.h"
#include "ui/forms/JsonPath.h"

#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using namespace fd::ui::forms;

namespace {

QString joinMap(const QJsonObject &map)
{
    QStringList parts;
    for (auto it = map.begin(); it != map.end(); ++it)
        parts << it.key() + u'=' + it.value().toString();
    return parts.join(u", "_s);
}

QJsonObject toJson(const QMap<QString, QString> &map)
{
    QJsonObject out;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

void setFunctionRef(QJsonObject &object, const QString &name)
{
    // A plain-name reference; weights and aliases an edited object carries stay.
    if (jsonAt(object, u"spec.functionref.type"_s).toString().isEmpty())
        setJsonAt(object, u"spec.functionref.type"_s, u"name"_s);
    setJsonAt(object, u"spec.functionref.name"_s, name);
}

} // namespace

// ---- Message-queue trigger -------------------------------------------------------------------

MessageQueueTriggerForm::MessageQueueTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing,
                                                 QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::messageQueueTriggers(), namespaceName, existing, parent)
{
    initialize();
}

void MessageQueueTriggerForm::buildFields(QFormLayout *layout)
{
    m_function = namePicker(this, u"field:function"_s, namesOf(snapshot()->index.functions().inNamespace(namespaceName())));
    addField(layout, u"function"_s, tr("Function"), m_function, {u"spec.functionref"_s});
    m_mqtKind = new QComboBox(this);
    m_mqtKind->setObjectName(u"field:mqtkind"_s);
    m_mqtKind->addItem(tr("KEDA scales a connector per trigger (keda)"), u"keda"_s);
    m_mqtKind->addItem(tr("Fission's own message-queue service (fission)"), u"fission"_s);
    addField(layout, u"mqtkind"_s, tr("Connector"), m_mqtKind, {u"spec.mqtkind"_s});
    // Editable: the list is the KEDA connectors Fission ships; the server judges others.
    m_queueType = new QComboBox(this);
    m_queueType->setObjectName(u"field:messageQueueType"_s);
    m_queueType->setEditable(true);
    m_queueType->addItems({u"kafka"_s, u"rabbitmq"_s, u"aws-sqs-queue"_s, u"aws-kinesis-stream"_s, u"gcp-pubsub"_s,
                           u"nats-jetstream"_s, u"stan"_s, u"redis"_s});
    addField(layout, u"messageQueueType"_s, tr("Queue type"), m_queueType, {u"spec.messageQueueType"_s});
    m_topic = line(this, u"field:topic"_s, tr("the topic or queue the function consumes"));
    addField(layout, u"topic"_s, tr("Topic"), m_topic, {u"spec.topic"_s});
    m_respTopic = line(this, u"field:respTopic"_s, tr("optional: where the function's answers go"));
    addField(layout, u"respTopic"_s, tr("Response topic"), m_respTopic, {u"spec.respTopic"_s});
    m_errorTopic = line(this, u"field:errorTopic"_s, tr("optional: where failed invocations go"));
    addField(layout, u"errorTopic"_s, tr("Error topic"), m_errorTopic, {u"spec.errorTopic"_s});
    m_maxRetries = spin(this, u"field:maxRetries"_s, 0, 100, 0);
    addField(layout, u"maxRetries"_s, tr("Retries"), m_maxRetries, {u"spec.maxRetries"_s});
    m_contentType = new QComboBox(this);
    m_contentType->setObjectName(u"field:contentType"_s);
    m_contentType->setEditable(true);
    m_contentType->addItems({u"application/json"_s, u"text/plain"_s, u"application/octet-stream"_s});
    addField(layout, u"contentType"_s, tr("Content type"), m_contentType, {u"spec.contentType"_s});
    m_metadata = line(this, u"field:metadata"_s, tr("KEDA scaler settings, e.g. bootstrapServers=my-kafka:9092, consumerGroup=fn"));
    addField(layout, u"metadata"_s, tr("Scaler metadata"), m_metadata, {u"spec.metadata"_s});
    for (QWidget *w : {static_cast<QWidget *>(m_function), static_cast<QWidget *>(m_mqtKind), static_cast<QWidget *>(m_queueType),
                       static_cast<QWidget *>(m_topic), static_cast<QWidget *>(m_respTopic), static_cast<QWidget *>(m_errorTopic),
                       static_cast<QWidget *>(m_maxRetries), static_cast<QWidget *>(m_contentType),
                       static_cast<QWidget *>(m_metadata)})
        watch(w);
}

void MessageQueueTriggerForm::fieldsChanged()
{
    setFieldVisible(u"metadata"_s, m_mqtKind->currentData().toString() == u"keda");
}

void MessageQueueTriggerForm::loadFields(const QJsonObject &object)
{
    m_function->setEditText(jsonAt(object, u"spec.functionref.name"_s).toString());
    const QString kind = jsonAt(object, u"spec.mqtkind"_s).toString(u"keda"_s);
    const int index = m_mqtKind->findData(kind);
    m_mqtKind->setCurrentIndex(index < 0 ? 0 : index);
    m_queueType->setCurrentText(jsonAt(object, u"spec.messageQueueType"_s).toString());
    m_topic->setText(jsonAt(object, u"spec.topic"_s).toString());
    m_respTopic->setText(jsonAt(object, u"spec.respTopic"_s).toString());
    m_errorTopic->setText(jsonAt(object, u"spec.errorTopic"_s).toString());
    m_maxRetries->setValue(jsonAt(object, u"spec.maxRetries"_s).toInt(0));
    m_contentType->setCurrentText(jsonAt(object, u"spec.contentType"_s).toString());
    m_metadata->setText(joinMap(jsonAt(object, u"spec.metadata"_s).toObject()));
}

void MessageQueueTriggerForm::writeFields(QJsonObject &object) const
{
    setFunctionRef(object, m_function->currentText().trimmed());
    const QString kind = m_mqtKind->currentData().toString();
    setJsonAt(object, u"spec.mqtkind"_s, kind);
    setJsonAt(object, u"spec.messageQueueType"_s, m_queueType->currentText().trimmed());
    setJsonAt(object, u"spec.topic"_s, m_topic->text().trimmed());
    const auto optional = [&object](const QString &path, const QString &value) {
        setJsonAt(object, path, value.isEmpty() ? QJsonValue() : QJsonValue(value));
    };
    optional(u"spec.respTopic"_s, m_respTopic->text().trimmed());
    optional(u"spec.errorTopic"_s, m_errorTopic->text().trimmed());
    setJsonAt(object, u"spec.maxRetries"_s, m_maxRetries->value());
    optional(u"spec.contentType"_s, m_contentType->currentText().trimmed());
    if (kind == u"keda") {
        QString error;
        const auto metadata = parseKeyValues(m_metadata->text(), &error, false);
        setJsonAt(object, u"spec.metadata"_s, metadata.isEmpty() ? QJsonValue() : QJsonValue(toJson(metadata)));
    }
}

QHash<QString, QString> MessageQueueTriggerForm::validateFields() const
{
    QHash<QString, QString> errors;
    const QString fn = referenceError(*snapshot(), u"Function"_s, namespaceName(), m_function->currentText().trimmed());
    if (!fn.isEmpty())
        errors.insert(u"function"_s, fn);
    const QString type = m_queueType->currentText().trimmed();
    if (type.isEmpty())
        errors.insert(u"messageQueueType"_s, tr("Pick the kind of queue."));
    else if (!dnsLabelError(type).isEmpty())
        errors.insert(u"messageQueueType"_s, tr("A queue type is a lower-case word such as kafka or rabbitmq."));
    const QString topic = m_topic->text().trimmed();
    const std::pair<QString, QString> topics[] = {{u"topic"_s, topic},
                                                  {u"respTopic"_s, m_respTopic->text().trimmed()},
                                                  {u"errorTopic"_s, m_errorTopic->text().trimmed()}};
    for (const auto &[key, value] : topics) {
        const QString e = topicError(value, key == u"topic");
        if (!e.isEmpty())
            errors.insert(key, e);
    }
    // A function that answers into the topic it consumes triggers itself forever.
    if (!topic.isEmpty() && m_respTopic->text().trimmed() == topic)
        errors.insert(u"respTopic"_s, tr("The response topic is the trigger's own topic: every answer would call the function again."));
    if (!topic.isEmpty() && m_errorTopic->text().trimmed() == topic)
        errors.insert(u"errorTopic"_s, tr("The error topic is the trigger's own topic: every failure would call the function again."));
    const QString ct = contentTypeError(m_contentType->currentText().trimmed());
    if (!ct.isEmpty())
        errors.insert(u"contentType"_s, ct);
    if (m_mqtKind->currentData().toString() == u"keda") {
        QString error;
        parseKeyValues(m_metadata->text(), &error, false);
        if (!error.isEmpty())
            errors.insert(u"metadata"_s, error);
    }
    return errors;
}

// ---- Kubernetes watch trigger ----------------------------------------------------------------

WatchTriggerForm::WatchTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing, QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::kubernetesWatchTriggers(), namespaceName, existing, parent)
{
    initialize();
}

void WatchTriggerForm::buildFields(QFormLayout *layout)
{
    m_function = namePicker(this, u"field:function"_s, namesOf(snapshot()->index.functions().inNamespace(namespaceName())));
    addField(layout, u"function"_s, tr("Function"), m_function, {u"spec.functionref"_s});
    m_watchNamespace = line(this, u"field:watchNamespace"_s);
    m_watchNamespace->setText(namespaceName());
    m_watchNamespace->setToolTip(tr("Newer Fission releases accept only the trigger's own namespace here."));
    addField(layout, u"watchNamespace"_s, tr("Watch namespace"), m_watchNamespace, {u"spec.namespace"_s});
    m_type = new QComboBox(this);
    m_type->setObjectName(u"field:type"_s);
    // kubewatcher's kinds (it upper-cases the type); the CLI writes them lower-case.
    m_type->addItem(tr("Pods"), u"pod"_s);
    m_type->addItem(tr("Services"), u"service"_s);
    m_type->addItem(tr("Replication controllers"), u"replicationcontroller"_s);
    m_type->addItem(tr("Jobs"), u"job"_s);
    addField(layout, u"type"_s, tr("Object type"), m_type, {u"spec.type"_s});
    m_labels = line(this, u"field:labelSelector"_s, tr("optional: app=web, tier=frontend"));
    addField(layout, u"labelSelector"_s, tr("Labels"), m_labels, {u"spec.labelselector"_s});
    for (QWidget *w : {static_cast<QWidget *>(m_function), static_cast<QWidget *>(m_watchNamespace), static_cast<QWidget *>(m_type),
                       static_cast<QWidget *>(m_labels)})
        watch(w);
}

void WatchTriggerForm::loadFields(const QJsonObject &object)
{
    m_function->setEditText(jsonAt(object, u"spec.functionref.name"_s).toString());
    m_watchNamespace->setText(jsonAt(object, u"spec.namespace"_s).toString(namespaceName()));
    const int index = m_type->findData(jsonAt(object, u"spec.type"_s).toString().toLower());
    m_type->setCurrentIndex(index < 0 ? 0 : index);
    m_labels->setText(joinMap(jsonAt(object, u"spec.labelselector"_s).toObject()));
}

void WatchTriggerForm::writeFields(QJsonObject &object) const
{
    setFunctionRef(object, m_function->currentText().trimmed());
    setJsonAt(object, u"spec.namespace"_s, m_watchNamespace->text().trimmed());
    const QString loaded = jsonAt(object, u"spec.type"_s).toString();
    // An edited trigger written as "POD" stays so when the type is unchanged.
    if (loaded.toLower() != m_type->currentData().toString())
        setJsonAt(object, u"spec.type"_s, m_type->currentData().toString());
    QString error;
    const auto labels = parseKeyValues(m_labels->text(), &error);
    setJsonAt(object, u"spec.labelselector"_s, labels.isEmpty() ? QJsonValue() : QJsonValue(toJson(labels)));
}

QHash<QString, QString> WatchTriggerForm::validateFields() const
{
    QHash<QString, QString> errors;
    const QString fn = referenceError(*snapshot(), u"Function"_s, namespaceName(), m_function->currentText().trimmed());
    if (!fn.isEmpty())
        errors.insert(u"function"_s, fn);
    const QString ns = dnsLabelError(m_watchNamespace->text().trimmed());
    if (!ns.isEmpty())
        errors.insert(u"watchNamespace"_s, ns);
    QString error;
    parseKeyValues(m_labels->text(), &error);
    if (!error.isEmpty())
        errors.insert(u"labelSelector"_s, error);
    return errors;
}

} // namespace ui
} // namespace fd
