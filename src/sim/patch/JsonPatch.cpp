#include "sim/patch/JsonPatch.h"

#include "sim/patch/JsonSupport.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace fd::sim {

namespace {

constexpr int kMaxOperations = 10000;
// GenericAPIServer bounds the bytes that `copy` operations may add (JSONPatchMaxCopyBytes).
constexpr qint64 kMaxAccumulatedCopyBytes = 3 * 1024 * 1024;

// strconv.Atoi: optional sign, decimal digits, no overflow.
std::optional<qint64> goAtoi(const QString &text)
{
    int position = 0;
    bool negative = false;
    if (!text.isEmpty() && (text.at(0) == QLatin1Char('+') || text.at(0) == QLatin1Char('-'))) {
        negative = text.at(0) == QLatin1Char('-');
        position = 1;
    }
    if (position >= text.size() || text.size() - position > 18)
        return std::nullopt;
    qint64 value = 0;
    for (; position < text.size(); ++position) {
        const QChar c = text.at(position);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    return negative ? -value : value;
}

QString decodePointerToken(const QString &token)
{
    // Left-to-right and non-overlapping, so "~01" decodes to "~1" as RFC 6901 wants.
    QString out;
    out.reserve(token.size());
    for (int i = 0; i < token.size(); ++i) {
        if (token.at(i) == QLatin1Char('~') && i + 1 < token.size()) {
            if (token.at(i + 1) == QLatin1Char('1')) {
                out.append(QLatin1Char('/'));
                ++i;
                continue;
            }
            if (token.at(i + 1) == QLatin1Char('0')) {
                out.append(QLatin1Char('~'));
                ++i;
                continue;
            }
        }
        out.append(token.at(i));
    }
    return out;
}

QString invalidIndex(qint64 index)
{
    return QStringLiteral("Unable to access invalid index: %1: invalid index referenced").arg(index);
}

// Resolves an existing element index (get/set/remove), negative ones from the end.
fd::Expected<qsizetype, QString> existingIndex(const QString &key, qsizetype size)
{
    const auto parsed = goAtoi(key);
    if (!parsed)
        return fd::Unexpected(QStringLiteral("strconv.Atoi: parsing %1: invalid syntax").arg(goQuote(key)));
    qint64 index = *parsed;
    if (index < 0) {
        if (index < -size)
            return fd::Unexpected(invalidIndex(index));
        index += size;
    }
    if (index >= size)
        return fd::Unexpected(invalidIndex(index));
    return static_cast<qsizetype>(index);
}

// One JSON pointer split as evanphx does: the part before the first "/" is ignored, the
// last token names the key inside the container reached by the others.
struct Pointer {
    QStringList parents;
    QString key;
    bool valid = false;
};

Pointer splitPointer(const QString &path)
{
    const QStringList split = path.split(QLatin1Char('/'));
    Pointer pointer;
    if (split.size() < 2)
        return pointer;
    for (qsizetype i = 1; i + 1 < split.size(); ++i)
        pointer.parents.append(decodePointerToken(split.at(i)));
    pointer.key = decodePointerToken(split.last());
    pointer.valid = true;
    return pointer;
}

// The operation applied to the container that holds the addressed key. Returns an error
// text or an empty string.
using ContainerAction = std::function<QString(QJsonValue &container, const QString &key)>;

enum class Reach { Done, MissingContainer, ActionFailed };

// Walks down `parents` (modifying copies and writing them back on the way up, as Qt's
// containers are values) and runs `action` on the container at the end.
Reach withContainer(QJsonValue &node, const QStringList &parents, qsizetype depth, const ContainerAction &action,
                    QString *error)
{
    if (depth == parents.size()) {
        *error = action(node, {});
        return error->isEmpty() ? Reach::Done : Reach::ActionFailed;
    }
    const QString &part = parents.at(depth);
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        QJsonValue child = object.value(part);
        if (!patchjson::isContainer(child))
            return Reach::MissingContainer;
        node = QJsonValue(); // drop our reference so the child can be changed in place
        object.remove(part);
        const Reach reach = withContainer(child, parents, depth + 1, action, error);
        object.insert(part, child);
        node = object;
        return reach;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = existingIndex(part, array.size());
        if (!index)
            return Reach::MissingContainer;
        QJsonValue child = array.at(index.value());
        if (!patchjson::isContainer(child))
            return Reach::MissingContainer;
        node = QJsonValue();
        array.replace(index.value(), QJsonValue());
        const Reach reach = withContainer(child, parents, depth + 1, action, error);
        array.replace(index.value(), child);
        node = array;
        return reach;
    }
    return Reach::MissingContainer;
}

// Container primitives with evanphx's semantics. `key` is the decoded last token.
QString containerAdd(QJsonValue &container, const QString &key, const QJsonValue &value)
{
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        container = QJsonValue();
        object.insert(key, value);
        container = object;
        return {};
    }
    QJsonArray array = container.toArray();
    if (key == QLatin1String("-")) {
        container = QJsonValue();
        array.append(value);
        container = array;
        return {};
    }
    const auto parsed = goAtoi(key);
    if (!parsed)
        return QStringLiteral("value was not a proper array index: '%1': strconv.Atoi: parsing %2: invalid syntax")
            .arg(key, goQuote(key));
    const qsizetype grownSize = array.size() + 1;
    qint64 index = *parsed;
    if (index >= grownSize)
        return invalidIndex(index);
    if (index < 0) {
        if (index < -grownSize)
            return invalidIndex(index);
        index += grownSize;
    }
    container = QJsonValue();
    array.insert(static_cast<qsizetype>(index), value);
    container = array;
    return {};
}

