#include "kube/store/Decode.h"
#include "kube/store/KubeObject_p.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// How decoding works (measured in fd-bench-store; see bench/store_bench.cpp):
//  1. The page is minified (simdjson::minify, SIMD, ~2 GB/s) into a padded buffer. apiserver JSON
//     is already compact, so this is the copy simdjson needs anyway, and afterwards every item is a
//     compact span of that buffer.
//  2. One on-demand pass over the page: kind/apiVersion/metadata of the list, and for each item
//     every value is visited (full validation, bounded depth), the header (name, namespace, uid,
//     RV, labels, owners, …) is recorded as offsets, and the span of metadata.managedFields found.
//     The item's own span ends where the iterator stands after it.
//  3. The stored JSON is the span minus managedFields, plus apiVersion/kind when missing: two
//     memcpy into an exactly sized QByteArray; header offsets are shifted to match.
// No DOM is built, each byte goes through simdjson's stage 1 once, and no string is copied unless
// it contained JSON escapes. (simdjson's on-demand API is compiled for the build's baseline CPU;
// the DOM API would dispatch to AVX2 at run time but has no source offsets.)

namespace fd::kube {

namespace {

using namespace simdjson;

constexpr int MaxDepth = 200;
// Keys longer than this take the unescaping path (memchr must not run past the padded buffer:
// a key is always followed by at least ':' and a value, and the buffer by SIMDJSON_PADDING bytes).
constexpr size_t MaxKeyScan = 32;
constexpr size_t MaxLabels = 20000;
constexpr size_t MaxOwners = 20000;
// Parsers and buffers that grew beyond this after a big document are released.
constexpr size_t KeepCapacityBytes = size_t(16) << 20;

// User-visible texts use the "fd::kube" context; lupdate recognises translate("context", "text").
QString translate(const char *context, const char *text)
{
    return QCoreApplication::translate(context, text);
}

KubeError decodeError(const QString &message)
{
    KubeError e;
    e.kind = ErrorKind::Decode;
    e.message = message;
    return e;
}

// A buffer with simdjson's required padding after the content.
class PaddedBuffer
{
public:
    // Copies `input` without insignificant whitespace. Returns false on minify errors
    // (unterminated strings); the parser reports the details later anyway.
    bool assignMinified(const char *input, size_t len)
    {
        reserve(len + SIMDJSON_PADDING);
        size_t out = 0;
        if (len > 0 && minify(input, len, m_data.get(), out) != SUCCESS)
            return false;
        m_size = out;
        std::memset(m_data.get() + m_size, 0, SIMDJSON_PADDING);
        return true;
    }
    const char *data() const { return m_data.get(); }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    void releaseIfLarge()
    {
        if (m_capacity > KeepCapacityBytes) {
            m_data.reset();
            m_capacity = 0;
            m_size = 0;
        }
    }

private:
    void reserve(size_t n)
    {
        if (n <= m_capacity)
            return;
        m_data.reset(new char[n]);
        m_capacity = n;
    }
    std::unique_ptr<char[]> m_data;
    size_t m_capacity = 0;
    size_t m_size = 0;
};

// Why a document was rejected: a simdjson error and/or our own description with a JSON path.
struct Failure {
    error_code code = SUCCESS;
    std::string what; // e.g. "metadata.labels.app must be a string"
};

QString describe(const Failure &f)
{
    if (!f.what.empty() && f.code != SUCCESS && f.code != INCORRECT_TYPE)
        return QString::fromUtf8(f.what) + QStringLiteral(": ") + QString::fromUtf8(error_message(f.code));
    if (!f.what.empty())
        return QString::fromUtf8(f.what);
    return QString::fromUtf8(error_message(f.code));
}

std::string escapeJsonString(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c < 0x20) {
            static constexpr char hexDigits[] = "0123456789abcdef";
            out += "\\u00";
            out.push_back(hexDigits[c >> 4]);
            out.push_back(hexDigits[c & 0xf]);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
    return out;
}

// Visits every value below `v` so that malformed JSON anywhere is reported.
error_code validateValue(ondemand::value v, int depth)
{
    if (depth > MaxDepth)
        return DEPTH_ERROR;
    ondemand::json_type type;
    if (auto e = v.type().get(type))
        return e;
    switch (type) {
    case ondemand::json_type::object: {
        ondemand::object object;
        if (auto e = v.get_object().get(object))
            return e;
        for (auto fieldResult : object) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return e;
            // Stage 1 validated the quotes and UTF-8; only escapes remain to be checked.
            const char *raw = field.key().raw();
            const char *quote = static_cast<const char *>(std::memchr(raw, '"', MaxKeyScan));
            if (!quote || std::memchr(raw, '\\', size_t(quote - raw)) != nullptr) {
                std::string_view key;
                if (auto e = field.unescaped_key().get(key))
                    return e;
            }
            if (auto e = validateValue(field.value(), depth + 1))
                return e;
        }
        return SUCCESS;
    }
    case ondemand::json_type::array: {
        ondemand::array array;
        if (auto e = v.get_array().get(array))
            return e;
        for (auto elementResult : array) {
            ondemand::value element;
            if (auto e = std::move(elementResult).get(element))
                return e;
            if (auto e = validateValue(element, depth + 1))
                return e;
        }
        return SUCCESS;
    }
    case ondemand::json_type::string: {
        const std::string_view token = v.raw_json_token();
        if (token.find('\\') == std::string_view::npos) {
            // No escapes to check (stage 1 validated quotes and UTF-8), but the value must still
            // be consumed: simdjson skips an unconsumed value leniently (a following ':' reads as
            // a key), which let malformed JSON such as {"metadata":{"name":"p","":"":]}} through.
            ondemand::raw_json_string raw;
            return v.get_raw_json_string().get(raw);
        }
        std::string_view s;
        return v.get_string().get(s);
    }
    case ondemand::json_type::number: {
        ondemand::number n;
        const error_code e = v.get_number().get(n);
        if (e == SUCCESS)
            return SUCCESS;
        // Integers beyond 64 bits are valid JSON (CRs may carry them); accept a well-formed token.
        std::string_view token = v.raw_json_token();
        while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
            token.remove_suffix(1);
        size_t i = (!token.empty() && token[0] == '-') ? 1 : 0;
        if (i >= token.size() || token[i] < '1' || token[i] > '9')
            return e;
        for (; i < token.size(); ++i) {
            if (token[i] < '0' || token[i] > '9')
                return e;
        }
        return SUCCESS;
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        return v.get_bool().get(b);
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (auto e = v.is_null().get(isNull))
            return e;
        return isNull ? SUCCESS : N_ATOM_ERROR;
    }
    }
    return INCORRECT_TYPE;
}

// True if `v` is JSON null (consumed); false if it is something else (not consumed).
error_code takeNull(ondemand::value &v, bool &isNull)
{
    ondemand::json_type type;
    if (auto e = v.type().get(type))
        return e;
    isNull = false;
    if (type != ondemand::json_type::null)
        return SUCCESS;
    bool n = false;
    if (auto e = v.is_null().get(n))
        return e;
    if (!n)
        return N_ATOM_ERROR;
    isNull = true;
    return SUCCESS;
}

// Result of parsing one object span.
struct ItemInfo {
    bool hasApiVersion = false;
    bool hasKind = false;
    std::string apiVersion;
    std::string kind;
    bool hasCut = false;
    size_t cutStart = 0;
    size_t cutEnd = 0;
    bool initialEventsEnd = false;
};

// Walks one Kubernetes object (validating everything, recording the header as offsets from the
// object's first byte and the managedFields span).
class ObjectWalker
{
public:
    bool walk(ondemand::object &root, const char *start, detail::ObjectBuilder &builder, ItemInfo &info)
    {
        builder.reset();
        info = ItemInfo{};
        m_failure = Failure{};
        m_base = start;
        m_builder = &builder;
        m_info = &info;
        for (auto fieldResult : root) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e, "invalid JSON");
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return fail(e, "invalid JSON");
            ondemand::value value = field.value();
            if (key == "apiVersion" || key == "kind") {
                const bool isKind = key == "kind";
                bool isNull = false;
                if (auto e = takeNull(value, isNull))
                    return fail(e, std::string(key));
                if (isNull)
                    continue;
                std::string_view str;
                if (value.get_string().get(str) != SUCCESS)
                    return fail(INCORRECT_TYPE, std::string(key) + " must be a string");
                // An empty value counts as absent (Go omits empty strings), and the first
                // non-empty one wins: after the fallback kind was prepended to the stored JSON,
                // a later "kind":"" must not make the next decode prepend it once more.
                bool &has = isKind ? info.hasKind : info.hasApiVersion;
                if (!str.empty() && !has) {
                    (isKind ? info.kind : info.apiVersion) = std::string(str);
                    has = true;
                }
            } else if (key == "metadata") {
                bool isNull = false;
                if (auto e = takeNull(value, isNull))
                    return fail(e, "metadata");
                if (isNull)
                    continue;
                ondemand::object metadata;
                if (value.get_object().get(metadata) != SUCCESS)
                    return fail(INCORRECT_TYPE, "metadata must be an object");
                if (!parseMetadata(metadata))
                    return false;
            } else {
                if (auto e = validateValue(value, 1))
                    return fail(e, std::string(key));
            }
        }
        return true;
    }

    const Failure &failure() const { return m_failure; }

