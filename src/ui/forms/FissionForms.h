#pragma once

#include "ui/forms/ObjectFormDialog.h"
#include "ui/forms/PackageArchive.h"

#include <optional>

class QCheckBox;
class QMenu;
class QTimer;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fd {
namespace ui {

class PackageForm;

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

public:
    // Opens the Package form for a new package from a file or folder (the button beside the
    // package picker does the same); once it is created, the picker names it.
    PackageForm *openNewPackageForm();
    // Lists the namespace's secrets (`configMaps` false) or config maps by name through the
    // session and offers them in a menu of check boxes beside the field; returns the menu once
    // shown (for tests), null while loading.
    void pickMounts(bool configMaps);
    QMenu *mountMenu(bool configMaps) const { return configMaps ? m_configMapMenu : m_secretMenu; }

private:
    QString executor() const;
    void showMountMenu(bool configMaps, const QStringList &names);
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
    QStringList m_createdPackages; // made from this form: valid before the snapshot shows them
    std::optional<QStringList> m_secretNames;    // listed on demand; names only
    std::optional<QStringList> m_configMapNames;
    QMenu *m_secretMenu = nullptr;
    QMenu *m_configMapMenu = nullptr;
};

// Package: a source or deployment archive from a file or folder (read and zipped off the GUI
// thread, size shown, large ones warned about) or from a URL with its SHA-256; the build
// command; the environment. As Fission's CLI: archives under 256 KiB go inside the Package as
// `literal`, bigger ones are uploaded to the storage service through the API server's service
// proxy when the user applies, and the Package references them by URL with their checksum.
class PackageForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    PackageForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {}, QWidget *parent = nullptr);

    void setEnvironment(const QString &name);
    void setArchivePath(const QString &path);
    bool isReadingArchive() const;
    // Bytes of the archive read from disk, -1 when none.
    qint64 archiveSize() const;
    QString sizeText() const;
    // The storage service URL of the last upload (empty before one).
    QString uploadedUrl() const { return m_uploadedUrl; }

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;
    void prepareApply(std::function<void(const QString &error)> proceed) override;

private:
    bool local() const;
    QString role() const;
    bool needsUpload() const;
    void readArchive();

    QComboBox *m_environment = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_origin = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_size = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_checksum = nullptr;
    QLineEdit *m_buildCommand = nullptr;
    QTimer *m_readDelay = nullptr;
    std::optional<fd::ui::forms::PackageArchive> m_archive;
    bool m_reading = false;
    int m_readSerial = 0;
    qint64 m_loadedLiteral = 0;
    QString m_loadedRole;
    QJsonObject m_loadedArchive;
    QString m_uploadedUrl;
    QString m_uploadedSha256;
};

// Message-queue trigger: the queue kind (KEDA or Fission's own connector), the queue type, topic,
// response and error topics, retries, content type, KEDA metadata, the function.
class MessageQueueTriggerForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    MessageQueueTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {},
                            QWidget *parent = nullptr);

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;

private:
    QComboBox *m_function = nullptr;
    QComboBox *m_mqtKind = nullptr;
    QComboBox *m_queueType = nullptr;
    QLineEdit *m_topic = nullptr;
    QLineEdit *m_respTopic = nullptr;
    QLineEdit *m_errorTopic = nullptr;
    QSpinBox *m_maxRetries = nullptr;
    QComboBox *m_contentType = nullptr;
    QLineEdit *m_metadata = nullptr;
};

// Kubernetes watch trigger: the watched namespace, object type and label selector, the function.
class WatchTriggerForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    WatchTriggerForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing = {},
                     QWidget *parent = nullptr);

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &object) override;
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;

private:
    QComboBox *m_function = nullptr;
    QLineEdit *m_watchNamespace = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_labels = nullptr;
};

// A Function or Environment copied into another tenant: server fields stripped, namespace
// references pointed at the target, the name editable, applied through the form's dry run.
// References the target lacks (environment, package) are warned about, not refused: the user may
// duplicate those next.
class DuplicateObjectForm : public ObjectFormDialog
{
    Q_OBJECT
public:
    DuplicateObjectForm(FormBackend *backend, const QJsonObject &source, const QString &targetNamespace,
                        QWidget *parent = nullptr);
    QString warningText() const;

protected:
    void buildFields(QFormLayout *layout) override;
    void loadFields(const QJsonObject &) override {}
    void writeFields(QJsonObject &object) const override;
    QHash<QString, QString> validateFields() const override;
    void fieldsChanged() override;

private:
    QJsonObject m_copy;
    QLabel *m_warnings = nullptr;
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

// Opens the right form for a kind ("Function", "HTTPTrigger", "Environment", "TimeTrigger",
// "Package", "MessageQueueTrigger", "KubernetesWatchTrigger"), or nullptr for kinds without one.
ObjectFormDialog *createObjectForm(const QString &kind, FormBackend *backend, const QString &namespaceName,
                                   const QJsonObject &existing = {}, QWidget *parent = nullptr);

namespace forms {
// The object as it would be created in `targetNamespace`: server-owned metadata and status
// dropped, namespace references (environment, package, secrets, config maps) pointed at the
// target, a package's stale resourceversion dropped.
QJsonObject duplicateForNamespace(const QJsonObject &source, const QString &targetNamespace);
// Translated warnings about what `object` references that `snapshot` does not hold in its
// namespace (environment, package), one per line; empty when nothing is missing.
QStringList missingReferences(const fd::engine::ClusterSnapshot &snapshot, const QJsonObject &object);
} // namespace forms

} // namespace ui
} // namespace fd
