#include "FissionForms.h"

#include "fission/FissionIndex.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormValidation.h"
#include "ui/forms/FormWidgets.h"
#include "ui/forms/JsonPath.h"
#include "ui/forms/WhenFinished.h"

#include <QCryptographicHash>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using namespace fd::ui::forms;

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool archiveEmpty(const QJsonValue &archive)
{
    const QJsonObject a = archive.toObject();
    return a.value("literal"_L1).toString().isEmpty() && a.value("url"_L1).toString().isEmpty();
}

} // namespace

PackageForm::PackageForm(FormBackend *backend, const QString &namespaceName, const QJsonObject &existing, QWidget *parent)
    : ObjectFormDialog(backend, fd::fission::kinds::packages(), namespaceName, existing, parent)
{
    m_readDelay = new QTimer(this);
    m_readDelay->setSingleShot(true);
    m_readDelay->setInterval(300); // one read per pause in typing, not per key
    connect(m_readDelay, &QTimer::timeout, this, &PackageForm::readArchive);
    initialize();
}

void PackageForm::buildFields(QFormLayout *layout)
{
    const auto snap = snapshot();
    m_environment = namePicker(this, u"field:environment"_s, namesOf(snap->index.environments().inNamespace(namespaceName())));
    addField(layout, u"environment"_s, tr("Environment"), m_environment, {u"spec.environment"_s});

    m_role = new QComboBox(this);
    m_role->setObjectName(u"field:archiveRole"_s);
    m_role->addItem(tr("Source archive: the environment's builder builds it"), u"source"_s);
    m_role->addItem(tr("Deployment archive: runs as it is"), u"deployment"_s);
    addField(layout, u"archiveRole"_s, tr("Archive"), m_role, {});

    m_origin = new QComboBox(this);
    m_origin->setObjectName(u"field:origin"_s);
    m_origin->addItem(tr("A file or folder on this computer"), u"local"_s);
    m_origin->addItem(tr("A URL the cluster can download"), u"url"_s);
    addField(layout, u"origin"_s, tr("From"), m_origin, {});

    auto *pathRow = new QWidget(this);
    auto *pathLayout = new QHBoxLayout(pathRow);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    m_path = line(pathRow, u"field:path"_s, tr("a .zip, a single source file, or a folder to zip"));
    pathLayout->addWidget(m_path, 1);
    auto *pickFile = new QPushButton(tr("File…"), pathRow);
    pickFile->setObjectName(u"pickFile"_s);
    pathLayout->addWidget(pickFile);
    auto *pickFolder = new QPushButton(tr("Folder…"), pathRow);
    pickFolder->setObjectName(u"pickFolder"_s);
    pathLayout->addWidget(pickFolder);
    connect(pickFile, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Archive or source file"), m_path->text());
        if (!file.isEmpty())
            m_path->setText(file);
    });
    connect(pickFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to zip"), m_path->text());
        if (!dir.isEmpty())
            m_path->setText(dir);
    });
    addField(layout, u"path"_s, tr("File or folder"), pathRow, {u"spec.source.literal"_s, u"spec.deployment.literal"_s});
    m_size = new QLabel(this);
    m_size->setObjectName(u"archiveSize"_s);
    m_size->setWordWrap(true);
    addField(layout, u"size"_s, tr("Size"), m_size, {});

    m_url = line(this, u"field:url"_s, tr("https://example.com/hello.zip"));
    addField(layout, u"url"_s, tr("URL"), m_url, {u"spec.source.url"_s, u"spec.deployment.url"_s});
    m_checksum = line(this, u"field:checksum"_s, tr("SHA-256 of the archive, 64 hex digits (recommended)"));
    addField(layout, u"checksum"_s, tr("SHA-256"), m_checksum, {u"spec.source.checksum"_s, u"spec.deployment.checksum"_s});

    m_buildCommand = line(this, u"field:buildcmd"_s, tr("optional: the environment's builder command when empty"));
    addField(layout, u"buildcmd"_s, tr("Build command"), m_buildCommand, {u"spec.buildcmd"_s});

    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_archive.reset();
        m_readDelay->start();
    });
    for (QWidget *w : {static_cast<QWidget *>(m_environment), static_cast<QWidget *>(m_role), static_cast<QWidget *>(m_origin),
                       static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_checksum),
                       static_cast<QWidget *>(m_buildCommand)})
        watch(w);
}