private:
    bool fail(error_code code, std::string what)
    {
        m_failure = Failure{code, std::move(what)};
        return false;
    }

    // A string (or null) header value, recorded as offsets into the span when it needs no
    // unescaping.
    error_code readString(ondemand::value &v, detail::StrRef &out, bool *present = nullptr)
    {
        bool isNull = false;
        if (auto e = takeNull(v, isNull))
            return e;
        if (present)
            *present = !isNull;
        if (isNull) {
            out = detail::StrRef{};
            return SUCCESS;
        }
        const std::string_view token = v.raw_json_token();
        if (token.empty() || token[0] != '"')
            return INCORRECT_TYPE;
        std::string_view s;
        if (auto e = v.get_string().get(s))
            return e;
        out = reference(token.data() + 1, s);
        return SUCCESS;
    }

    detail::StrRef reference(const char *raw, std::string_view unescaped)
    {
        if (std::memchr(raw, '\\', unescaped.size()) == nullptr && raw[unescaped.size()] == '"')
            return detail::StrRef{quint32(raw - m_base), quint32(unescaped.size())};
        return m_builder->arenaRef(unescaped);
    }

    bool parseMetadata(ondemand::object &metadata)
    {
        detail::ObjectBuilder &b = *m_builder;
        for (auto fieldResult : metadata) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e, "metadata");
            const char *keyRaw = field.key().raw();
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return fail(e, "metadata");
            ondemand::value value = field.value();
            detail::StrRef *target = nullptr;
            if (key == "name")
                target = &b.name;
            else if (key == "namespace")
                target = &b.ns;
            else if (key == "uid")
                target = &b.uid;
            else if (key == "resourceVersion")
                target = &b.rv;
            else if (key == "creationTimestamp")
                target = &b.created;
            if (target) {
                if (readString(value, *target) != SUCCESS)
                    return fail(INCORRECT_TYPE, "metadata." + std::string(key) + " must be a string");
            } else if (key == "generation") {
                bool isNull = false;
                if (auto e = takeNull(value, isNull))
                    return fail(e, "metadata.generation");
                int64_t generation = 0;
                if (!isNull && value.get_int64().get(generation) != SUCCESS)
                    return fail(INCORRECT_TYPE, "metadata.generation must be a 64-bit integer");
                b.generation = qint64(generation);
            } else if (key == "deletionTimestamp") {
                detail::StrRef ignored;
                bool present = false;
                if (readString(value, ignored, &present) != SUCCESS)
                    return fail(INCORRECT_TYPE, "metadata.deletionTimestamp must be a string");
                b.deleting = present;
            } else if (key == "labels" || key == "annotations") {
                if (!parseStringMap(value, key == "labels"))
                    return false;
            } else if (key == "ownerReferences") {
                if (!parseOwners(value))
                    return false;
            } else if (key == "managedFields") {
                // Only one span can be cut out; a second copy of the key (no API server sends one,
                // but a lying or broken one may) would otherwise stay in the stored JSON.
                if (m_info->hasCut)
                    return fail(INCORRECT_TYPE, "metadata.managedFields appears more than once");
                if (!cutManagedFields(keyRaw - 1, value))
                    return false;
            } else {
                if (auto e = validateValue(value, 2))
                    return fail(e, "metadata." + std::string(key));
            }
        }
        return true;
    }

    bool parseStringMap(ondemand::value &value, bool labels)
    {
        const char *what = labels ? "metadata.labels" : "metadata.annotations";
        bool isNull = false;
        if (auto e = takeNull(value, isNull))
            return fail(e, what);
        if (isNull)
            return true;
        ondemand::object map;
        if (value.get_object().get(map) != SUCCESS)
            return fail(INCORRECT_TYPE, std::string(what) + " must be an object");
        for (auto fieldResult : map) {
            ondemand::field field;
            if (auto e = std::move(fieldResult).get(field))
                return fail(e, what);
            const char *keyRaw = field.key().raw();
            std::string_view key;
            if (auto e = field.unescaped_key().get(key))
                return fail(e, what);
            ondemand::value v = field.value();
            if (labels) {
                if (!addLabel(keyRaw, key, v))
                    return false;
            } else {
                bool isNullValue = false;
                if (auto e = takeNull(v, isNullValue))
                    return fail(e, what);
                if (isNullValue)
                    continue;
                std::string_view s;
                if (v.get_string().get(s) != SUCCESS)
                    return fail(INCORRECT_TYPE, std::string(what) + "." + std::string(key) + " must be a string");
                if (key == "k8s.io/initial-events-end" && s == "true")
                    m_info->initialEventsEnd = true;
            }
        }
        return true;
    }

    // A label as LabelRef: offsets into the JSON when `"key":"value"` is verbatim, else an arena
    // copy of both.
    bool addLabel(const char *keyRaw, std::string_view key, ondemand::value &v)
    {
        const auto invalid = [&] {
            return fail(INCORRECT_TYPE, "metadata.labels." + std::string(key) + " must be a string");
        };
        if (key.size() > 0xffff)
            return fail(CAPACITY, "a label key is longer than 65535 bytes");
        // `key` stays valid: on-demand string views live as long as the document.
        bool isNull = false;
        if (takeNull(v, isNull) != SUCCESS)
            return invalid();
        std::string_view value;
        const char *valueRaw = nullptr;
        if (!isNull) {
            const std::string_view token = v.raw_json_token();
            if (token.empty() || token[0] != '"' || v.get_string().get(value) != SUCCESS)
                return invalid();
            valueRaw = token.data() + 1;
        }
        if (value.size() > 0xffff)
            return fail(CAPACITY, "a label value is longer than 65535 bytes");
        const bool keyVerbatim = std::memchr(keyRaw, '\\', key.size()) == nullptr && keyRaw[key.size()] == '"';
        const bool valueVerbatim = valueRaw && std::memchr(valueRaw, '\\', value.size()) == nullptr
            && valueRaw[value.size()] == '"' && valueRaw == keyRaw + key.size() + 3;
        if (keyVerbatim && valueVerbatim)
            m_builder->labels.push_back(
                detail::LabelRef{quint32(keyRaw - m_base), quint16(key.size()), quint16(value.size())});
        else
            m_builder->labels.push_back(m_builder->arenaLabel(key, value));
        if (m_builder->labels.size() > MaxLabels)
            return fail(CAPACITY, "too many labels");
        return true;
    }

    bool parseOwners(ondemand::value &value)
    {
        bool isNull = false;
        if (auto e = takeNull(value, isNull))
            return fail(e, "metadata.ownerReferences");
        if (isNull)
            return true;
        ondemand::array owners;
        if (value.get_array().get(owners) != SUCCESS)
            return fail(INCORRECT_TYPE, "metadata.ownerReferences must be an array");
        for (auto elementResult : owners) {
            ondemand::value element;
            if (auto e = std::move(elementResult).get(element))
                return fail(e, "metadata.ownerReferences");
            ondemand::object owner;
            if (element.get_object().get(owner) != SUCCESS)
                return fail(INCORRECT_TYPE, "metadata.ownerReferences[] must be objects");
            for (auto fieldResult : owner) {
                ondemand::field field;
                if (auto e = std::move(fieldResult).get(field))
                    return fail(e, "metadata.ownerReferences");
                std::string_view key;
                if (auto e = field.unescaped_key().get(key))
                    return fail(e, "metadata.ownerReferences");
                ondemand::value v = field.value();
                if (key == "uid") {
                    detail::StrRef uidRef;
                    bool present = false;
                    if (readString(v, uidRef, &present) != SUCCESS)
                        return fail(INCORRECT_TYPE, "metadata.ownerReferences[].uid must be a string");
                    if (present && uidRef.length > 0) {
                        m_builder->owners.push_back(uidRef);
                        if (m_builder->owners.size() > MaxOwners)
                            return fail(CAPACITY, "too many owner references");
                    }
                } else if (auto e = validateValue(v, 4)) {
                    return fail(e, "metadata.ownerReferences[]." + std::string(key));
                }
            }
        }
        return true;
    }

    // Records the span of `"managedFields":<value>` plus one adjacent comma; the value is skipped,
    // not validated (it is dropped).
    bool cutManagedFields(const char *keyStart, ondemand::value &value)
    {
        ondemand::json_type type;
        if (auto e = value.type().get(type))
            return fail(e, "metadata.managedFields");
        std::string_view raw;
        error_code e = SUCCESS;
        if (type == ondemand::json_type::array) {
            ondemand::array a;
            e = value.get_array().get(a);
            if (!e)
                e = a.raw_json().get(raw);
        } else if (type == ondemand::json_type::object) {
            ondemand::object o;
            e = value.get_object().get(o);
            if (!e)
                e = o.raw_json().get(raw);
        } else {
            e = validateValue(value, 2);
            if (!e)
                raw = value.raw_json_token();
        }
        if (e)
            return fail(e, "metadata.managedFields");
        const size_t keyPos = size_t(keyStart - m_base);
        size_t valueEnd = size_t(raw.data() + raw.size() - m_base);
        // raw_json_token() of a scalar may include trailing whitespace; the input is minified, but
        // be exact anyway.
        while (valueEnd > keyPos && (m_base[valueEnd - 1] == ' ' || m_base[valueEnd - 1] == '\n'
                                     || m_base[valueEnd - 1] == '\r' || m_base[valueEnd - 1] == '\t'))
            --valueEnd;
        if (keyPos == 0)
            return true; // cannot happen for a member of metadata; keep the bytes
        if (m_base[keyPos - 1] == ',') {
            m_info->cutStart = keyPos - 1;
            m_info->cutEnd = valueEnd;
        } else {
            m_info->cutStart = keyPos;
            m_info->cutEnd = m_base[valueEnd] == ',' ? valueEnd + 1 : valueEnd;
        }
        m_info->hasCut = true;
        return true;
    }

    Failure m_failure;
    const char *m_base = nullptr;
    detail::ObjectBuilder *m_builder = nullptr;
    ItemInfo *m_info = nullptr;
};

} // namespace

