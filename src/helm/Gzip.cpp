#include "helm/Gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace fd::helm::gzip {

namespace {

// windowBits 15 + 16: zlib reads and writes the gzip wrapper (header, CRC-32, size trailer).
constexpr int kGzipWindowBits = 15 + 16;
constexpr qsizetype kChunk = 64 * 1024;

} // namespace

bool hasGzipMagic(QByteArrayView data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
}

fd::Expected<QByteArray, GunzipError> gunzip(QByteArrayView data, qsizetype maxOutputBytes)
{
    if (!hasGzipMagic(data))
        return fd::Unexpected(GunzipError::NotGzip);
    if (data.size() > qsizetype(std::numeric_limits<uInt>::max()))
        return fd::Unexpected(GunzipError::TooLarge);

    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        return fd::Unexpected(GunzipError::Corrupt);
    // zlib's API is not const-correct; it never writes through next_in.
    stream.next_in = const_cast<Bytef *>(reinterpret_cast<const Bytef *>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());

    QByteArray output;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        const qsizetype room = maxOutputBytes - output.size();
        if (room <= 0) {
            // The bound is reached: inflate into a one-byte probe until the stream ends (exactly
            // the bound) or produces a byte (more than the bound).
            char probe = 0;
            stream.next_out = reinterpret_cast<Bytef *>(&probe);
            stream.avail_out = 1;
            status = inflate(&stream, Z_NO_FLUSH);
            if (stream.avail_out == 0) {
                inflateEnd(&stream);
                return fd::Unexpected(GunzipError::TooLarge);
            }
            if (status == Z_OK || status == Z_STREAM_END)
                continue;
            inflateEnd(&stream);
            return fd::Unexpected(status == Z_BUF_ERROR ? GunzipError::Truncated : GunzipError::Corrupt);
        }
        const qsizetype chunk = std::min(kChunk, room);
        const qsizetype before = output.size();
        output.resize(before + chunk);
        stream.next_out = reinterpret_cast<Bytef *>(output.data() + before);
        stream.avail_out = static_cast<uInt>(chunk);
        status = inflate(&stream, Z_NO_FLUSH);
        output.resize(before + chunk - qsizetype(stream.avail_out));
        if (status == Z_STREAM_END)
            break;
        if (status == Z_OK)
            continue;
        inflateEnd(&stream);
        // Z_BUF_ERROR: no progress possible. With output room left that means the input ran out
        // before the end of the stream.
        if (status == Z_BUF_ERROR)
            return fd::Unexpected(GunzipError::Truncated);
        return fd::Unexpected(GunzipError::Corrupt);
    }
    inflateEnd(&stream);
    return output;
}

QByteArray gzipCompress(QByteArrayView data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    stream.next_in = const_cast<Bytef *>(reinterpret_cast<const Bytef *>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    QByteArray output;
    output.resize(qsizetype(deflateBound(&stream, static_cast<uLong>(data.size()))));
    stream.next_out = reinterpret_cast<Bytef *>(output.data());
    stream.avail_out = static_cast<uInt>(output.size());
    const int status = deflate(&stream, Z_FINISH);
    output.resize(output.size() - qsizetype(stream.avail_out));
    deflateEnd(&stream);
    return status == Z_STREAM_END ? output : QByteArray();
}

} // namespace fd::helm::gzip
