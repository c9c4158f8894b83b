#include "sim/codec/KubeProtobuf.h"

#include "sim/codec/KubeProtobufSchema.h"
#include "sim/codec/ProtoWire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <map>
#include <memory>

namespace fd::sim {

using proto::FieldKind;
using proto::FieldSchema;
using proto::MessageSchema;
using proto::ProtoReader;
using proto::WireField;
using proto::WireType;
using proto::ZeroValue;

namespace {

constexpr char kMagic[] = {'k', '8', 's', '\0'};
constexpr qsizetype kMagicSize = sizeof(kMagic);
const QLatin1String kProtobufContentType("application/vnd.kubernetes.protobuf");

using Result = fd::Expected<void, QString>;

struct Envelope {
    KubeProtobufType type;
    QByteArrayView raw;
    qsizetype rawOffset = 0;
    QString contentEncoding;
    QString contentType;
};

QString utf8(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes.data(), bytes.size());
}

// Walks a message, calling onField(field) for every field; stops at the first error.
template<typename OnField>
Result forEachField(QByteArrayView data, qsizetype offset, OnField onField)
{
    ProtoReader reader(data, offset);
    while (!reader.atEnd()) {
        auto field = reader.next();
        if (!field)
            return fd::Unexpected(field.error());
        if (Result r = onField(*field); !r)
            return r;
    }
    return {};
}

Result expectWireType(const WireField &field, WireType wanted, const QString &where)
{
    if (field.wireType == wanted)
        return {};
    return fd::Unexpected(QStringLiteral("protobuf: field %1 has wire type %2, expected %3")
                              .arg(where, proto::wireTypeName(field.wireType), proto::wireTypeName(wanted)));
}

fd::Expected<KubeProtobufType, QString> readTypeMeta(QByteArrayView data, qsizetype offset)
{
    KubeProtobufType type;
    Result r = forEachField(data, offset, [&type](const WireField &field) -> Result {
        if (field.fieldNumber != 1 && field.fieldNumber != 2)
            return {};
        if (Result wt = expectWireType(field, WireType::LengthDelimited, QStringLiteral("TypeMeta")); !wt)
            return wt;
        (field.fieldNumber == 1 ? type.apiVersion : type.kind) = utf8(field.bytes);
        return {};
    });
    if (!r)
        return fd::Unexpected(r.error());
    return type;
}

fd::Expected<Envelope, QString> readEnvelope(const QByteArray &body)
{
    if (!isKubeProtobuf(body))
        return fd::Unexpected(QStringLiteral("not a Kubernetes protobuf body: missing the \"k8s\\x00\" prefix"));
    Envelope envelope;
    Result r = forEachField(QByteArrayView(body).sliced(kMagicSize), kMagicSize, [&envelope](const WireField &field) -> Result {
        if (field.fieldNumber < 1 || field.fieldNumber > 4)
            return {}; // fields added to runtime.Unknown later are not ours to interpret
        if (Result wt = expectWireType(field, WireType::LengthDelimited, QStringLiteral("Unknown")); !wt)
            return wt;
        switch (field.fieldNumber) {
        case 1: {
            auto type = readTypeMeta(field.bytes, field.bytesOffset);
            if (!type)
                return fd::Unexpected(type.error());
            envelope.type = *type;
            break;
        }
        case 2:
            envelope.raw = field.bytes;
            envelope.rawOffset = field.bytesOffset;
            break;
        case 3: envelope.contentEncoding = utf8(field.bytes); break;
        case 4: envelope.contentType = utf8(field.bytes); break;
        }
        return {};
    });
    if (!r)
        return fd::Unexpected(r.error());
    if (envelope.type.kind.isEmpty())
        return fd::Unexpected(QStringLiteral("protobuf envelope names no kind"));
    if (envelope.type.apiVersion.isEmpty())
        return fd::Unexpected(QStringLiteral("protobuf envelope for kind \"%1\" names no apiVersion")
                                  .arg(envelope.type.kind));
    return envelope;
}

// metav1.Time marshals as RFC 3339 with whole seconds in UTC; the zero time (which Go
// writes as an empty message) as null.
fd::Expected<QJsonValue, QString> decodeTime(QByteArrayView data, qsizetype offset)
{
    if (data.isEmpty())
        return QJsonValue(QJsonValue::Null);
    qint64 seconds = 0;
    qint64 nanos = 0;
    Result r = forEachField(data, offset, [&](const WireField &field) -> Result {
        if (field.fieldNumber != 1 && field.fieldNumber != 2)
            return {};
        if (Result wt = expectWireType(field, WireType::Varint, QStringLiteral("Time")); !wt)
            return wt;
        if (field.fieldNumber == 1)
            seconds = static_cast<qint64>(field.number);
        else
            nanos = static_cast<qint32>(static_cast<qint64>(field.number)); // int32 is sign-extended
        return {};
    });
    if (!r)
        return fd::Unexpected(r.error());
    // Go normalises nanos into seconds (time.Unix); the JSON then drops the fraction.
    const qint64 carry = nanos >= 0 ? nanos / 1'000'000'000 : (nanos - 999'999'999) / 1'000'000'000;
    constexpr qint64 kYear0 = -62167219200;     // 0000-01-01T00:00:00Z
    constexpr qint64 kYear10000 = 253402300800; // 10000-01-01T00:00:00Z
    if (seconds < kYear0 || seconds >= kYear10000 || seconds + carry < kYear0 || seconds + carry >= kYear10000)
        return fd::Unexpected(QStringLiteral("protobuf: timestamp %1 is outside the years 0-9999").arg(seconds));
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds + carry, QTimeZone::utc());
    return QJsonValue(time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z'));
}

// metav1.FieldsV1 keeps its JSON verbatim in Raw (field 1); a missing Raw is null.
fd::Expected<QJsonValue, QString> decodeFieldsV1(QByteArrayView data, qsizetype offset)
{
    QByteArrayView raw;
    bool present = false;
    Result r = forEachField(data, offset, [&](const WireField &field) -> Result {
        if (field.fieldNumber != 1)
            return {};
        if (Result wt = expectWireType(field, WireType::LengthDelimited, QStringLiteral("FieldsV1.Raw")); !wt)
            return wt;
        raw = field.bytes;
        present = true;
        return {};
    });
    if (!r)
        return fd::Unexpected(r.error());
    if (!present)
        return QJsonValue(QJsonValue::Null);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return fd::Unexpected(QStringLiteral("protobuf: FieldsV1 does not hold a JSON object: %1")
                                  .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                                 : QStringLiteral("not an object")));
    return QJsonValue(doc.object());
}