struct ObjectDecoder::Private {
    PaddedBuffer buffer;
    ondemand::parser parser;
    ObjectWalker walker;
    detail::ObjectBuilder builder;
    detail::TypeInfoPtr lastType;

    detail::TypeInfoPtr typeFor(const QString &apiVersion, const QString &kind)
    {
        if (apiVersion.isEmpty() && kind.isEmpty())
            return {};
        if (lastType && lastType->apiVersion == apiVersion && lastType->kind == kind)
            return lastType;
        auto *t = new detail::TypeInfo;
        t->apiVersion = apiVersion;
        t->kind = kind;
        lastType = detail::TypeInfoPtr(t);
        return lastType;
    }

    void releaseIfLarge()
    {
        buffer.releaseIfLarge();
        if (parser.capacity() > KeepCapacityBytes)
            parser = ondemand::parser();
    }

    // Minifies `input` into the padded buffer and starts an on-demand document over it.
    error_code start(QByteArrayView input, ondemand::document &doc)
    {
        if (!buffer.assignMinified(input.data(), size_t(input.size())))
            return UNCLOSED_STRING;
        return parser.iterate(buffer.data(), buffer.size(), buffer.capacity()).get(doc);
    }

    // Walks the object `value` (a value of the current document); on success [start, end) is its
    // span in the buffer.
    bool walkObject(ondemand::document &doc, ondemand::value &value, ItemInfo &info, const char *&start,
                    const char *&end, Failure &failure)
    {
        start = value.raw_json_token().data();
        ondemand::object object;
        if (auto e = value.get_object().get(object)) {
            failure = Failure{e, "not a JSON object"};
            return false;
        }
        if (!walker.walk(object, start, builder, info)) {
            failure = walker.failure();
            return false;
        }
        const char *location = nullptr;
        const error_code e = doc.current_location().get(location);
        end = e == OUT_OF_BOUNDS ? buffer.data() + buffer.size() : location;
        if ((e != SUCCESS && e != OUT_OF_BOUNDS) || end <= start || end[-1] != '}') {
            failure = Failure{e != SUCCESS ? e : TAPE_ERROR, "invalid JSON"};
            return false;
        }
        return true;
    }

