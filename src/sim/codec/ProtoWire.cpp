#include "sim/codec/ProtoWire.h"

namespace fd::sim::proto {

namespace {
// A varint carries 7 bits per byte, so a 64-bit value needs at most 10 bytes.
constexpr int kMaxVarintBytes = 10;
// Field numbers are 29-bit (protobuf reserves the top of the 32-bit tag for the wire type).
constexpr quint64 kMaxFieldNumber = (quint64(1) << 29) - 1;
} // namespace

QString wireTypeName(WireType type)
{
    switch (type) {
    case WireType::Varint: return QStringLiteral("varint");
    case WireType::Fixed64: return QStringLiteral("fixed64");
    case WireType::LengthDelimited: return QStringLiteral("length-delimited");
    case WireType::StartGroup: return QStringLiteral("start-group");
    case WireType::EndGroup: return QStringLiteral("end-group");
    case WireType::Fixed32: return QStringLiteral("fixed32");
    }
    return QStringLiteral("unknown");
}

ProtoReader::ProtoReader(QByteArrayView data, qsizetype baseOffset) : m_data(data), m_base(baseOffset) {}

QString ProtoReader::errorAt(qsizetype offset, const QString &what) const
{
    return QStringLiteral("protobuf: %1 at byte %2").arg(what).arg(m_base + offset);
}

fd::Expected<quint64, QString> ProtoReader::readVarint()
{
    const qsizetype start = m_pos;
    quint64 value = 0;
    for (int i = 0; i < kMaxVarintBytes; ++i) {
        if (m_pos >= m_data.size())
            return fd::Unexpected(errorAt(start, QStringLiteral("truncated varint")));
        const auto byte = static_cast<quint8>(m_data[m_pos++]);
        // The tenth byte may only contribute the single remaining bit.
        if (i == kMaxVarintBytes - 1 && byte > 1)
            return fd::Unexpected(errorAt(start, QStringLiteral("varint overflows 64 bits")));
        value |= quint64(byte & 0x7f) << (7 * i);
        if ((byte & 0x80) == 0)
            return value;
    }
    return fd::Unexpected(errorAt(start, QStringLiteral("varint longer than 10 bytes")));
}

fd::Expected<quint64, QString> ProtoReader::readFixed(int width)
{
    if (m_data.size() - m_pos < width)
        return fd::Unexpected(errorAt(m_pos, QStringLiteral("truncated fixed%1 value").arg(width * 8)));
    quint64 value = 0;
    for (int i = 0; i < width; ++i)
        value |= quint64(static_cast<quint8>(m_data[m_pos + i])) << (8 * i);
    m_pos += width;
    return value;
}

fd::Expected<WireField, QString> ProtoReader::next()
{
    const qsizetype tagOffset = m_pos;
    auto tag = readVarint();
    if (!tag)
        return fd::Unexpected(tag.error());
    const quint64 fieldNumber = *tag >> 3;
    if (fieldNumber == 0 || fieldNumber > kMaxFieldNumber)
        return fd::Unexpected(errorAt(tagOffset, QStringLiteral("invalid field number %1").arg(fieldNumber)));

    WireField field;
    field.fieldNumber = static_cast<quint32>(fieldNumber);
    field.wireType = static_cast<WireType>(*tag & 0x7);
    switch (field.wireType) {
    case WireType::Varint: {
        auto value = readVarint();
        if (!value)
            return fd::Unexpected(value.error());
        field.number = *value;
        return field;
    }
    case WireType::Fixed64:
    case WireType::Fixed32: {
        auto value = readFixed(field.wireType == WireType::Fixed64 ? 8 : 4);
        if (!value)
            return fd::Unexpected(value.error());
        field.number = *value;
        return field;
    }
    case WireType::LengthDelimited: {
        const qsizetype lengthOffset = m_pos;
        auto length = readVarint();
        if (!length)
            return fd::Unexpected(length.error());
        if (*length > quint64(m_data.size() - m_pos))
            return fd::Unexpected(errorAt(lengthOffset,
                QStringLiteral("field %1 claims %2 bytes but only %3 remain")
                    .arg(fieldNumber).arg(*length).arg(m_data.size() - m_pos)));
        field.bytes = m_data.sliced(m_pos, static_cast<qsizetype>(*length));
        field.bytesOffset = m_base + m_pos;
        m_pos += static_cast<qsizetype>(*length);
        return field;
    }
    case WireType::StartGroup:
    case WireType::EndGroup:
        break;
    }
    return fd::Unexpected(errorAt(tagOffset, QStringLiteral("unsupported wire type %1 for field %2")
                                                 .arg(int(*tag & 0x7)).arg(fieldNumber)));
}

} // namespace fd::sim::proto