// One message's fields on their way to JSON. Repeated fields and map entries arrive one
// at a time; rebuilding a QJsonArray or QJsonObject for each would make a body with many
// small entries quadratic, so they are collected here and turned into JSON once.
struct StagedMessage {
    std::map<const FieldSchema *, QJsonValue> scalars;
    std::map<const FieldSchema *, QJsonArray> lists;
    std::map<const FieldSchema *, std::map<QString, QJsonValue>> maps; // sorted: cheap to insert
    std::map<const FieldSchema *, std::unique_ptr<StagedMessage>> messages;

    QJsonObject toJson() const
    {
        QJsonObject object;
        for (const auto &[field, value] : scalars)
            object.insert(QLatin1String(field->jsonName), value);
        for (const auto &[field, list] : lists)
            object.insert(QLatin1String(field->jsonName), list);
        for (const auto &[field, entries] : maps) {
            QJsonObject map;
            for (const auto &[key, value] : entries)
                map.insert(key, value); // in key order: each insert appends
            object.insert(QLatin1String(field->jsonName), map);
        }
        for (const auto &[field, message] : messages)
            object.insert(QLatin1String(field->jsonName), message->toJson());
        return object;
    }
};

// Schema-driven message -> JSON. The schemas are not recursive, so the depth is bounded
// by the schema tables themselves.
class MessageDecoder {
public:
    Result decode(const MessageSchema &schema, QByteArrayView data, qsizetype offset, StagedMessage &out)
    {
        return forEachField(data, offset, [&](const WireField &wire) -> Result {
            const FieldSchema *field = schema.field(wire.fieldNumber);
            if (!field)
                return {}; // unknown fields are skipped, as Go's generated code does
            return decodeField(schema, *field, wire, out);
        });
    }

private:
    static QString where(const MessageSchema &schema, const FieldSchema &field)
    {
        return QLatin1String(schema.name) + QLatin1Char('.') + QLatin1String(field.jsonName);
    }

