#include "kube/store/KubeObject.h"
#include "kube/store/KubeObject_p.h"

#include <QJsonDocument>
#include <QStringList>

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <new>

namespace fd::kube {

namespace detail {

void ObjectData::destroy(ObjectData *data)
{
    data->~ObjectData();
    ::operator delete(static_cast<void *>(data));
}

void ObjectBuilder::reset()
{
    name = ns = uid = rv = created = StrRef{};
    generation = 0;
    deleting = false;
    labels.clear();
    owners.clear();
    m_arena.clear();
}

StrRef ObjectBuilder::arenaRef(std::string_view unescaped)
{
    const StrRef ref{quint32(m_arena.size()) | ArenaBit, quint32(unescaped.size())};
    m_arena.append(unescaped);
    return ref;
}

LabelRef ObjectBuilder::arenaLabel(std::string_view key, std::string_view value)
{
    const LabelRef ref{quint32(m_arena.size()) | ArenaBit, quint16(key.size()), quint16(value.size())};
    m_arena.append(key);
    m_arena.append(value);
    return ref;
}

void ObjectBuilder::shiftJsonRefs(quint32 from, qint64 delta)
{
    auto shift = [from, delta](StrRef &r) {
        if (!(r.offset & ArenaBit) && r.length > 0 && r.offset >= from)
            r.offset = quint32(qint64(r.offset) + delta);
    };
    shift(name);
    shift(ns);
    shift(uid);
    shift(rv);
    shift(created);
    for (LabelRef &r : labels) {
        if (!(r.offset & ArenaBit) && r.offset >= from)
            r.offset = quint32(qint64(r.offset) + delta);
    }
    for (StrRef &r : owners)
        shift(r);
}

KubeObject ObjectBuilder::build(QByteArray json, TypeInfoPtr type) const
{
    const size_t labelCount = labels.size();
    const size_t refBytes = sizeof(LabelRef) * labels.size() + sizeof(StrRef) * owners.size();
    void *memory = ::operator new(sizeof(ObjectData) + refBytes + m_arena.size());
    auto *data = new (memory) ObjectData;
    data->labelCount = quint16(labelCount);
    data->ownerCount = quint16(owners.size());
    data->arenaSize = quint32(m_arena.size());
    data->deleting = deleting;
    data->generation = generation;
    data->json = std::move(json);
    data->type = std::move(type);
    data->name = name;
    data->ns = ns;
    data->uid = uid;
    data->rv = rv;
    data->created = created;
    if (!labels.empty())
        std::memcpy(data->labelRefs(), labels.data(), sizeof(LabelRef) * labels.size());
    if (!owners.empty())
        std::memcpy(data->ownerRefs(), owners.data(), sizeof(StrRef) * owners.size());
    if (!m_arena.empty())
        std::memcpy(const_cast<char *>(data->arena()), m_arena.data(), m_arena.size());
    return KubeObject(data);
}

} // namespace detail

// ---------------------------------------------------------------------------------------------
// JsonPath

namespace {

bool appendPointerSegment(std::vector<std::string> &out, QStringView raw)
{
    std::string segment;
    const QByteArray utf8 = raw.toUtf8();
    segment.reserve(size_t(utf8.size()));
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c != '~') {
            segment.push_back(c);
            continue;
        }
        if (i + 1 >= utf8.size())
            return false;
        const char next = utf8[++i];
        if (next == '0')
            segment.push_back('~');
        else if (next == '1')
            segment.push_back('/');
        else
            return false;
    }
    out.push_back(std::move(segment));
    return true;
}

} // namespace

