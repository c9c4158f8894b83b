#pragma once

#include "common/Expected.h"

#include <QByteArrayView>
#include <QString>

namespace fd::sim::proto {

// Protocol buffers wire types (https://protobuf.dev/programming-guides/encoding/).
enum class WireType : quint8 {
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

QString wireTypeName(WireType type);

// One field as it appears on the wire. `number` holds the varint or fixed value; `bytes`
// views the payload of a length-delimited field (it points into the reader's buffer).
struct WireField {
    quint32 fieldNumber = 0;
    WireType wireType = WireType::Varint;
    quint64 number = 0;
    QByteArrayView bytes;
    qsizetype bytesOffset = 0; // where `bytes` starts, counted like the reader's base offset
};

// Reads the fields of one protobuf message in order. Knows nothing about schemas: the
// Kubernetes decoder decides what each field means. Every read is bounds-checked, so
// truncated or hostile input ends in an error naming the byte offset, never a crash.
class ProtoReader {
public:
    // `baseOffset` is the position of `data` inside the whole body, so that errors in
    // nested messages still name an offset the reader of a hex dump can find.
    explicit ProtoReader(QByteArrayView data, qsizetype baseOffset = 0);

    bool atEnd() const { return m_pos >= m_data.size(); }
    // The next field; groups (wire types 3/4, unused by Kubernetes) are rejected.
    fd::Expected<WireField, QString> next();

private:
    fd::Expected<quint64, QString> readVarint();
    fd::Expected<quint64, QString> readFixed(int width);
    QString errorAt(qsizetype offset, const QString &what) const;

    QByteArrayView m_data;
    qsizetype m_base = 0;
    qsizetype m_pos = 0;
};

} // namespace fd::sim::proto