    static WireType wireTypeOf(FieldKind kind)
    {
        return kind == FieldKind::Bool || kind == FieldKind::Int64 ? WireType::Varint : WireType::LengthDelimited;
    }

    static QJsonValue scalarValue(FieldKind kind, const WireField &wire)
    {
        switch (kind) {
        case FieldKind::String: return utf8(wire.bytes);
        case FieldKind::Bytes: return QString::fromLatin1(wire.bytes.toByteArray().toBase64());
        case FieldKind::Bool: return wire.number != 0;
        case FieldKind::Int64: return static_cast<qint64>(wire.number);
        default: return {};
        }
    }

    static bool isZero(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::String: return value.toString().isEmpty();
        case QJsonValue::Bool: return !value.toBool();
        case QJsonValue::Double: return value.toInteger() == 0;
        default: return false;
        }
    }

    Result decodeField(const MessageSchema &schema, const FieldSchema &field, const WireField &wire, StagedMessage &out)
    {
        if (Result wt = expectWireType(wire, wireTypeOf(field.kind), where(schema, field)); !wt)
            return wt;
        switch (field.kind) {
        case FieldKind::String:
        case FieldKind::Bytes:
        case FieldKind::Bool:
        case FieldKind::Int64: {
            const QJsonValue value = scalarValue(field.kind, wire);
            if (field.repeated)
                out.lists[&field].append(value);
            else if (field.zero == ZeroValue::Keep || !isZero(value))
                out.scalars[&field] = value;
            else
                out.scalars.erase(&field); // a later zero overrides an earlier value (last one wins)
            return {};
        }
        case FieldKind::Message: {
            if (field.repeated) {
                StagedMessage item;
                if (Result r = decode(*field.message, wire.bytes, wire.bytesOffset, item); !r)
                    return r;
                out.lists[&field].append(item.toJson());
                return {};
            }
            // A repeated occurrence of a singular message merges into the first (protobuf rule).
            std::unique_ptr<StagedMessage> &message = out.messages[&field];
            if (!message)
                message = std::make_unique<StagedMessage>();
            return decode(*field.message, wire.bytes, wire.bytesOffset, *message);
        }
        case FieldKind::Time:
        case FieldKind::FieldsV1: {
            auto value = field.kind == FieldKind::Time ? decodeTime(wire.bytes, wire.bytesOffset)
                                                       : decodeFieldsV1(wire.bytes, wire.bytesOffset);
            if (!value)
                return fd::Unexpected(QStringLiteral("%1: %2").arg(where(schema, field), value.error()));
            out.scalars[&field] = *value;
            return {};
        }
        case FieldKind::StringMap:
        case FieldKind::BytesMap:
        case FieldKind::StringListMap:
            return decodeMapEntry(schema, field, wire, out.maps[&field]);
        }
        return {};
    }

    // A map entry is a message {key=1, value=2}; either may be missing (then it is empty).
    Result decodeMapEntry(const MessageSchema &schema, const FieldSchema &field, const WireField &entry,
                          std::map<QString, QJsonValue> &map)
    {
        QString entryKey;
        QJsonValue entryValue = field.kind == FieldKind::StringListMap ? QJsonValue(QJsonArray()) : QJsonValue(QString());
        const QString context = where(schema, field);
        Result r = forEachField(entry.bytes, entry.bytesOffset, [&](const WireField &wire) -> Result {
            if (wire.fieldNumber != 1 && wire.fieldNumber != 2)
                return {};
            if (Result wt = expectWireType(wire, WireType::LengthDelimited, context); !wt)
                return wt;
            if (wire.fieldNumber == 1) {
                entryKey = utf8(wire.bytes);
                return {};
            }
            switch (field.kind) {
            case FieldKind::BytesMap: entryValue = scalarValue(FieldKind::Bytes, wire); return {};
            case FieldKind::StringListMap: {
                auto items = decodeStringList(wire, context);
                if (!items)
                    return fd::Unexpected(items.error());
                entryValue = *items;
                return {};
            }
            default: entryValue = utf8(wire.bytes); return {};
            }
        });
        if (!r)
            return r;
        map[entryKey] = entryValue; // a repeated key: the last one wins, as in Go
        return {};
    }

    // authentication/v1 ExtraValue: {repeated string items = 1}, a plain list in JSON.
    static fd::Expected<QJsonArray, QString> decodeStringList(const WireField &list, const QString &context)
    {
        QJsonArray items;
        Result r = forEachField(list.bytes, list.bytesOffset, [&](const WireField &wire) -> Result {
            if (wire.fieldNumber != 1)
                return {};
            if (Result wt = expectWireType(wire, WireType::LengthDelimited, context); !wt)
                return wt;
            items.append(utf8(wire.bytes));
            return {};
        });
        if (!r)
            return fd::Unexpected(r.error());
        return items;
    }
};

} // namespace