JsonPath JsonPath::parse(QStringView path)
{
    JsonPath result;
    if (path.isEmpty())
        return result;
    if (path.front() == QLatin1Char('/')) {
        // RFC 6901: "/" splits, "~1" is '/', "~0" is '~'.
        qsizetype start = 1;
        while (true) {
            const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
            const QStringView raw = path.mid(start, slash < 0 ? -1 : slash - start);
            if (!appendPointerSegment(result.m_segments, raw) || int(result.m_segments.size()) > MaxSegments)
                return JsonPath();
            if (slash < 0)
                break;
            start = slash + 1;
        }
        result.m_valid = true;
        return result;
    }

    // Dotted form.
    QString current;
    bool haveCurrent = false; // a segment was started (allows empty quoted keys)
    auto finish = [&]() -> bool {
        if (!haveCurrent && current.isEmpty())
            return false;
        result.m_segments.push_back(current.toStdString());
        current.clear();
        haveCurrent = false;
        return int(result.m_segments.size()) <= MaxSegments;
    };
    qsizetype i = 0;
    if (path.front() == QLatin1Char('.')) // ".metadata.name" (kubectl JSONPath style)
        i = 1;
    const qsizetype n = path.size();
    while (i < n) {
        const QChar c = path[i];
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= n)
                return JsonPath();
            current += path[i + 1];
            haveCurrent = true;
            i += 2;
        } else if (c == QLatin1Char('.')) {
            if (!finish())
                return JsonPath();
            ++i;
            if (i >= n) // trailing dot
                return JsonPath();
        } else if (c == QLatin1Char('[')) {
            if (haveCurrent || !current.isEmpty()) {
                if (!finish())
                    return JsonPath();
            }
            ++i;
            if (i >= n)
                return JsonPath();
            if (path[i] == QLatin1Char('\'') || path[i] == QLatin1Char('"')) {
                const QChar quote = path[i];
                const qsizetype close = path.indexOf(quote, i + 1);
                if (close < 0 || close + 1 >= n || path[close + 1] != QLatin1Char(']'))
                    return JsonPath();
                current = path.mid(i + 1, close - i - 1).toString();
                haveCurrent = true;
                i = close + 2;
            } else {
                const qsizetype close = path.indexOf(QLatin1Char(']'), i);
                if (close < 0 || close == i)
                    return JsonPath();
                current = path.mid(i, close - i).toString();
                haveCurrent = true;
                i = close + 1;
            }
            if (!finish())
                return JsonPath();
            if (i < n) {
                if (path[i] == QLatin1Char('.')) {
                    ++i;
                    if (i >= n)
                        return JsonPath();
                } else if (path[i] != QLatin1Char('[')) {
                    return JsonPath();
                }
            }
        } else {
            current += c;
            haveCurrent = true;
            ++i;
        }
    }
    if (haveCurrent || !current.isEmpty()) {
        if (!finish())
            return JsonPath();
    }
    if (result.m_segments.empty())
        return JsonPath();
    result.m_valid = true;
    return result;
}

// ---------------------------------------------------------------------------------------------
// KubeObject

KubeObject::KubeObject(const KubeObject &other) noexcept : d(other.d)
{
    if (d)
        d->ref.ref();
}

KubeObject &KubeObject::operator=(const KubeObject &other) noexcept
{
    if (other.d)
        other.d->ref.ref();
    if (d && !d->ref.deref())
        detail::ObjectData::destroy(d);
    d = other.d;
    return *this;
}

KubeObject &KubeObject::operator=(KubeObject &&other) noexcept
{
    if (this != &other) {
        if (d && !d->ref.deref())
            detail::ObjectData::destroy(d);
        d = other.d;
        other.d = nullptr;
    }
    return *this;
}

KubeObject::~KubeObject()
{
    if (d && !d->ref.deref())
        detail::ObjectData::destroy(d);
}

namespace {
QString toQString(QByteArrayView v)
{
    return QString::fromUtf8(v);
}
} // namespace

QString KubeObject::apiVersion() const
{
    return d && d->type ? d->type->apiVersion : QString();
}

QString KubeObject::kind() const
{
    return d && d->type ? d->type->kind : QString();
}

QString KubeObject::name() const { return toQString(nameUtf8()); }
QString KubeObject::namespaceName() const { return toQString(namespaceUtf8()); }
QString KubeObject::uid() const { return toQString(uidUtf8()); }
QString KubeObject::resourceVersion() const { return toQString(resourceVersionUtf8()); }
QString KubeObject::creationTimestamp() const { return d ? toQString(d->view(d->created)) : QString(); }
qint64 KubeObject::generation() const { return d ? d->generation : 0; }
bool KubeObject::hasDeletionTimestamp() const { return d && d->deleting; }

QString KubeObject::key() const
{
    if (!d)
        return QString();
    const QByteArrayView ns = namespaceUtf8();
    if (ns.isEmpty())
        return name();
    QByteArray key;
    key.reserve(ns.size() + 1 + nameUtf8().size());
    key.append(ns).append('/').append(nameUtf8());
    return QString::fromUtf8(key);
}

QByteArrayView KubeObject::nameUtf8() const { return d ? d->view(d->name) : QByteArrayView(); }
QByteArrayView KubeObject::namespaceUtf8() const { return d ? d->view(d->ns) : QByteArrayView(); }
QByteArrayView KubeObject::uidUtf8() const { return d ? d->view(d->uid) : QByteArrayView(); }
QByteArrayView KubeObject::resourceVersionUtf8() const { return d ? d->view(d->rv) : QByteArrayView(); }