    // Builds the KubeObject from a walked span (step 3 above).
    Expected<KubeObject, Failure> build(const char *data, size_t len, const TypeMeta &fallback, bool requireName,
                                        const ItemInfo &info)
    {
        if (requireName && builder.name.length == 0)
            return Unexpected(Failure{SUCCESS, "metadata.name is missing"});
        if (len < 2 || data[0] != '{')
            return Unexpected(Failure{TAPE_ERROR, "not a JSON object"});

        const QString apiVersion = info.hasApiVersion ? QString::fromUtf8(info.apiVersion) : fallback.apiVersion;
        const QString kind = info.hasKind ? QString::fromUtf8(info.kind) : fallback.kind;
        std::string prefix;
        if (!info.hasApiVersion && !fallback.apiVersion.isEmpty())
            prefix += "\"apiVersion\":" + escapeJsonString(fallback.apiVersion.toStdString()) + ',';
        if (!info.hasKind && !fallback.kind.isEmpty())
            prefix += "\"kind\":" + escapeJsonString(fallback.kind.toStdString()) + ',';
        if (len == 2 && !prefix.empty()) // "{}": nothing follows the prefix
            prefix.pop_back();

        const size_t cutStart = info.hasCut ? info.cutStart : len;
        const size_t cutEnd = info.hasCut ? info.cutEnd : len;
        const size_t cutLen = cutEnd - cutStart;
        const size_t total = len - cutLen + prefix.size();
        if (total > size_t(MaxDocumentBytes))
            return Unexpected(Failure{CAPACITY, "object too large"});
        QByteArray json(qsizetype(total), Qt::Uninitialized);
        char *out = json.data();
        out[0] = '{';
        std::memcpy(out + 1, prefix.data(), prefix.size());
        std::memcpy(out + 1 + prefix.size(), data + 1, cutStart - 1);
        std::memcpy(out + prefix.size() + cutStart, data + cutEnd, len - cutEnd);
        if (cutLen > 0)
            builder.shiftJsonRefs(quint32(cutEnd), -qint64(cutLen));
        if (!prefix.empty())
            builder.shiftJsonRefs(1, qint64(prefix.size()));
        return builder.build(std::move(json), typeFor(apiVersion, kind));
    }

