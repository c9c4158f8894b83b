#include "kube/config/YamlTree.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>

namespace fd::kube {

namespace {

constexpr int kMaxMergeDepth = 8;
const QString kMergeKey = QStringLiteral("<<");

YamlMark toMark(const YAML::Mark &mark)
{
    if (mark.line < 0 || mark.column < 0)
        return {};
    return {mark.line + 1, mark.column + 1};
}

// Thrown (inside this file only) to stop yaml-cpp once the node budget is spent.
struct BudgetExceeded {};

class TreeBuilder final : public YAML::EventHandler {
public:
    explicit TreeBuilder(int maxNodes) : m_remaining(maxNodes) {}

    std::shared_ptr<YamlNode> root() const { return m_root; }
    bool started() const { return m_documentStarted; }

    void OnDocumentStart(const YAML::Mark &) override { m_documentStarted = true; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto node = newNode(YamlNode::Kind::Null, mark, anchor);
        attach(node);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end() || !it->second->complete) {
            // Unknown, or an alias to a node that is still open: a cycle. Null breaks it.
            attach(newNode(YamlNode::Kind::Null, mark, YAML::NullAnchor));
            return;
        }
        attach(it->second);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        auto node = newNode(YamlNode::Kind::Scalar, mark, anchor);
        node->scalar = QString::fromStdString(value);
        node->quoted = tag != "?";
        if (tag != "?" && tag != "!")
            node->tag = QString::fromStdString(tag);
        attach(node);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Sequence, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(YamlNode::Kind::Mapping, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        std::shared_ptr<YamlNode> node;
        std::shared_ptr<YamlNode> pendingKey; // mappings: a key waiting for its value
    };

    std::shared_ptr<YamlNode> newNode(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (--m_remaining < 0)
            throw BudgetExceeded{};
        auto node = std::make_shared<YamlNode>();
        node->kind = kind;
        node->mark = toMark(mark);
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = node;
        return node;
    }

    void open(YamlNode::Kind kind, const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor)
    {
        auto node = newNode(kind, mark, anchor);
        if (tag != "?" && tag != "!")
            node->tag = QString::fromStdString(tag);
        node->complete = false;
        attach(node);
        m_stack.push_back({node, nullptr});
    }

    void close()
    {
        if (m_stack.empty())
            return;
        m_stack.back().node->complete = true;
        m_stack.pop_back();
    }

    void attach(const std::shared_ptr<YamlNode> &node)
    {
        if (m_stack.empty()) {
            if (!m_root)
                m_root = node;
            return;
        }
        Frame &top = m_stack.back();
        if (top.node->kind == YamlNode::Kind::Sequence) {
            top.node->items.push_back(node);
        } else if (!top.pendingKey) {
            top.pendingKey = node;
        } else {
            top.node->pairs.emplace_back(std::move(top.pendingKey), node);
            top.pendingKey.reset();
        }
    }

