#include "sim/fissioninstall/ZipArchive.h"

#include <QtEndian>

#include <zlib.h>

namespace fd::sim::fissioninstall {

namespace {

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

// 1 January 2024, 12:00, in MS-DOS date/time form: a fixed stamp keeps archives (and so
// their checksums) reproducible.
constexpr quint16 kDosTime = 12 << 11;
constexpr quint16 kDosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;

} // namespace

QByteArray zipArchive(const QList<std::pair<QString, QByteArray>> &files)
{
    QByteArray archive;
    QByteArray directory;
    for (const auto &file : files) {
        // Plain references, not structured bindings: Clang 14 cannot capture those in a lambda.
        const QByteArray &content = file.second;
        const QByteArray fileName = file.first.toUtf8();
        const quint32 crc = static_cast<quint32>(
            crc32(0, reinterpret_cast<const Bytef *>(content.constData()), static_cast<uInt>(content.size())));
        const quint32 offset = static_cast<quint32>(archive.size());
        const auto header = [&](QByteArray &out, bool central) {
            put32(out, central ? 0x02014b50 : 0x04034b50);
            if (central)
                put16(out, 20); // made by: version 2.0
            put16(out, 20);     // needed to extract
            put16(out, 0x0800); // UTF-8 names
            put16(out, 0);      // stored
            put16(out, kDosTime);
            put16(out, kDosDate);
            put32(out, crc);
            put32(out, static_cast<quint32>(content.size()));
            put32(out, static_cast<quint32>(content.size()));
            put16(out, static_cast<quint16>(fileName.size()));
            put16(out, 0); // extra field
            if (central) {
                put16(out, 0);          // comment
                put16(out, 0);          // disk
                put16(out, 0);          // internal attributes
                put32(out, 0100644u << 16); // external attributes: a regular file, rw-r--r--
                put32(out, offset);
            }
            out.append(fileName);
        };
        header(archive, false);
        archive.append(content);
        header(directory, true);
    }
    const quint32 directoryOffset = static_cast<quint32>(archive.size());
    archive.append(directory);
    put32(archive, 0x06054b50);
    put16(archive, 0);
    put16(archive, 0);
    put16(archive, static_cast<quint16>(files.size()));
    put16(archive, static_cast<quint16>(files.size()));
    put32(archive, static_cast<quint32>(directory.size()));
    put32(archive, directoryOffset);
    put16(archive, 0);
    return archive;
}

} // namespace fd::sim::fissioninstall
