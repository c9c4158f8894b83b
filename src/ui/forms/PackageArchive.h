#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>

// The archive a Package form sends, read from the user's disk off the GUI thread.
namespace fd::ui::forms {

// Fission's CLI inlines archives smaller than this as `literal` and uploads the others to the
// storage service (the webhook refuses bigger literals): fission-reference.md §1.
constexpr qint64 kLiteralArchiveLimit = 256 * 1024;
// Above this the form warns: every build and every cold start downloads the archive.
constexpr qint64 kLargeArchiveWarning = 16 * 1024 * 1024;
// Above this the form refuses to read (the stored-entry ZIP writer keeps sizes in 32 bits, and
// nobody means to send that much).
constexpr qint64 kMaxArchiveBytes = 512 * 1024 * 1024;

struct PackageArchive {
    QString path;       // what the user picked
    QByteArray bytes;   // what goes into the Package (or the upload)
    QString fileName;   // the name the upload carries ("hello.zip")
    int fileCount = 0;  // files inside (1 for a file taken as it is)
    bool zipped = false; // a folder zipped here (a file is sent as it is, as the CLI does)
    QString error;      // translated; set when nothing could be read

    bool ok() const { return error.isEmpty(); }
};

// A file is taken as it is (a .zip, or a single source file, as `fission package create --src
// file` does); a folder becomes a ZIP of every regular file under it, with paths relative to it,
// in a stable order (the same folder gives the same bytes, so the same checksum).
PackageArchive readPackageArchive(const QString &path);
// The same on a worker thread (QtConcurrent).
QFuture<PackageArchive> readPackageArchiveAsync(const QString &path);

// "12.3 KiB", "4.0 MiB".
QString formatBytes(qint64 bytes);

} // namespace fd::ui::forms