    int m_remaining;
    bool m_documentStarted = false;
    std::shared_ptr<YamlNode> m_root;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, std::shared_ptr<YamlNode>> m_anchors;
};

// Sees whether another document follows, without building it.
class DocumentProbe final : public YAML::EventHandler {
public:
    bool started = false;
    void OnDocumentStart(const YAML::Mark &) override { started = true; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// `visited` makes every merged node count once: aliased `<<` lists cannot multiply the work.
void collectEntries(const YamlNode &node, QList<QPair<QString, YamlNodePtr>> &out, QSet<QString> &seen,
                    QSet<const YamlNode *> &visited, int depth)
{
    if (depth > kMaxMergeDepth || node.kind != YamlNode::Kind::Mapping || visited.contains(&node))
        return;
    visited.insert(&node);
    // Direct keys first (later occurrences override earlier ones, keeping the first position)…
    for (const auto &[key, value] : node.pairs) {
        if (!key || key->kind != YamlNode::Kind::Scalar || (key->scalar == kMergeKey && !key->quoted))
            continue;
        if (seen.contains(key->scalar)) {
            if (depth == 0) {
                for (auto &entry : out) {
                    if (entry.first == key->scalar) {
                        entry.second = value;
                        break;
                    }
                }
            }
            continue;
        }
        seen.insert(key->scalar);
        out.append({key->scalar, value});
    }
    // …then keys merged in with `<<` that are not set directly.
    for (const auto &[key, value] : node.pairs) {
        if (!key || key->kind != YamlNode::Kind::Scalar || key->scalar != kMergeKey || key->quoted || !value)
            continue;
        if (value->kind == YamlNode::Kind::Mapping) {
            collectEntries(*value, out, seen, visited, depth + 1);
        } else if (value->kind == YamlNode::Kind::Sequence) {
            for (const auto &item : value->items) {
                if (item)
                    collectEntries(*item, out, seen, visited, depth + 1);
            }
        }
    }
}

YamlNodePtr findValue(const YamlNode &node, const QString &key, QSet<const YamlNode *> &visited, int depth)
{
    if (depth > kMaxMergeDepth || node.kind != YamlNode::Kind::Mapping || visited.contains(&node))
        return nullptr;
    visited.insert(&node);
    for (auto it = node.pairs.rbegin(); it != node.pairs.rend(); ++it) {
        const auto &k = it->first;
        if (k && k->kind == YamlNode::Kind::Scalar && k->scalar == key && !(key == kMergeKey && !k->quoted))
            return it->second;
    }
    for (const auto &[k, value] : node.pairs) {
        if (!k || k->kind != YamlNode::Kind::Scalar || k->scalar != kMergeKey || k->quoted || !value)
            continue;
        if (value->kind == YamlNode::Kind::Mapping) {
            if (auto found = findValue(*value, key, visited, depth + 1))
                return found;
        } else if (value->kind == YamlNode::Kind::Sequence) {
            for (const auto &item : value->items) {
                if (item) {
                    if (auto found = findValue(*item, key, visited, depth + 1))
                        return found;
                }
            }
        }
    }
    return nullptr;
}

QJsonValue plainScalarToJson(const QString &text)
{
    if (const auto boolean = [&]() -> std::optional<bool> {
            YamlNode probe;
            probe.kind = YamlNode::Kind::Scalar;
            probe.scalar = text;
            return probe.toBool();
        }())
        return QJsonValue(*boolean);
    static const QRegularExpression intPattern(QStringLiteral("^[-+]?(0|[1-9][0-9_]*)$"));
    static const QRegularExpression floatPattern(
        QStringLiteral("^[-+]?([0-9][0-9_]*)?\\.[0-9]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"));
    if (intPattern.match(text).hasMatch() || (text.size() > 1 && floatPattern.match(text).hasMatch())) {
        QString digits = text;
        digits.remove(QLatin1Char('_'));
        bool ok = false;
        const double number = digits.toDouble(&ok);
        if (ok)
            return QJsonValue(number);
    }
    return QJsonValue(text);
}

std::optional<QJsonValue> toJson(const YamlNodePtr &node, int depth, int maxDepth, int &budget)
{
    if (--budget < 0 || depth > maxDepth)
        return std::nullopt;
    if (!node || node->kind == YamlNode::Kind::Null)
        return QJsonValue(QJsonValue::Null);
    switch (node->kind) {
    case YamlNode::Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case YamlNode::Kind::Scalar:
        if (node->quoted || !node->tag.isEmpty())
            return QJsonValue(node->scalar);
        return plainScalarToJson(node->scalar);
    case YamlNode::Kind::Sequence: {
        QJsonArray array;
        for (const auto &item : node->items) {
            auto value = toJson(item, depth + 1, maxDepth, budget);
            if (!value)
                return std::nullopt;
            array.append(*value);
        }
        return QJsonValue(array);
    }
    case YamlNode::Kind::Mapping: {
        QJsonObject object;
        for (const auto &[key, value] : node->mappingEntries()) {
            auto converted = toJson(value, depth + 1, maxDepth, budget);
            if (!converted)
                return std::nullopt;
            object.insert(key, *converted);
        }
        return QJsonValue(object);
    }
    }
    return std::nullopt;
}

} // namespace

YamlNodePtr YamlNode::value(const QString &key) const
{
    // Fast path: no merge keys (nearly every kubeconfig).
    for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
        const auto &k = it->first;
        if (k && k->kind == Kind::Scalar && k->scalar == key && key != kMergeKey)
            return it->second;
    }
    QSet<const YamlNode *> visited;
    return findValue(*this, key, visited, 0);
}

QList<QPair<QString, YamlNodePtr>> YamlNode::mappingEntries() const
{
    QList<QPair<QString, YamlNodePtr>> out;
    QSet<QString> seen;
    QSet<const YamlNode *> visited;
    collectEntries(*this, out, seen, visited, 0);
    return out;
}

QStringList YamlNode::duplicateKeys() const
{
    QStringList duplicates;
    if (kind != Kind::Mapping)
        return duplicates;
    QSet<QString> seen;
    for (const auto &pair : pairs) {
        const auto &key = pair.first;
        if (!key || key->kind != Kind::Scalar)
            continue;
        if (seen.contains(key->scalar)) {
            if (!duplicates.contains(key->scalar))
                duplicates.append(key->scalar);
        } else {
            seen.insert(key->scalar);
        }
    }
    return duplicates;
}

QString YamlNode::kindName() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Mapping:
        return QStringLiteral("a mapping");
    case Kind::Sequence:
        return QStringLiteral("a list");
    case Kind::Scalar:
        break;
    }
    if (quoted || !tag.isEmpty())
        return QStringLiteral("a string");
    if (toBool())
        return QStringLiteral("a boolean");
    const QJsonValue typed = plainScalarToJson(scalar);
    if (typed.isDouble())
        return QStringLiteral("a number");
    return QStringLiteral("a string");
}

