#include "ui/forms/PackageArchive.h"

#include "sim/fissioninstall/ZipArchive.h"
#include "ui/UiTr.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::ui::forms {

using fd::ui::detail::translate;

PackageArchive readPackageArchive(const QString &path)
{
    PackageArchive archive;
    archive.path = path;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists()) {
        archive.error = translate("fd::ui::forms", "No file or folder at %1.").arg(path);
        return archive;
    }
    if (info.isFile()) {
        if (info.size() > kMaxArchiveBytes) {
            archive.error = translate("fd::ui::forms", "%1 is larger than %2.").arg(path, formatBytes(kMaxArchiveBytes));
            return archive;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            archive.error = translate("fd::ui::forms", "Cannot read %1: %2").arg(path, file.errorString());
            return archive;
        }
        archive.bytes = file.readAll();
        archive.fileName = info.fileName();
        archive.fileCount = 1;
        return archive;
    }
    QList<std::pair<QString, QByteArray>> files;
    const QDir root(path);
    QStringList relative;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        relative << root.relativeFilePath(it.next());
    std::sort(relative.begin(), relative.end());
    qint64 total = 0;
    for (const QString &name : std::as_const(relative)) {
        QFile file(root.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            archive.error = translate("fd::ui::forms", "Cannot read %1: %2").arg(file.fileName(), file.errorString());
            return archive;
        }
        total += file.size();
        if (total > kMaxArchiveBytes) {
            archive.error = translate("fd::ui::forms", "%1 holds more than %2.").arg(path, formatBytes(kMaxArchiveBytes));
            return archive;
        }
        files.append({name, file.readAll()});
    }
    if (files.isEmpty()) {
        archive.error = translate("fd::ui::forms", "The folder %1 holds no files.").arg(path);
        return archive;
    }
    archive.bytes = fd::sim::fissioninstall::zipArchive(files);
    archive.fileName = (info.fileName().isEmpty() ? u"archive"_s : info.fileName()) + u".zip"_s;
    archive.fileCount = static_cast<int>(files.size());
    archive.zipped = true;
    return archive;
}

QFuture<PackageArchive> readPackageArchiveAsync(const QString &path)
{
    return QtConcurrent::run(readPackageArchive, path);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return translate("fd::ui::forms", "%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return translate("fd::ui::forms", "%1 KiB").arg(QString::number(double(bytes) / 1024.0, 'f', 1));
    return translate("fd::ui::forms", "%1 MiB").arg(QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

} // namespace fd::ui::forms