int KubeObject::labelCount() const { return d ? d->labelCount : 0; }

QByteArrayView KubeObject::labelKeyUtf8(int index) const
{
    if (!d || index < 0 || index >= d->labelCount)
        return {};
    const detail::LabelRef r = d->labelRefs()[index];
    return d->view(detail::StrRef{r.offset, r.keyLength});
}

QByteArrayView KubeObject::labelValueUtf8(int index) const
{
    if (!d || index < 0 || index >= d->labelCount)
        return {};
    const detail::LabelRef r = d->labelRefs()[index];
    return d->view(detail::StrRef{r.valueOffset(), r.valueLength});
}

QString KubeObject::labelKey(int index) const { return toQString(labelKeyUtf8(index)); }
QString KubeObject::labelValue(int index) const { return toQString(labelValueUtf8(index)); }

std::optional<QString> KubeObject::label(QStringView key) const
{
    if (!d || d->labelCount == 0)
        return std::nullopt;
    const QByteArray wanted = key.toUtf8();
    for (int i = 0; i < d->labelCount; ++i) {
        if (labelKeyUtf8(i) == QByteArrayView(wanted))
            return labelValue(i);
    }
    return std::nullopt;
}

QList<std::pair<QString, QString>> KubeObject::labels() const
{
    QList<std::pair<QString, QString>> out;
    const int n = labelCount();
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append({labelKey(i), labelValue(i)});
    return out;
}

int KubeObject::ownerCount() const { return d ? d->ownerCount : 0; }

QByteArrayView KubeObject::ownerUidUtf8(int index) const
{
    if (!d || index < 0 || index >= d->ownerCount)
        return {};
    return d->view(d->ownerRefs()[index]);
}

QString KubeObject::ownerUid(int index) const { return toQString(ownerUidUtf8(index)); }

QStringList KubeObject::ownerUids() const
{
    QStringList out;
    for (int i = 0; i < ownerCount(); ++i)
        out.append(ownerUid(i));
    return out;
}

QByteArray KubeObject::json() const { return d ? d->json : QByteArray(); }

QJsonObject KubeObject::toJsonObject() const
{
    if (!d)
        return {};
    return QJsonDocument::fromJson(d->json).object();
}

qsizetype KubeObject::residentBytes() const
{
    if (!d)
        return 0;
    // Two heap blocks: the header block and the QByteArray's (QArrayData header + bytes + NUL).
    // glibc malloc adds ~16 bytes per block (chunk header and rounding); count it.
    constexpr qsizetype MallocOverhead = 16;
    const qsizetype jsonBlock =
        d->json.capacity() > 0 ? qsizetype(sizeof(QArrayData)) + d->json.capacity() + 1 + MallocOverhead : 0;
    return d->allocationSize() + MallocOverhead + jsonBlock;
}

// ---------------------------------------------------------------------------------------------
// Path lookups (simdjson DOM on a per-thread parser; objects are small).

namespace {

struct PathParser {
    simdjson::dom::parser parser;
    std::string buffer; // padded copy of the JSON
};

PathParser &pathParser()
{
    thread_local PathParser p;
    return p;
}

bool parseDomBytes(QByteArrayView json, simdjson::dom::element &root)
{
    PathParser &pp = pathParser();
    const size_t len = size_t(json.size());
    pp.buffer.resize(len + simdjson::SIMDJSON_PADDING);
    if (len > 0)
        std::memcpy(pp.buffer.data(), json.data(), len);
    std::memset(pp.buffer.data() + len, 0, simdjson::SIMDJSON_PADDING);
    const bool ok = pp.parser.parse(pp.buffer.data(), len, false).get(root) == simdjson::SUCCESS;
    // Do not keep a large buffer around after an unusually big object.
    if (pp.buffer.capacity() > (4u << 20)) {
        std::string().swap(pp.buffer);
    }
    return ok;
}

// A copy where every integer token of more than 18 characters gets ".0": simdjson's DOM reads
// those as doubles instead of refusing the document.
QByteArray bigIntegersAsDecimals(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size() + 32);
    bool inString = false;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json[i];
        if (inString) {
            out += c;
            ++i;
            if (c == '\\' && i < json.size())
                out += json[i++];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            const qsizetype start = i;
            bool integral = true;
            for (; i < json.size(); ++i) {
                const char d = json[i];
                if (d == '.' || d == 'e' || d == 'E')
                    integral = false;
                else if (d != '-' && d != '+' && (d < '0' || d > '9'))
                    break;
            }
            out += json.sliced(start, i - start);
            if (integral && i - start > 18)
                out += ".0";
            continue;
        }
        inString = c == '"';
        out += c;
        ++i;
    }
    return out;
}