void PackageForm::setEnvironment(const QString &name)
{
    m_environment->setEditText(name);
}

void PackageForm::setArchivePath(const QString &path)
{
    m_origin->setCurrentIndex(m_origin->findData(u"local"_s));
    m_path->setText(path);
}

bool PackageForm::isReadingArchive() const
{
    return m_readDelay->isActive() || m_reading;
}

qint64 PackageForm::archiveSize() const
{
    return m_archive ? m_archive->bytes.size() : -1;
}

QString PackageForm::sizeText() const
{
    return m_size->text();
}

bool PackageForm::local() const
{
    return m_origin->currentData().toString() == u"local";
}

QString PackageForm::role() const
{
    return m_role->currentData().toString();
}

bool PackageForm::needsUpload() const
{
    return local() && m_archive && m_archive->ok() && m_archive->bytes.size() >= kLiteralArchiveLimit;
}

void PackageForm::readArchive()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        refreshValidation();
        return;
    }
    m_reading = true;
    const int serial = ++m_readSerial;
    refreshValidation();
    whenFinished(this, readPackageArchiveAsync(path), [this, serial](const PackageArchive &archive) {
        if (serial != m_readSerial)
            return; // the user picked something else meanwhile
        m_reading = false;
        m_archive = archive;
        refreshValidation();
    });
}

void PackageForm::fieldsChanged()
{
    const bool isLocal = local();
    setFieldVisible(u"path"_s, isLocal);
    setFieldVisible(u"size"_s, isLocal);
    setFieldVisible(u"url"_s, !isLocal);
    setFieldVisible(u"checksum"_s, !isLocal);
    setFieldVisible(u"buildcmd"_s, role() == u"source");
    if (!isLocal)
        return;
    QString text;
    QString style;
    if (m_reading || m_readDelay->isActive()) {
        text = tr("Reading…");
    } else if (m_archive && m_archive->ok()) {
        const qint64 bytes = m_archive->bytes.size();
        QString what = formatBytes(bytes);
        if (m_archive->zipped) {
            what = m_archive->fileCount == 1 ? tr("%1 (a ZIP of one file)").arg(what)
                                             : tr("%1 (a ZIP of %2 files)").arg(what).arg(m_archive->fileCount);
        }
        text = bytes < kLiteralArchiveLimit
            ? tr("%1: sent inside the Package (literal).").arg(what)
            : tr("%1: uploaded to Fission's storage service when you apply, then referenced by URL.").arg(what);
        if (bytes > kLargeArchiveWarning) {
            text += u'\n'
                + tr("This is a large archive: every build and every new function pod downloads it. Leave out what the "
                     "function does not need (dependencies the builder installs, .git, test data).");
            style = u"QLabel { color: #997404; }"_s;
        }
    } else if (m_loadedLiteral > 0 && m_path->text().trimmed().isEmpty()) {
        text = tr("The archive stored in the Package now (%1); pick a file or folder to replace it.").arg(formatBytes(m_loadedLiteral));
    }
    m_size->setText(text);
    m_size->setStyleSheet(style);
}

void PackageForm::loadFields(const QJsonObject &object)
{
    m_environment->setEditText(jsonAt(object, u"spec.environment.name"_s).toString());
    const bool hasSource = !archiveEmpty(jsonAt(object, u"spec.source"_s));
    const QString key = hasSource ? u"source"_s : u"deployment"_s;
    m_role->setCurrentIndex(m_role->findData(key));
    const QJsonObject archive = jsonAt(object, u"spec."_s + key).toObject();
    const bool isUrl = archive.value("type"_L1).toString() == u"url" || !archive.value("url"_L1).toString().isEmpty();
    m_origin->setCurrentIndex(m_origin->findData(isUrl ? u"url"_s : u"local"_s));
    m_url->setText(archive.value("url"_L1).toString());
    m_checksum->setText(archive.value("checksum"_L1).toObject().value("sum"_L1).toString());
    m_loadedLiteral = QByteArray::fromBase64(archive.value("literal"_L1).toString().toLatin1()).size();
    m_loadedRole = key;
    m_loadedArchive = archive;
    m_buildCommand->setText(jsonAt(object, u"spec.buildcmd"_s).toString());
}