    // A single object document: decodeObject(), and items whose list kind came after them.
    Expected<KubeObject, Failure> decodeSingle(QByteArrayView input, const TypeMeta &fallback)
    {
        ondemand::document doc;
        if (auto e = start(input, doc))
            return Unexpected(Failure{e, "invalid JSON"});
        ondemand::value root;
        if (auto e = doc.get_value().get(root))
            return Unexpected(e == SCALAR_DOCUMENT_AS_VALUE ? Failure{INCORRECT_TYPE, "not a JSON object"}
                                                            : Failure{e, "invalid JSON"});
        ItemInfo info;
        const char *begin = nullptr;
        const char *end = nullptr;
        Failure failure;
        if (!walkObject(doc, root, info, begin, end, failure))
            return Unexpected(failure);
        if (end != buffer.data() + buffer.size())
            return Unexpected(Failure{TRAILING_CONTENT, "unexpected content after the object"});
        return build(begin, size_t(end - begin), fallback, true, info);
    }
};

ObjectDecoder::ObjectDecoder() : d(std::make_unique<Private>()) {}
ObjectDecoder::~ObjectDecoder() = default;

namespace {

QString itemLabel(const QString &listKind, qsizetype index)
{
    return listKind.isEmpty() ? translate("fd::kube", "item %1").arg(index) : translate("fd::kube", "item %1 of %2").arg(index).arg(listKind);
}

bool readPageString(ondemand::value &v, QString &out)
{
    bool isNull = false;
    if (takeNull(v, isNull) != SUCCESS)
        return false;
    if (isNull)
        return true;
    std::string_view str;
    if (v.get_string().get(str) != SUCCESS)
        return false;
    out = QString::fromUtf8(str.data(), qsizetype(str.size()));
    return true;
}

QString simdjsonText(error_code e)
{
    return QString::fromUtf8(error_message(e));
}

struct Releaser {
    std::function<void()> release;
    ~Releaser() { release(); }
};

} // namespace