bool isKubeProtobuf(const QByteArray &body)
{
    return body.size() >= kMagicSize && QByteArrayView(body).first(kMagicSize) == QByteArrayView(kMagic, kMagicSize);
}

fd::Expected<KubeProtobufType, QString> peekKubeProtobufType(const QByteArray &body)
{
    auto envelope = readEnvelope(body);
    if (!envelope)
        return fd::Unexpected(envelope.error());
    return envelope->type;
}

bool canDecodeKubeProtobuf(const KubeProtobufType &type)
{
    return proto::schemaForKind(type.apiVersion, type.kind) != nullptr;
}

fd::Expected<QJsonObject, QString> decodeKubeProtobuf(const QByteArray &body)
{
    auto envelope = readEnvelope(body);
    if (!envelope)
        return fd::Unexpected(envelope.error());
    if (!envelope->contentEncoding.isEmpty())
        return fd::Unexpected(QStringLiteral("unsupported protobuf content encoding \"%1\"").arg(envelope->contentEncoding));
    if (!envelope->contentType.isEmpty() && envelope->contentType != kProtobufContentType)
        return fd::Unexpected(QStringLiteral("unsupported protobuf content type \"%1\"").arg(envelope->contentType));

    const KubeProtobufType &type = envelope->type;
    const MessageSchema *schema = proto::schemaForKind(type.apiVersion, type.kind);
    if (!schema)
        return fd::Unexpected(QStringLiteral("no protobuf decoder for kind \"%1\" (apiVersion \"%2\"); send it as JSON")
                                  .arg(type.kind, type.apiVersion));

    StagedMessage staged;
    MessageDecoder decoder;
    if (Result r = decoder.decode(*schema, envelope->raw, envelope->rawOffset, staged); !r)
        return fd::Unexpected(QStringLiteral("decoding %1 %2: %3").arg(type.apiVersion, type.kind, r.error()));
    QJsonObject object = staged.toJson();
    object.insert(QStringLiteral("apiVersion"), type.apiVersion);
    object.insert(QStringLiteral("kind"), type.kind);
    return object;
}

} // namespace fd::sim