void PackageForm::writeFields(QJsonObject &object) const
{
    const QString ns = namespaceName();
    setJsonAt(object, u"spec.environment.namespace"_s, ns);
    setJsonAt(object, u"spec.environment.name"_s, m_environment->currentText().trimmed());
    const QString key = role();
    const QString other = key == u"source" ? u"deployment"_s : u"source"_s;
    QJsonObject archive;
    if (local()) {
        if (!m_archive || !m_archive->ok()) {
            // Nothing new picked: an edited Package keeps its archive.
            archive = jsonAt(object, u"spec."_s + key).toObject();
        } else if (needsUpload()) {
            const QString sum = sha256Of(m_archive->bytes);
            archive = {{u"type"_s, u"url"_s},
                       {u"url"_s, m_uploadedSha256 == sum ? m_uploadedUrl : QString()},
                       {u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, sum}}}};
        } else {
            archive = {{u"type"_s, u"literal"_s}, {u"literal"_s, QString::fromLatin1(m_archive->bytes.toBase64())}};
        }
    } else {
        archive = {{u"type"_s, u"url"_s}, {u"url"_s, m_url->text().trimmed()}};
        const QString sum = m_checksum->text().trimmed().toLower();
        if (!sum.isEmpty())
            archive.insert(u"checksum"_s, QJsonObject{{u"type"_s, u"sha256"_s}, {u"sum"_s, sum}});
    }
    setJsonAt(object, u"spec."_s + key, archive.isEmpty() ? QJsonValue() : QJsonValue(archive));
    // A Package is either built from source or deployed as it is: switching drops the other.
    if (mode() == Mode::Create || m_loadedRole != key)
        setJsonAt(object, u"spec."_s + other, QJsonValue());
    const QString cmd = key == u"source" ? m_buildCommand->text().trimmed() : QString();
    setJsonAt(object, u"spec.buildcmd"_s, cmd.isEmpty() ? QJsonValue() : QJsonValue(cmd));
    // A new source needs a new build: `fission package update --src` sets pending as well.
    if (mode() == Mode::Edit && key == u"source" && archive != m_loadedArchive)
        setJsonAt(object, u"status.buildstatus"_s, u"pending"_s);
}

QHash<QString, QString> PackageForm::validateFields() const
{
    QHash<QString, QString> errors;
    const QString env = referenceError(*snapshot(), u"Environment"_s, namespaceName(), m_environment->currentText().trimmed());
    if (!env.isEmpty())
        errors.insert(u"environment"_s, env);
    if (local()) {
        const bool keepsLoaded = mode() == Mode::Edit && m_path->text().trimmed().isEmpty();
        if (m_path->text().trimmed().isEmpty() && !keepsLoaded)
            errors.insert(u"path"_s, tr("Pick a file or a folder."));
        else if (isReadingArchive())
            errors.insert(u"path"_s, tr("Still reading the archive…"));
        else if (m_archive && !m_archive->ok())
            errors.insert(u"path"_s, m_archive->error);
        else if (m_archive && m_archive->bytes.isEmpty())
            errors.insert(u"path"_s, tr("The file is empty."));
    } else {
        const QString url = archiveUrlError(m_url->text().trimmed());
        if (!url.isEmpty())
            errors.insert(u"url"_s, url);
        const QString sum = sha256Error(m_checksum->text().trimmed());
        if (!sum.isEmpty())
            errors.insert(u"checksum"_s, sum);
    }
    return errors;
}

void PackageForm::prepareApply(std::function<void(const QString &)> proceed)
{
    if (!needsUpload() || m_uploadedSha256 == sha256Of(m_archive->bytes)) {
        proceed(QString());
        return;
    }
    const auto snap = snapshot();
    const fd::fission::FissionInstall *install = snap->install.primary();
    const QString fissionNamespace = install ? install->releaseNamespace : u"fission"_s;
    const QByteArray bytes = m_archive->bytes;
    setStatusText(tr("Uploading %1 to Fission's storage service in %2…").arg(formatBytes(bytes.size()), fissionNamespace));
    whenFinished(this, backend()->uploadArchive(fissionNamespace, bytes, m_archive->fileName),
                 [this, proceed = std::move(proceed), bytes](const fd::engine::CommandResult &result) {
                     if (!result.ok) {
                         proceed(result.message);
                         return;
                     }
                     m_uploadedUrl = result.object.value("url"_L1).toString();
                     m_uploadedSha256 = sha256Of(bytes);
                     proceed(QString());
                 });
}

} // namespace ui
} // namespace fd