Expected<ObjectList, KubeError> ObjectDecoder::decodeList(QByteArrayView input)
{
    const Releaser releaser{[this] { d->releaseIfLarge(); }};
    const auto pageError = [](const QString &detail) {
        return Unexpected(decodeError(translate("fd::kube", "Could not decode the list reply: %1").arg(detail)));
    };
    if (input.size() > MaxDocumentBytes)
        return pageError(translate("fd::kube", "too large (%1 bytes)").arg(input.size()));

    ObjectList list;
    bool sawItems = false;
    bool kindAfterItems = false;
    TypeMeta itemType;
    auto updateItemType = [&] {
        itemType.apiVersion = list.apiVersion;
        itemType.kind = list.kind.endsWith(QLatin1String("List")) ? list.kind.chopped(4) : QString();
    };

    ondemand::document doc;
    if (auto e = d->start(input, doc))
        return pageError(simdjsonText(e));
    ondemand::object root;
    if (doc.get_object().get(root) != SUCCESS)
        return pageError(translate("fd::kube", "not a JSON object"));

    for (auto fieldResult : root) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return pageError(simdjsonText(e));
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return pageError(simdjsonText(e));
        ondemand::value value = field.value();
        if (key == "kind" || key == "apiVersion") {
            if (!readPageString(value, key == "kind" ? list.kind : list.apiVersion))
                return pageError(translate("fd::kube", "%1 must be a string").arg(QString::fromUtf8(key.data(), qsizetype(key.size()))));
            kindAfterItems = kindAfterItems || sawItems;
            updateItemType();
        } else if (key == "metadata") {
            bool isNull = false;
            if (takeNull(value, isNull) != SUCCESS)
                return pageError(translate("fd::kube", "metadata is not valid JSON"));
            if (isNull)
                continue;
            ondemand::object metadata;
            if (value.get_object().get(metadata) != SUCCESS)
                return pageError(translate("fd::kube", "metadata must be an object"));
            for (auto metaResult : metadata) {
                ondemand::field metaField;
                if (auto e = std::move(metaResult).get(metaField))
                    return pageError(simdjsonText(e));
                std::string_view metaKey;
                if (auto e = metaField.unescaped_key().get(metaKey))
                    return pageError(simdjsonText(e));
                ondemand::value metaValue = metaField.value();
                if (metaKey == "resourceVersion") {
                    if (!readPageString(metaValue, list.resourceVersion))
                        return pageError(translate("fd::kube", "metadata.resourceVersion must be a string"));
                } else if (metaKey == "continue") {
                    if (!readPageString(metaValue, list.continueToken))
                        return pageError(translate("fd::kube", "metadata.continue must be a string"));
                } else if (metaKey == "remainingItemCount") {
                    bool countIsNull = false;
                    if (takeNull(metaValue, countIsNull) != SUCCESS)
                        return pageError(translate("fd::kube", "metadata.remainingItemCount is not valid JSON"));
                    if (countIsNull)
                        continue;
                    int64_t count = 0;
                    if (metaValue.get_int64().get(count) != SUCCESS || count < 0)
                        return pageError(translate("fd::kube", "metadata.remainingItemCount must be a non-negative integer"));
                    list.remainingItemCount = count;
                } else if (auto e = validateValue(metaValue, 2)) {
                    return pageError(QStringLiteral("metadata.%1: %2")
                                         .arg(QString::fromUtf8(metaKey.data(), qsizetype(metaKey.size())), simdjsonText(e)));
                }
            }
        } else if (key == "items") {
            sawItems = true;
            bool isNull = false;
            if (takeNull(value, isNull) != SUCCESS)
                return pageError(translate("fd::kube", "items is not valid JSON"));
            if (isNull)
                continue;
            ondemand::array items;
            if (value.get_array().get(items) != SUCCESS)
                return pageError(translate("fd::kube", "items must be an array"));
            for (auto elementResult : items) {
                ondemand::value element;
                if (auto e = std::move(elementResult).get(element))
                    return pageError(simdjsonText(e));
                ItemInfo info;
                const char *begin = nullptr;
                const char *end = nullptr;
                Failure failure;
                if (!d->walkObject(doc, element, info, begin, end, failure))
                    return pageError(itemLabel(list.kind, list.items.size()) + QStringLiteral(": ") + describe(failure));
                auto built = d->build(begin, size_t(end - begin), itemType, true, info);
                if (!built)
                    return pageError(itemLabel(list.kind, list.items.size()) + QStringLiteral(": ")
                                     + describe(built.error()));
                list.items.append(std::move(built).value());
            }
        } else if (auto e = validateValue(value, 1)) {
            return pageError(QStringLiteral("%1: %2").arg(QString::fromUtf8(key.data(), qsizetype(key.size())), simdjsonText(e)));
        }
    }
    const char *location = nullptr;
    if (doc.current_location().get(location) != OUT_OF_BOUNDS)
        return pageError(translate("fd::kube", "unexpected content after the list"));

    if (list.kind == QLatin1String("Status"))
        return Unexpected(kubeErrorFromStatus(0, input.toByteArray()));
    if (!sawItems)
        return pageError(translate("fd::kube", "the reply has no items (not a list)"));

    if (kindAfterItems && (!itemType.apiVersion.isEmpty() || !itemType.kind.isEmpty())) {
        // Not how the apiserver orders fields, but valid JSON: fill in the type now.
        for (qsizetype i = 0; i < list.items.size(); ++i) {
            const KubeObject &item = list.items.at(i);
            if (!item.apiVersion().isEmpty() && !item.kind().isEmpty())
                continue;
            auto rebuilt = d->decodeSingle(item.json(), itemType);
            if (!rebuilt)
                return pageError(itemLabel(list.kind, i) + QStringLiteral(": ") + describe(rebuilt.error()));
            list.items[i] = std::move(rebuilt).value();
        }
    }
    return list;
}