std::optional<bool> YamlNode::toBool() const
{
    if (kind != Kind::Scalar || quoted || !tag.isEmpty())
        return std::nullopt;
    static const QStringList truths = {QStringLiteral("y"),    QStringLiteral("Y"),    QStringLiteral("yes"),
                                       QStringLiteral("Yes"),  QStringLiteral("YES"),  QStringLiteral("true"),
                                       QStringLiteral("True"), QStringLiteral("TRUE"), QStringLiteral("on"),
                                       QStringLiteral("On"),   QStringLiteral("ON")};
    static const QStringList falsehoods = {QStringLiteral("n"),     QStringLiteral("N"),     QStringLiteral("no"),
                                           QStringLiteral("No"),    QStringLiteral("NO"),    QStringLiteral("false"),
                                           QStringLiteral("False"), QStringLiteral("FALSE"), QStringLiteral("off"),
                                           QStringLiteral("Off"),   QStringLiteral("OFF")};
    if (truths.contains(scalar))
        return true;
    if (falsehoods.contains(scalar))
        return false;
    return std::nullopt;
}

YamlDocument parseYaml(const QByteArray &utf8, const YamlLimits &limits)
{
    YamlDocument document;
    const std::string text(utf8.constData(), static_cast<size_t>(utf8.size()));
    std::istringstream stream(text);
    TreeBuilder builder(limits.maxNodes);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
        document.root = builder.root();
        try {
            DocumentProbe probe;
            parser.HandleNextDocument(probe);
            document.hasMoreDocuments = probe.started;
        } catch (...) {
            document.hasMoreDocuments = true; // something follows, and it does not even parse
        }
        return document;
    } catch (const YAML::Exception &error) {
        document.error = YamlParseError{QString::fromStdString(error.msg), toMark(error.mark)};
    } catch (const BudgetExceeded &) {
        document.error = YamlParseError{QStringLiteral("document too large (more than %1 nodes)").arg(limits.maxNodes), {}};
    } catch (const std::exception &error) {
        document.error = YamlParseError{QString::fromLocal8Bit(error.what()), {}};
    } catch (...) {
        document.error = YamlParseError{QStringLiteral("unknown parser failure"), {}};
    }
    document.root = builder.root();
    return document;
}

std::optional<QJsonValue> yamlToJson(const YamlNodePtr &node, int maxDepth, int maxNodes)
{
    int budget = maxNodes;
    return toJson(node, 0, maxDepth, budget);
}

} // namespace fd::kube