// get: a missing object key is "nil" without error, as partialDoc.get does.
fd::Expected<QJsonValue, QString> containerGet(const QJsonValue &container, const QString &key)
{
    if (container.isObject())
        return container.toObject().value(key); // Undefined when missing
    const QJsonArray array = container.toArray();
    const auto index = existingIndex(key, array.size());
    if (!index)
        return fd::Unexpected(index.error());
    return array.at(index.value());
}

QString containerRemove(QJsonValue &container, const QString &key)
{
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        if (!object.contains(key))
            return QStringLiteral("Unable to remove nonexistent key: %1: missing value").arg(key);
        container = QJsonValue();
        object.remove(key);
        container = object;
        return {};
    }
    QJsonArray array = container.toArray();
    const auto index = existingIndex(key, array.size());
    if (!index)
        return index.error();
    container = QJsonValue();
    array.removeAt(index.value());
    container = array;
    return {};
}

QString containerSet(QJsonValue &container, const QString &key, const QJsonValue &value)
{
    if (container.isObject())
        return containerAdd(container, key, value);
    QJsonArray array = container.toArray();
    const auto index = existingIndex(key, array.size());
    if (!index)
        return index.error();
    container = QJsonValue();
    array.replace(index.value(), value);
    container = array;
    return {};
}

