#pragma once

// The tests' own reading of a Helm release Secret (base64 twice, then gunzip): written
// independently of the encoder under test, as Helm's decodeRelease reads it.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

namespace fd::test {

inline QByteArray gunzip(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return {};
    QByteArray out;
    char buffer[16384];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof(buffer);
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, static_cast<qsizetype>(sizeof(buffer) - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

// `secretData` is data.release as the Secret's JSON carries it.
inline QJsonObject decodeReleaseSecretData(const QString &secretData, bool *gzipped = nullptr)
{
    const QByteArray helmText = QByteArray::fromBase64(secretData.toLatin1());
    const QByteArray compressed = QByteArray::fromBase64(helmText);
    if (gzipped)
        *gzipped = compressed.startsWith("\x1f\x8b\x08");
    return QJsonDocument::fromJson(gunzip(compressed)).object();
}

} // namespace fd::test