bool parseDom(const QByteArray &json, simdjson::dom::element &root)
{
    if (parseDomBytes(json, root))
        return true;
    // The decoder accepts integers beyond 64 bits (valid JSON; custom resources carry them), which
    // simdjson's DOM refuses. Rather than losing every path lookup on such an object, look paths
    // up in a copy where those numbers are decimals (only they lose precision).
    return parseDomBytes(bigIntegersAsDecimals(json), root);
}

bool parseIndex(const std::string &segment, size_t &index)
{
    if (segment.empty() || segment.size() > 9)
        return false;
    const auto result = std::from_chars(segment.data(), segment.data() + segment.size(), index);
    return result.ec == std::errc() && result.ptr == segment.data() + segment.size();
}

bool walk(simdjson::dom::element root, const JsonPath &path, simdjson::dom::element &out)
{
    if (!path.isValid())
        return false;
    simdjson::dom::element current = root;
    for (const std::string &segment : path.segments()) {
        if (current.is_object()) {
            simdjson::dom::object object;
            if (current.get_object().get(object) != simdjson::SUCCESS)
                return false;
            if (object.at_key(segment).get(current) != simdjson::SUCCESS)
                return false;
        } else if (current.is_array()) {
            size_t index = 0;
            if (!parseIndex(segment, index))
                return false;
            simdjson::dom::array array;
            if (current.get_array().get(array) != simdjson::SUCCESS)
                return false;
            if (array.at(index).get(current) != simdjson::SUCCESS)
                return false;
        } else {
            return false;
        }
    }
    out = current;
    return true;
}

std::optional<QString> scalarText(simdjson::dom::element e)
{
    using simdjson::dom::element_type;
    switch (e.type()) {
    case element_type::STRING: {
        std::string_view s;
        if (e.get_string().get(s) != simdjson::SUCCESS)
            return std::nullopt;
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    case element_type::INT64: {
        int64_t v = 0;
        if (e.get_int64().get(v) != simdjson::SUCCESS)
            return std::nullopt;
        return QString::number(v);
    }
    case element_type::UINT64: {
        uint64_t v = 0;
        if (e.get_uint64().get(v) != simdjson::SUCCESS)
            return std::nullopt;
        return QString::number(v);
    }
    case element_type::DOUBLE: {
        double v = 0;
        if (e.get_double().get(v) != simdjson::SUCCESS)
            return std::nullopt;
        return QString::number(v, 'g', QLocale::FloatingPointShortest);
    }
    case element_type::BOOL: {
        bool v = false;
        if (e.get_bool().get(v) != simdjson::SUCCESS)
            return std::nullopt;
        return v ? QStringLiteral("true") : QStringLiteral("false");
    }
    case element_type::NULL_VALUE:
    case element_type::ARRAY:
    case element_type::OBJECT:
        break;
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> KubeObject::stringAt(QStringView path) const
{
    return stringAt(JsonPath::parse(path));
}

std::optional<QString> KubeObject::stringAt(const JsonPath &path) const
{
    if (!d || !path.isValid())
        return std::nullopt;
    simdjson::dom::element root;
    if (!parseDom(d->json, root))
        return std::nullopt;
    simdjson::dom::element value;
    if (!walk(root, path, value))
        return std::nullopt;
    return scalarText(value);
}

std::vector<std::optional<QString>> KubeObject::stringsAt(const std::vector<JsonPath> &paths) const
{
    std::vector<std::optional<QString>> out(paths.size());
    if (!d || paths.empty())
        return out;
    simdjson::dom::element root;
    if (!parseDom(d->json, root))
        return out;
    for (size_t i = 0; i < paths.size(); ++i) {
        simdjson::dom::element value;
        if (walk(root, paths[i], value))
            out[i] = scalarText(value);
    }
    return out;
}

std::optional<QByteArray> KubeObject::rawJsonAt(const JsonPath &path) const
{
    if (!d || !path.isValid())
        return std::nullopt;
    simdjson::dom::element root;
    if (!parseDom(d->json, root))
        return std::nullopt;
    simdjson::dom::element value;
    if (!walk(root, path, value))
        return std::nullopt;
    const std::string text = simdjson::minify(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace fd::kube