Expected<KubeObject, KubeError> ObjectDecoder::decodeObject(QByteArrayView input, const TypeMeta &fallback)
{
    const Releaser releaser{[this] { d->releaseIfLarge(); }};
    if (input.size() > MaxDocumentBytes)
        return Unexpected(decodeError(translate("fd::kube", "The object is too large (%1 bytes).").arg(input.size())));
    auto built = d->decodeSingle(input, fallback);
    if (!built)
        return Unexpected(decodeError(translate("fd::kube", "Could not decode the object: %1").arg(describe(built.error()))));
    return std::move(built).value();
}

Expected<WatchEvent, KubeError> ObjectDecoder::decodeWatchEvent(QByteArrayView line, const TypeMeta &fallback)
{
    const Releaser releaser{[this] { d->releaseIfLarge(); }};
    const auto eventError = [](const QString &detail) {
        return Unexpected(decodeError(translate("fd::kube", "Could not decode a watch event: %1").arg(detail)));
    };
    if (line.size() > MaxDocumentBytes)
        return eventError(translate("fd::kube", "too large"));

    ondemand::document doc;
    if (auto e = d->start(line, doc))
        return eventError(simdjsonText(e));
    ondemand::object root;
    if (doc.get_object().get(root) != SUCCESS)
        return eventError(translate("fd::kube", "not a JSON object"));

    std::string type;
    bool haveType = false;
    bool haveObject = false;
    ItemInfo info;
    const char *begin = nullptr;
    const char *end = nullptr;
    for (auto fieldResult : root) {
        ondemand::field field;
        if (auto e = std::move(fieldResult).get(field))
            return eventError(simdjsonText(e));
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return eventError(simdjsonText(e));
        ondemand::value value = field.value();
        if (key == "type") {
            std::string_view str;
            if (value.get_string().get(str) != SUCCESS)
                return eventError(translate("fd::kube", "type must be a string"));
            type = std::string(str);
            haveType = true;
        } else if (key == "object") {
            Failure failure;
            if (!d->walkObject(doc, value, info, begin, end, failure))
                return eventError(translate("fd::kube", "object: %1").arg(describe(failure)));
            haveObject = true;
        } else if (auto e = validateValue(value, 1)) {
            return eventError(simdjsonText(e));
        }
    }
    const char *location = nullptr;
    if (doc.current_location().get(location) != OUT_OF_BOUNDS)
        return eventError(translate("fd::kube", "unexpected content after the event"));
    if (!haveType)
        return eventError(translate("fd::kube", "no type"));
    if (!haveObject)
        return eventError(translate("fd::kube", "no object"));

    WatchEvent event;
    if (type == "ADDED")
        event.type = WatchEventType::Added;
    else if (type == "MODIFIED")
        event.type = WatchEventType::Modified;
    else if (type == "DELETED")
        event.type = WatchEventType::Deleted;
    else if (type == "BOOKMARK")
        event.type = WatchEventType::Bookmark;
    else if (type == "ERROR")
        event.type = WatchEventType::Error;
    else
        return eventError(translate("fd::kube", "unknown event type \"%1\"").arg(QString::fromUtf8(type).left(64)));

    if (event.type == WatchEventType::Error) {
        event.error = kubeErrorFromStatus(0, QByteArray(begin, qsizetype(end - begin)));
        return event;
    }
    const bool bookmark = event.type == WatchEventType::Bookmark;
    auto built = d->build(begin, size_t(end - begin), fallback, !bookmark, info);
    if (!built)
        return eventError(describe(built.error()));
    event.resourceVersion = built->resourceVersion();
    if (bookmark)
        event.initialEventsEnd = info.initialEventsEnd; // the object itself is of no use
    else
        event.object = std::move(built).value();
    return event;
}

Expected<ObjectList, KubeError> decodeList(const QByteArray &page)
{
    thread_local ObjectDecoder decoder;
    return decoder.decodeList(page);
}

Expected<KubeObject, KubeError> decodeObject(const QByteArray &json, const TypeMeta &fallback)
{
    thread_local ObjectDecoder decoder;
    return decoder.decodeObject(json, fallback);
}

} // namespace fd::kube