// A JSON null or a missing key both read as Go's nil node.
bool isNil(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

class Patcher {
public:
    explicit Patcher(QJsonValue document) : m_document(std::move(document)) {}

    QString apply(const QJsonValue &operation)
    {
        const QJsonObject op = operation.toObject();
        const QString kind = stringMember(op, QStringLiteral("op")).value_or(QStringLiteral("unknown"));
        if (kind == QLatin1String("add"))
            return add(op);
        if (kind == QLatin1String("remove"))
            return remove(op);
        if (kind == QLatin1String("replace"))
            return replace(op);
        if (kind == QLatin1String("move"))
            return move(op);
        if (kind == QLatin1String("test"))
            return test(op);
        if (kind == QLatin1String("copy"))
            return copy(op);
        return QStringLiteral("Unexpected kind: %1").arg(kind);
    }

    const QJsonValue &document() const { return m_document; }

private:
    static std::optional<QString> stringMember(const QJsonObject &op, const QString &name)
    {
        const QJsonValue value = op.value(name);
        if (!value.isString())
            return std::nullopt;
        return value.toString();
    }

    // Operation.Path(): a missing/null field is ErrMissing, a non-string a decode error.
    static fd::Expected<QString, QString> pathMember(const QJsonObject &op, const QString &name)
    {
        const QJsonValue value = op.value(name);
        if (isNil(value)) {
            return fd::Unexpected(name == QLatin1String("path")
                                      ? QStringLiteral("operation missing path field: missing value")
                                      : QStringLiteral("operation, missing from field: missing value"));
        }
        if (!value.isString())
            return fd::Unexpected(QStringLiteral("json: cannot unmarshal %1 into Go value of type string")
                                      .arg(value.isObject() ? QStringLiteral("object")
                                                            : value.isArray() ? QStringLiteral("array")
                                                                              : value.isBool() ? QStringLiteral("bool")
                                                                                               : QStringLiteral("number")));
        return value.toString();
    }

    static QJsonValue valueMember(const QJsonObject &op)
    {
        const QJsonValue value = op.value(QStringLiteral("value"));
        return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
    }

    // Inserting `value` below `pointer` must keep the document within the depth bound; the
    // check looks at the inserted value only, so long patches stay linear.
    static bool tooDeep(const Pointer &pointer, const QJsonValue &value)
    {
        const int room = patchjson::kMaxDepth - static_cast<int>(pointer.parents.size()) - 1;
        return room < 0 || patchjson::exceedsDepth(value, room);
    }

    static QString tooDeepError()
    {
        return QStringLiteral("patched document nests deeper than %1 levels").arg(patchjson::kMaxDepth);
    }

    Reach onContainer(const Pointer &pointer, const ContainerAction &action, QString *error)
    {
        if (!pointer.valid)
            return Reach::MissingContainer;
        return withContainer(m_document, pointer.parents, 0,
                             [&](QJsonValue &container, const QString &) { return action(container, pointer.key); },
                             error);
    }

    QString add(const QJsonObject &op)
    {
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("add operation failed to decode path: missing value");
        const QJsonValue value = valueMember(op);
        const Pointer pointer = splitPointer(path.value());
        if (tooDeep(pointer, value))
            return tooDeepError();
        QString error;
        const Reach reach = onContainer(pointer,
                                        [&](QJsonValue &c, const QString &key) { return containerAdd(c, key, value); },
                                        &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("add operation does not apply: doc is missing path: \"%1\": missing value").arg(path.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in add for path: '%1': %2").arg(path.value(), error);
        return {};
    }

    QString remove(const QJsonObject &op)
    {
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("remove operation failed to decode path: missing value");
        QString error;
        const Reach reach = onContainer(splitPointer(path.value()), containerRemove, &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("remove operation does not apply: doc is missing path: \"%1\": missing value").arg(path.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in remove for path: '%1': %2").arg(path.value(), error);
        return {};
    }

    QString replace(const QJsonObject &op)
    {
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("replace operation failed to decode path: %1").arg(path.error());
        const QJsonValue value = valueMember(op);
        if (path.value().isEmpty()) {
            if (!patchjson::isContainer(value))
                return QStringLiteral("replace operation value must be object or array");
            m_document = value;
            return {};
        }
        const Pointer pointer = splitPointer(path.value());
        if (tooDeep(pointer, value))
            return tooDeepError();
        QString error;
        bool keyMissing = false;
        const Reach reach = onContainer(pointer,
                                        [&](QJsonValue &c, const QString &key) {
                                            if (!containerGet(c, key)) {
                                                keyMissing = true;
                                                return QStringLiteral("missing");
                                            }
                                            return containerSet(c, key, value);
                                        },
                                        &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("replace operation does not apply: doc is missing path: %1: missing value").arg(path.value());
        if (keyMissing)
            return QStringLiteral("replace operation does not apply: doc is missing key: %1: missing value").arg(path.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in remove for path: '%1': %2").arg(path.value(), error);
        return {};
    }

    QString move(const QJsonObject &op)
    {
        const auto from = pathMember(op, QStringLiteral("from"));
        if (!from)
            return QStringLiteral("move operation failed to decode from: %1").arg(from.error());
        const Pointer fromPointer = splitPointer(from.value());
        QJsonValue moved;
        QString error;
        const Reach reach = onContainer(fromPointer,
                                        [&](QJsonValue &c, const QString &key) {
                                            auto value = containerGet(c, key);
                                            if (!value)
                                                return value.error();
                                            moved = value.value();
                                            return containerRemove(c, key);
                                        },
                                        &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("move operation does not apply: doc is missing from path: %1: missing value").arg(from.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in move for path: '%1': %2").arg(fromPointer.key, error);
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("move operation failed to decode path: %1").arg(path.error());
        const QJsonValue value = moved.isUndefined() ? QJsonValue(QJsonValue::Null) : moved;
        const Pointer destination = splitPointer(path.value());
        // Moving up or sideways cannot deepen the document; only deeper targets are checked.
        if (destination.parents.size() > fromPointer.parents.size() && tooDeep(destination, value))
            return tooDeepError();
        const Reach target = onContainer(destination,
                                         [&](QJsonValue &c, const QString &key) { return containerAdd(c, key, value); },
                                         &error);
        if (target == Reach::MissingContainer)
            return QStringLiteral("move operation does not apply: doc is missing destination path: %1: missing value").arg(path.value());
        if (target == Reach::ActionFailed)
            return QStringLiteral("error in move for path: '%1': %2").arg(path.value(), error);
        return {};
    }

    QString test(const QJsonObject &op)
    {
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("test operation failed to decode path: %1").arg(path.error());
        const QJsonValue expected = op.value(QStringLiteral("value"));
        const QString failed = QStringLiteral("testing value %1 failed: test failed").arg(path.value());
        if (path.value().isEmpty())
            return m_document == expected ? QString() : failed;
        QJsonValue actual;
        QString error;
        const Reach reach = onContainer(splitPointer(path.value()),
                                        [&](QJsonValue &c, const QString &key) {
                                            auto value = containerGet(c, key);
                                            if (!value)
                                                return value.error();
                                            actual = value.value();
                                            return QString();
                                        },
                                        &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("test operation does not apply: is missing path: %1: missing value").arg(path.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in test for path: '%1': %2").arg(path.value(), error);
        // A missing or null target matches only a missing or null value.
        if (isNil(actual))
            return isNil(expected) ? QString() : failed;
        if (expected.isUndefined())
            return failed;
        return actual == expected ? QString() : failed;
    }

    QString copy(const QJsonObject &op)
    {
        const auto from = pathMember(op, QStringLiteral("from"));
        if (!from)
            return QStringLiteral("copy operation failed to decode from: %1").arg(from.error());
        QJsonValue copied;
        QString error;
        const Reach reach = onContainer(splitPointer(from.value()),
                                        [&](QJsonValue &c, const QString &key) {
                                            auto value = containerGet(c, key);
                                            if (!value)
                                                return value.error();
                                            copied = value.value();
                                            return QString();
                                        },
                                        &error);
        if (reach == Reach::MissingContainer)
            return QStringLiteral("copy operation does not apply: doc is missing from path: %1: missing value").arg(from.value());
        if (reach == Reach::ActionFailed)
            return QStringLiteral("error in copy for from: '%1': %2").arg(from.value(), error);
        const auto path = pathMember(op, QStringLiteral("path"));
        if (!path)
            return QStringLiteral("copy operation failed to decode path: missing value");
        // Copying a missing key copies Go's nil node, which marshals as null.
        const QJsonValue value = copied.isUndefined() ? QJsonValue(QJsonValue::Null) : copied;
        m_copiedBytes += patchjson::compact(value).size();
        if (m_copiedBytes > kMaxAccumulatedCopyBytes)
            return QStringLiteral("Unable to complete the copy, the accumulated size increase of copy is %1, exceeding the limit %2")
                .arg(m_copiedBytes)
                .arg(kMaxAccumulatedCopyBytes);
        const Pointer destination = splitPointer(path.value());
        if (tooDeep(destination, value))
            return tooDeepError();
        const Reach target = onContainer(destination,
                                         [&](QJsonValue &c, const QString &key) { return containerAdd(c, key, value); },
                                         &error);
        if (target == Reach::MissingContainer)
            return QStringLiteral("copy operation does not apply: doc is missing destination path: %1: missing value").arg(path.value());
        if (target == Reach::ActionFailed)
            return QStringLiteral("error while adding value during copy: %1").arg(error);
        return {};
    }

    QJsonValue m_document;
    qint64 m_copiedBytes = 0;
};

QString unmarshalTypeName(const QJsonValue &value)
{
    if (value.isObject())
        return QStringLiteral("object");
    if (value.isBool())
        return QStringLiteral("bool");
    if (value.isString())
        return QStringLiteral("string");
    return QStringLiteral("number");
}

} // namespace

fd::Expected<QJsonObject, PatchError> applyJsonPatch(const QJsonObject &original, const QByteArray &patchBody)
{
    auto parsed = patchjson::parseValue(patchBody);
    if (!parsed)
        return fd::Unexpected(PatchError::badRequest(QStringLiteral("invalid JSON patch")));
    const QJsonValue patch = parsed.value();
    if (patch.isNull()) // a JSON null decodes to an empty patch
        return original;
    if (!patch.isArray())
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("json: cannot unmarshal %1 into Go value of type jsonpatch.Patch").arg(unmarshalTypeName(patch))));
    const QJsonArray operations = patch.toArray();
    for (const QJsonValue &operation : operations) {
        if (!operation.isObject() && !operation.isNull())
            return fd::Unexpected(PatchError::badRequest(
                QStringLiteral("json: cannot unmarshal %1 into Go value of type jsonpatch.Operation")
                    .arg(operation.isArray() ? QStringLiteral("array") : unmarshalTypeName(operation))));
    }
    if (patchjson::exceedsDepth(patch))
        return fd::Unexpected(PatchError::badRequest(
            QStringLiteral("error decoding patch: nesting depth exceeds %1").arg(patchjson::kMaxDepth)));
    if (operations.size() > kMaxOperations) {
        const QString text = QStringLiteral("Request entity too large: The allowed maximum operations in a JSON patch is %1, got %2")
                                 .arg(kMaxOperations)
                                 .arg(operations.size());
        return fd::Unexpected(PatchError{PatchErrorKind::RequestEntityTooLarge, text, text, {}});
    }

    Patcher patcher{QJsonValue(original)};
    for (const QJsonValue &operation : operations) {
        const QString error = patcher.apply(operation);
        if (!error.isEmpty())
            return fd::Unexpected(PatchError::genericInvalid(error));
    }
    if (!patcher.document().isObject())
        return fd::Unexpected(patchjson::resultNotAnObject(patcher.document()));
    return patcher.document().toObject();
}

} // namespace fd::sim
