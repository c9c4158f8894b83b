#include "sim/codec/YamlJson.h"

#include "sim/codec/Names.h"
#include "sim/codec/YamlResolve.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fd::sim {

namespace {

using yaml::ResolvedScalar;

// Deeper than any Kubernetes object; bounds the recursion that alias expansion could
// otherwise drive arbitrarily deep with a few bytes of input.
constexpr int kMaxDepth = 1000;
constexpr int kYamlCppDepthLimit = 500; // yaml-cpp 0.7's own parser guard (DepthGuard<500>)
const std::string kYamlTagPrefix = "tag:yaml.org,2002:";
const std::string kMergeTag = kYamlTagPrefix + "merge";

struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Mapping, Alias };
    Kind kind = Kind::Null;
    std::string tag; // "?" plain and untagged, "!" quoted and untagged, else the full tag
    std::string value;
    int line = 0;    // 0-based, as yaml-cpp reports them
    int column = 0;
    std::vector<int> children; // mappings: key, value, key, value, …
    int target = -1;           // aliases: the anchored node
    std::string anchor;        // aliases: the anchor's name, for messages
};

// Thrown from inside yaml-cpp's callbacks when it produces more events than its input
// can hold: yaml-cpp 0.7 loops forever on some malformed input (",:" emits nulls without
// end), so every parse runs on an event budget proportional to the input size.
struct ParserRunaway {
    YAML::Mark mark;
};

