#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QByteArrayView>

// gzip (RFC 1952) with zlib, for Helm release records. Decompression is bounded: it stops with
// TooLarge as soon as the output would exceed `maxOutputBytes`, before allocating it.

namespace fd::helm::gzip {

enum class GunzipError {
    NotGzip,   // no gzip magic
    Truncated, // the stream ended before the gzip trailer
    Corrupt,   // bad header, deflate data or CRC/length check
    TooLarge,  // output above the bound
};

bool hasGzipMagic(QByteArrayView data);

fd::Expected<QByteArray, GunzipError> gunzip(QByteArrayView data, qsizetype maxOutputBytes);

// Best compression (level 9), as Helm writes releases.
QByteArray gzipCompress(QByteArrayView data);

} // namespace fd::helm::gzip
