#pragma once

#include "ui/forms/ObjectFormDialog.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fd {
namespace ui {

// Function: environment and package picked from the namespace, entry point, executor type with
// the fields each needs, concurrency, timeouts, secrets and config maps.
class FunctionForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    FunctionForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {}, QWidget *parent = nullptr);

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;

private:
    QString executor() const;
    QComboBox *m_environment = nullptr;
    QComboBox *m_package = nullptr;
    QLineEdit *m_entrypoint = nullptr;
    QComboBox *m_executor = nullptr;
    QLineEdit *m_image = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_minScale = nullptr;
    QSpinBox *m_maxScale = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QSpinBox *m_functionTimeout = nullptr;
    QSpinBox *m_idleTimeout = nullptr;
    QSpinBox *m_specializationTimeout = nullptr;
    QLineEdit *m_secrets = nullptr;
    QLineEdit *m_configMaps = nullptr;
    QString m_loadedPackage; // to drop a stale packageref.resourceversion when the package changes
};

// HTTP trigger: methods, path or prefix, host, the function it calls, ingress.
class HttpTriggerForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    HttpTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {},
                    QWidget *parent = nullptr);

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;

private:
    QList<QCheckBox *> m_methods;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_prefix = nullptr;
    QLineEdit *m_host = nullptr;
    QComboBox *m_function = nullptr;
    QCheckBox *m_ingress = nullptr;
};

// Environment: runtime and builder image (presets for the common Fission environments), version,
// pool size, resources, keeparchive, grace period, image pull secret, builder command.
class EnvironmentForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    EnvironmentForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {},
                    QWidget *parent = nullptr);

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;

private:
    void applyPreset(int index);
    QComboBox *m_preset = nullptr;
    QSpinBox *m_version = nullptr;
    QLineEdit *m_runtimeImage = nullptr;
    QLineEdit *m_builderImage = nullptr;
    QLineEdit *m_builderCommand = nullptr;
    QSpinBox *m_poolSize = nullptr;
    QLineEdit *m_cpuRequest = nullptr;
    QLineEdit *m_cpuLimit = nullptr;
    QLineEdit *m_memoryRequest = nullptr;
    QLineEdit *m_memoryLimit = nullptr;
    QCheckBox *m_keepArchive = nullptr;
    QSpinBox *m_gracePeriod = nullptr;
    QLineEdit *m_pullSecret = nullptr;
    QComboBox *m_functionsPerContainer = nullptr;
};

// Time trigger: cron with its plain-language reading and next five runs, the function, method
// and subpath.
class TimeTriggerForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    TimeTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {},
                    QWidget *parent = nullptr);
    QString scheduleReading() const;

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;

private:
    QLineEdit *m_cron = nullptr;
    QLabel *m_reading = nullptr;
    QComboBox *m_function = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_subpath = nullptr;
};

// Opens the right form for a kind ("Function", "HTTPTrigger", "Environment", "TimeTrigger"), or
// nullptr for kinds without one.
ObjectFormDialog *createObjectForm(const QString &kind, FormBackend *backend, const QString &namespaceName,
                                   const QJsonObject &existing = {}, QWidget *parent = nullptr);

} // namespace ui
} // namespace fd