// Collects one document's parse events into a node tree; anchors resolve to node indices.
class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(qint64 &eventBudget) : m_budget(eventBudget) {}

    std::vector<YamlNode> nodes;
    int root = -1;

    void OnDocumentStart(const YAML::Mark &mark) override { spend(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        add(makeNode(YamlNode::Kind::Null, mark, {}), anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        YamlNode node = makeNode(YamlNode::Kind::Alias, mark, {});
        const auto target = m_anchors.find(anchor);
        node.target = target == m_anchors.end() ? -1 : target->second;
        node.anchor = m_anchorNames[anchor];
        add(std::move(node), YAML::NullAnchor);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        YamlNode node = makeNode(YamlNode::Kind::Scalar, mark, tag);
        node.value = value;
        add(std::move(node), anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        m_open.push_back(add(makeNode(YamlNode::Kind::Sequence, mark, tag), anchor));
    }
    void OnSequenceEnd() override { m_open.pop_back(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        m_open.push_back(add(makeNode(YamlNode::Kind::Mapping, mark, tag), anchor));
    }
    void OnMapEnd() override { m_open.pop_back(); }
    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_pendingAnchorName = name; }

private:
    void spend(const YAML::Mark &mark)
    {
        if (--m_budget < 0)
            throw ParserRunaway{mark};
    }

    YamlNode makeNode(YamlNode::Kind kind, const YAML::Mark &mark, const std::string &tag)
    {
        spend(mark);
        YamlNode node;
        node.kind = kind;
        node.tag = tag;
        node.line = mark.line;
        node.column = mark.column;
        return node;
    }

    int add(YamlNode node, YAML::anchor_t anchor)
    {
        const int index = int(nodes.size());
        nodes.push_back(std::move(node));
        if (m_open.empty())
            root = index;
        else
            nodes[size_t(m_open.back())].children.push_back(index);
        if (anchor != YAML::NullAnchor) {
            // Registered before the children arrive, so `&a [*a]` refers to itself; the
            // decoder catches that cycle.
            m_anchors[anchor] = index;
            m_anchorNames[anchor] = m_pendingAnchorName;
        }
        m_pendingAnchorName.clear();
        return index;
    }

    qint64 &m_budget;
    std::vector<int> m_open;
    std::map<YAML::anchor_t, int> m_anchors;
    std::map<YAML::anchor_t, std::string> m_anchorNames;
    std::string m_pendingAnchorName;
};

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString errorAt(int line, int column, const QString &message)
{
    return QStringLiteral("yaml: line %1, column %2: %3").arg(line + 1).arg(column + 1).arg(message);
}

QString errorAt(const YamlNode &node, const QString &message)
{
    return errorAt(node.line, node.column, message);
}

// go-yaml v2's allowance for alias expansion: 99% of decode work may come from aliases
// in small documents, down to 10% in huge ones ("billion laughs" protection).
double allowedAliasRatio(qint64 decodeCount)
{
    constexpr double kLow = 400000;
    constexpr double kHigh = 4000000;
    if (double(decodeCount) <= kLow)
        return 0.99;
    if (double(decodeCount) >= kHigh)
        return 0.10;
    return 0.99 - 0.89 * ((double(decodeCount) - kLow) / (kHigh - kLow));
}

// A decoded map key: its JSON spelling, and its typed identity (go-yaml compares keys
// before sigs.k8s.io/yaml turns them into strings, so 1 and "1" are different keys).
struct MapKey {
    QString text;
    QString identity;
    QString goSyntax; // %#v, for duplicate-key messages
};

// Turns one document's node tree into JSON with go-yaml v2 + sigs.k8s.io/yaml semantics.
class DocumentDecoder {
public:
    DocumentDecoder(const std::vector<YamlNode> &nodes, YamlDuplicateKeys duplicates)
        : m_nodes(nodes), m_rejectDuplicates(duplicates == YamlDuplicateKeys::Reject)
    {
    }

    fd::Expected<QJsonValue, QString> decodeDocument(int root)
    {
        if (root < 0)
            return QJsonValue(QJsonValue::Null);
        auto value = decode(root, 0);
        if (!value)
            return value;
        if (!m_duplicateErrors.isEmpty())
            return fd::Unexpected(QStringLiteral("yaml: unmarshal errors:\n  ") + m_duplicateErrors.join(QStringLiteral("\n  ")));
        return value;
    }

private:
    using Value = fd::Expected<QJsonValue, QString>;
    using Result = fd::Expected<void, QString>;
    using Entries = std::map<QString, QJsonValue>;

    const YamlNode &node(int index) const { return m_nodes[size_t(index)]; }

    // Bookkeeping shared by every decode step: the alias-bomb guard and the depth bound.
    Result enter(int index, int depth)
    {
        ++m_decodeCount;
        if (m_aliasDepth > 0)
            ++m_aliasCount;
        if (m_aliasCount > 100 && m_decodeCount > 1000
            && double(m_aliasCount) / double(m_decodeCount) > allowedAliasRatio(m_decodeCount))
            return fd::Unexpected(QStringLiteral("yaml: document contains excessive aliasing"));
        if (depth > kMaxDepth)
            return fd::Unexpected(errorAt(node(index), QStringLiteral("exceeds the maximum nesting depth of %1").arg(kMaxDepth)));
        return {};
    }

    Value decode(int index, int depth)
    {
        if (Result r = enter(index, depth); !r)
            return fd::Unexpected(r.error());
        const YamlNode &n = node(index);
        switch (n.kind) {
        case YamlNode::Kind::Null:
            return QJsonValue(QJsonValue::Null);
        case YamlNode::Kind::Scalar:
            return scalarValue(n);
        case YamlNode::Kind::Sequence: {
            QJsonArray array;
            for (int child : n.children) {
                auto item = decode(child, depth + 1);
                if (!item)
                    return item;
                array.append(*item);
            }
            return QJsonValue(array);
        }
        case YamlNode::Kind::Mapping: {
            // Entries are collected sorted and inserted in order: inserting into a
            // QJsonObject at arbitrary positions would make large mappings quadratic.
            Entries entries;
            QSet<QString> seen;
            if (Result r = decodeMappingInto(n, entries, seen, depth); !r)
                return fd::Unexpected(r.error());
            QJsonObject object;
            for (const auto &[key, value] : entries)
                object.insert(key, value);
            return QJsonValue(object);
        }
        case YamlNode::Kind::Alias:
            return expandAlias(index, [this, depth](int target) { return decode(target, depth + 1); });
        }
        return QJsonValue(QJsonValue::Null);
    }

    template<typename Expand>
    auto expandAlias(int aliasIndex, Expand expand) -> decltype(expand(0))
    {
        const YamlNode &alias = node(aliasIndex);
        if (alias.target < 0)
            return fd::Unexpected(errorAt(alias, QStringLiteral("unknown anchor '%1' referenced").arg(fromStd(alias.anchor))));
        if (m_expanding.count(aliasIndex))
            return fd::Unexpected(errorAt(alias, QStringLiteral("anchor '%1' value contains itself").arg(fromStd(alias.anchor))));
        m_expanding.insert(aliasIndex);
        ++m_aliasDepth;
        auto result = expand(alias.target);
        --m_aliasDepth;
        m_expanding.erase(aliasIndex);
        return result;
    }

    fd::Expected<ResolvedScalar, QString> resolve(const YamlNode &n) const
    {
        if (n.tag == "?")
            return yaml::resolvePlain(n.value);
        if (n.tag == "!")
            return yaml::resolveTagged("!!str", n.value);
        const std::string shortTag =
            n.tag.rfind(kYamlTagPrefix, 0) == 0 ? "!!" + n.tag.substr(kYamlTagPrefix.size()) : n.tag;
        auto resolved = yaml::resolveTagged(shortTag, n.value);
        if (!resolved)
            return fd::Unexpected(errorAt(n, resolved.error()));
        return resolved;
    }

    Value scalarValue(const YamlNode &n) const
    {
        auto resolved = resolve(n);
        if (!resolved)
            return fd::Unexpected(resolved.error());
        switch (resolved->type) {
        case ResolvedScalar::Type::Null: return QJsonValue(QJsonValue::Null);
        case ResolvedScalar::Type::Bool: return QJsonValue(resolved->boolean);
        case ResolvedScalar::Type::Int: return QJsonValue(resolved->integer);
        case ResolvedScalar::Type::Uint: return QJsonValue(double(resolved->uinteger));
        case ResolvedScalar::Type::Float:
            if (!std::isfinite(resolved->real))
                return fd::Unexpected(errorAt(n, QStringLiteral("unsupported value %1: JSON has no infinity or NaN")
                                                     .arg(fromStd(n.value))));
            return QJsonValue(resolved->real);
        case ResolvedScalar::Type::String: return QJsonValue(fromStd(resolved->text));
        }
        return QJsonValue(QJsonValue::Null);
    }

    static bool isMergeKey(const YamlNode &key)
    {
        return key.kind == YamlNode::Kind::Scalar && key.value == "<<" && (key.tag == "?" || key.tag == kMergeTag);
    }

    Result decodeMappingInto(const YamlNode &mapping, Entries &out, QSet<QString> &seen, int depth)
    {
        for (size_t i = 0; i + 1 < mapping.children.size(); i += 2) {
            const int keyIndex = mapping.children[i];
            const int valueIndex = mapping.children[i + 1];
            if (isMergeKey(node(keyIndex))) {
                if (Result r = merge(valueIndex, out, seen, depth); !r)
                    return r;
                continue;
            }
            auto key = decodeKey(keyIndex, depth + 1);
            if (!key)
                return fd::Unexpected(key.error());
            auto value = decode(valueIndex, depth + 1);
            if (!value)
                return fd::Unexpected(value.error());
            if (m_rejectDuplicates && seen.contains(key->identity)) {
                m_duplicateErrors << QStringLiteral("line %1: key %2 already set in map")
                                         .arg(node(valueIndex).line + 1).arg(key->goSyntax);
                continue;
            }
            seen.insert(key->identity);
            out[key->text] = *value;
        }
        return {};
    }

    // `<<: *base` or `<<: [*a, *b]` (earlier maps win, so they are applied last).
    Result merge(int valueIndex, Entries &out, QSet<QString> &seen, int depth)
    {
        const YamlNode &value = node(valueIndex);
        const QString wantMap = QStringLiteral("map merge requires map or sequence of maps as the value");
        auto mergeOne = [&](int index) -> Result {
            const YamlNode &source = node(index);
            if (source.kind == YamlNode::Kind::Mapping) {
                if (Result r = enter(index, depth + 1); !r)
                    return r;
                return decodeMappingInto(source, out, seen, depth + 1);
            }
            if (source.kind == YamlNode::Kind::Alias && source.target >= 0
                && node(source.target).kind == YamlNode::Kind::Mapping) {
                if (Result r = enter(index, depth + 1); !r)
                    return r;
                return expandAlias(index, [&](int target) -> Result {
                    if (Result r = enter(target, depth + 2); !r)
                        return r;
                    return decodeMappingInto(node(target), out, seen, depth + 2);
                });
            }
            return fd::Unexpected(errorAt(source, wantMap));
        };
        if (value.kind != YamlNode::Kind::Sequence)
            return mergeOne(valueIndex);
        for (auto it = value.children.rbegin(); it != value.children.rend(); ++it) {
            if (Result r = mergeOne(*it); !r)
                return r;
        }
        return {};
    }

    fd::Expected<MapKey, QString> decodeKey(int index, int depth)
    {
        if (Result r = enter(index, depth); !r)
            return fd::Unexpected(r.error());
        const YamlNode &n = node(index);
        switch (n.kind) {
        case YamlNode::Kind::Alias:
            return expandAlias(index, [this, depth](int target) { return decodeKey(target, depth + 1); });
        case YamlNode::Kind::Sequence:
        case YamlNode::Kind::Mapping:
            return fd::Unexpected(errorAt(n, QStringLiteral("invalid map key: a sequence or mapping cannot be a key")));
        case YamlNode::Kind::Null:
            return fd::Unexpected(errorAt(n, QStringLiteral("unsupported map key null: JSON keys must be strings")));
        case YamlNode::Kind::Scalar:
            break;
        }
        auto resolved = resolve(n);
        if (!resolved)
            return fd::Unexpected(resolved.error());
        // sigs.k8s.io/yaml stringifies the key types go-yaml produces.
        switch (resolved->type) {
        case ResolvedScalar::Type::String: {
            const QString text = fromStd(resolved->text);
            return MapKey{text, QStringLiteral("s:") + text, goQuote(text)};
        }
        case ResolvedScalar::Type::Int: {
            const QString text = QString::number(resolved->integer);
            return MapKey{text, QStringLiteral("i:") + text, text};
        }
        case ResolvedScalar::Type::Bool: {
            const QString text = resolved->boolean ? QStringLiteral("true") : QStringLiteral("false");
            return MapKey{text, QStringLiteral("b:") + text, text};
        }
        case ResolvedScalar::Type::Float: {
            std::string text = yaml::goFormatFloat(resolved->real, 32);
            if (text == "+Inf") text = ".inf";
            else if (text == "-Inf") text = "-.inf";
            else if (text == "NaN") text = ".nan";
            const QString key = fromStd(text);
            return MapKey{key, QStringLiteral("f:") + fromStd(yaml::goFormatFloat(resolved->real, 64)), key};
        }
        case ResolvedScalar::Type::Uint:
            return fd::Unexpected(errorAt(n, QStringLiteral("unsupported map key of type uint64: %1").arg(fromStd(n.value))));
        case ResolvedScalar::Type::Null:
            break;
        }
        return fd::Unexpected(errorAt(n, QStringLiteral("unsupported map key null: JSON keys must be strings")));
    }

    const std::vector<YamlNode> &m_nodes;
    const bool m_rejectDuplicates;
    QStringList m_duplicateErrors;
    qint64 m_decodeCount = 0;
    qint64 m_aliasCount = 0;
    int m_aliasDepth = 0;
    std::set<int> m_expanding;
};

// Parses every document and hands each decoded one to `onDocument`; stops after the
// first when `firstOnly`. yaml-cpp reports syntax errors by exception: they end here.
template<typename OnDocument>
fd::Expected<void, QString> forEachDocument(const QByteArray &yamlText, YamlDuplicateKeys duplicates, bool firstOnly,
                                            OnDocument onDocument)
{
    // A node needs at least a byte or two of input; four events per byte is ample.
    qint64 eventBudget = 4 * (qint64(yamlText.size()) + 16);
    try {
        std::istringstream stream(yamlText.toStdString());
        YAML::Parser parser(stream);
        for (;;) {
            TreeBuilder builder(eventBudget);
            if (!parser.HandleNextDocument(builder))
                return {};
            DocumentDecoder decoder(builder.nodes, duplicates);
            auto value = decoder.decodeDocument(builder.root);
            if (!value)
                return fd::Unexpected(value.error());
            onDocument(*value);
            if (firstOnly)
                return {};
        }
    } catch (const ParserRunaway &runaway) {
        return fd::Unexpected(errorAt(runaway.mark.line, runaway.mark.column,
                                      QStringLiteral("malformed YAML: the parser stopped making progress here")));
    } catch (const YAML::DeepRecursion &e) {
        return fd::Unexpected(errorAt(e.mark.line, e.mark.column, QStringLiteral("nesting is too deep (limit %1 levels)").arg(kYamlCppDepthLimit)));
    } catch (const YAML::Exception &e) {
        if (e.mark.is_null())
            return fd::Unexpected(QStringLiteral("yaml: ") + fromStd(e.msg));
        return fd::Unexpected(errorAt(e.mark.line, e.mark.column, fromStd(e.msg)));
    } catch (const std::exception &e) {
        return fd::Unexpected(QStringLiteral("yaml: ") + QString::fromLocal8Bit(e.what()));
    }
}

} // namespace

fd::Expected<QJsonValue, QString> yamlToJson(const QByteArray &yaml, YamlDuplicateKeys duplicates)
{
    QJsonValue result(QJsonValue::Null);
    auto r = forEachDocument(yaml, duplicates, true, [&result](const QJsonValue &value) { result = value; });
    if (!r)
        return fd::Unexpected(r.error());
    return result;
}

fd::Expected<QList<QJsonValue>, QString> yamlDocumentsToJson(const QByteArray &yaml, YamlDuplicateKeys duplicates)
{
    QList<QJsonValue> documents;
    auto r = forEachDocument(yaml, duplicates, false, [&documents](const QJsonValue &value) {
        if (!value.isNull())
            documents.append(value);
    });
    if (!r)
        return fd::Unexpected(r.error());
    return documents;
}

} // namespace fd::sim
