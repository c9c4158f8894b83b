#include "helm/ValuesDocument.h"

#include "helm/HelmTr.h"
#include "helm/ValuesText.h"
#include "kube/config/YamlTree.h"

#include <QJsonArray>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;
using detail::ValuesText;
using fd::kube::YamlNode;
using fd::kube::YamlNodePtr;

namespace {

const QString kNamespacesKey = u"additionalFissionNamespaces"_s;
const QString kDefaultNamespaceKey = u"defaultNamespace"_s;
const QString kExecutorKey = u"executor"_s;
const QString kAdoptKey = u"adoptExistingResources"_s;

using EditResult = fd::Expected<QByteArray, QString>;

fd::Unexpected<QString> refuse(const QString &message)
{
    return fd::Unexpected(message);
}

// One `key: value` pair of a block mapping, with where its text lies.
struct Entry {
    YamlNodePtr key;
    YamlNodePtr value;
    qsizetype keyPos = -1;
    qsizetype regionEnd = -1; // where the next key's line starts (or the mapping's region ends)
};

// The last direct occurrence of `name` in `mapping` (the one that wins); merge keys are not
// followed: an edit adds a direct key, which overrides a merged one.
std::optional<Entry> findEntry(const ValuesText &text, const YamlNode &mapping, const QString &name, qsizetype regionEnd)
{
    for (int i = int(mapping.pairs.size()) - 1; i >= 0; --i) {
        const auto &[key, value] = mapping.pairs[size_t(i)];
        if (!key || !key->isScalar() || key->scalar != name)
            continue;
        Entry entry;
        entry.key = key;
        entry.value = value;
        entry.keyPos = text.offset(key->mark);
        entry.regionEnd = regionEnd;
        if (size_t(i) + 1 < mapping.pairs.size()) {
            const auto &next = mapping.pairs[size_t(i) + 1].first;
            if (next) {
                const qsizetype nextPos = text.offset(next->mark);
                if (nextPos >= 0)
                    entry.regionEnd = text.lineStart(text.lineOf(nextPos));
            }
        }
        return entry;
    }
    return std::nullopt;
}

// Where an entry's value is in the text.
struct ValueLayout {
    qsizetype colon = -1;
    int keyLine = 0;
    qsizetype keyLineEnd = 0;
    bool hasInline = false;  // a token follows the colon on the key's line
    bool singleLine = false; // …and ends on that line
    char tokenKind = 0;      // '"', '\'', '[', '{', '|', '>' or 'p' (plain)
    qsizetype tokenStart = -1;
    qsizetype tokenEnd = -1;
    qsizetype contentEnd = -1;     // end of the entry's last content line
    qsizetype oldValueLineEnd = 0; // end of the last line the old value occupies
    QByteArray keyLineComment;     // " # …" after the value (or the colon) on the key's line

    bool isFlowCollection() const { return hasInline && (tokenKind == '[' || tokenKind == '{'); }
};

fd::Expected<ValueLayout, QString> layoutOf(const ValuesText &text, const Entry &entry)
{
    ValueLayout layout;
    const QString keyName = entry.key->scalar;
    if (entry.keyPos < 0 || !text.startsLine(entry.keyPos))
        return refuse(translate("fd::helm", "\"%1\" is not at the start of its line; edit the text directly.").arg(keyName));
    layout.colon = text.colonAfterKey(entry.keyPos);
    if (layout.colon < 0)
        return refuse(translate("fd::helm", "The key \"%1\" has an unusual form; edit the text directly.").arg(keyName));
    layout.keyLine = text.lineOf(entry.keyPos);
    layout.keyLineEnd = text.lineEnd(layout.keyLine);
    layout.contentEnd = std::max(text.contentEnd(layout.keyLine, entry.regionEnd), layout.keyLineEnd);

    const qsizetype start = text.skipSpaces(layout.colon + 1);
    const char first = text.at(start);
    layout.hasInline = start < layout.keyLineEnd && first != '#';
    if (!layout.hasInline) {
        const QByteArray rest = text.bytes().mid(layout.colon + 1, layout.keyLineEnd - layout.colon - 1);
        if (rest.contains('#'))
            layout.keyLineComment = rest;
        layout.oldValueLineEnd = layout.contentEnd;
        return layout;
    }
    if (first == '&' || first == '*' || first == '!')
        return refuse(translate("fd::helm", "The value of \"%1\" uses a YAML anchor, alias or tag; edit the text directly.")
                          .arg(keyName));
    layout.tokenStart = start;
    layout.tokenKind = first;
    switch (first) {
    case '"':
    case '\'':
        layout.tokenEnd = text.quotedEnd(start);
        break;
    case '[':
    case '{':
        layout.tokenEnd = text.flowEnd(start);
        break;
    case '|':
    case '>':
        layout.tokenEnd = layout.contentEnd; // a block scalar runs to the end of the entry
        break;
    default:
        layout.tokenKind = 'p';
        layout.tokenEnd = text.plainEndOnLine(start);
        // More content lines inside the entry continue a multi-line plain scalar.
        if (layout.contentEnd > layout.keyLineEnd)
            layout.tokenEnd = layout.contentEnd;
        break;
    }
    if (layout.tokenEnd < 0)
        return refuse(translate("fd::helm", "The value of \"%1\" is not terminated.").arg(keyName));
    layout.singleLine = layout.tokenEnd <= layout.keyLineEnd && first != '|' && first != '>';
    if (layout.singleLine) {
        const QByteArray rest = text.bytes().mid(layout.tokenEnd, layout.keyLineEnd - layout.tokenEnd);
        if (rest.contains('#'))
            layout.keyLineComment = rest;
        layout.oldValueLineEnd = layout.keyLineEnd;
    } else {
        layout.oldValueLineEnd = std::max(text.lineEnd(text.lineOf(layout.tokenEnd - 1)), layout.contentEnd);
    }
    return layout;
}

// The new value as one inline token ("x", "[]", "[a, b]"), replacing whatever was there. A
// single-line token is replaced in place (spacing and comment untouched).
QByteArray withInlineValue(const ValuesText &text, const ValueLayout &layout, const QByteArray &value)
{
    const QByteArray &bytes = text.bytes();
    if (layout.hasInline && layout.singleLine)
        return bytes.left(layout.tokenStart) + value + bytes.mid(layout.tokenEnd);
    return bytes.left(layout.colon + 1) + ' ' + value + layout.keyLineComment + bytes.mid(layout.oldValueLineEnd);
}

// The new value as block lines (already indented, joined by newlines) below the key.
QByteArray withBlockValue(const ValuesText &text, const ValueLayout &layout, const QByteArray &lines)
{
    const QByteArray &bytes = text.bytes();
    return bytes.left(layout.colon + 1) + layout.keyLineComment + text.newline() + lines
        + bytes.mid(layout.oldValueLineEnd);
}

// Indentation the document uses: nested maps (child column minus parent column) and block lists
// under a key (dash column minus key column).
struct IndentStyle {
    int mapStep = 2;
    int sequenceOffset = 2;
};

IndentStyle detectIndent(const ValuesText &text, const YamlNode &root)
{
    IndentStyle style;
    bool mapFound = false;
    bool sequenceFound = false;
    for (const auto &[key, value] : root.pairs) {
        if (!key || !value)
            continue;
        const qsizetype keyPos = text.offset(key->mark);
        const qsizetype valuePos = text.offset(value->mark);
        if (keyPos < 0 || valuePos < 0 || text.lineOf(valuePos) <= text.lineOf(keyPos))
            continue;
        const int step = text.characterColumn(valuePos) - text.characterColumn(keyPos);
        if (!mapFound && value->isMapping() && text.at(valuePos) != '{' && step > 0) {
            style.mapStep = step;
            mapFound = true;
        } else if (!sequenceFound && value->isSequence() && text.at(valuePos) == '-' && step >= 0) {
            style.sequenceOffset = step;
            sequenceFound = true;
        }
        if (mapFound && sequenceFound)
            break;
    }
    return style;
}

// The document's top level, ready for edits.
struct RootLayout {
    const YamlNode *mapping = nullptr; // null: no keys yet (empty document)
    QByteArray base;                   // the text to append new keys to
    QByteArray indent;                 // of the top-level keys
    IndentStyle style;
};

bool isEmptyMarker(const QByteArray &token)
{
    return token == "null" || token == "Null" || token == "NULL" || token == "~" || token == "{}";
}

fd::Expected<RootLayout, QString> rootLayout(const ValuesText &text, const fd::kube::YamlDocument &parsed)
{
    if (parsed.error)
        return refuse(translate("fd::helm", "The values have a YAML syntax error; fix it before editing them here."));
    RootLayout layout;
    layout.base = text.bytes();
    const YamlNodePtr &root = parsed.root;
    const bool emptyFlowMap = root && root->isMapping() && root->pairs.empty();
    if (root && root->isMapping() && !emptyFlowMap) {
        const qsizetype rootPos = text.offset(root->mark);
        if (rootPos < 0 || text.at(rootPos) == '{')
            return refuse(translate("fd::helm", "The values are written as a flow map ({…}); edit the text directly."));
        layout.mapping = root.get();
        layout.indent = text.indentBefore(rootPos);
        layout.style = detectIndent(text, *root);
        return layout;
    }
    if (root && !root->isNull() && !emptyFlowMap)
        return refuse(translate("fd::helm", "The values document is not a map of keys."));
    // Nothing but comments, or a lone `null`/`~`/`{}` (as `helm get values` prints an empty set):
    // that marker goes, the keys are appended.
    for (int line = 0; line < text.lineCount(); ++line) {
        if (text.isBlankOrComment(line))
            continue;
        const qsizetype start = text.skipSpaces(text.lineStart(line));
        const QByteArray token = text.bytes().mid(start, text.plainEndOnLine(start) - start);
        if (token == "---" || token == "...")
            continue;
        if (!isEmptyMarker(token))
            return refuse(translate("fd::helm", "The values document is not a map of keys."));
        const qsizetype end = text.lineEnd(line);
        const QByteArray rest = text.bytes().mid(text.plainEndOnLine(start), end - text.plainEndOnLine(start));
        layout.base = text.bytes().left(text.lineStart(line)) + rest.trimmed() + text.bytes().mid(end);
        if (rest.trimmed().isEmpty()) {
            // Drop the emptied line with its line break.
            const qsizetype next = text.lineStart(line + 1);
            layout.base = text.bytes().left(text.lineStart(line)) + text.bytes().mid(next);
        }
        break;
    }
    return layout;
}

QByteArray appendLines(const ValuesText &text, QByteArray base, const QByteArray &lines)
{
    if (!base.isEmpty() && !base.endsWith('\n'))
        base += text.newline();
    return base + lines + text.newline();
}

QByteArray indentOf(int count)
{
    return QByteArray(std::max(count, 0), ' ');
}

QByteArray itemLine(const QByteArray &indent, const QString &name)
{
    return indent + "- " + yamlScalar(QJsonValue(name));
}

QByteArray joinLines(const QList<QByteArray> &lines, const QByteArray &newline)
{
    QByteArray out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += newline;
        out += lines.at(i);
    }
    return out;
}

QByteArray flowList(const QStringList &names)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += yamlScalar(QJsonValue(names.at(i)));
    }
    return out + ']';
}

// Item-level edit of a block list of single-line scalars: kept items keep their lines and the
// comment lines above them. nullopt when the list has another shape (the caller rewrites it).
std::optional<QByteArray> editBlockList(const ValuesText &text, const ValueLayout &layout, const YamlNode &sequence,
                                        const QStringList &names)
{
    struct Item {
        QString value;
        int line = 0;
        qsizetype blockStart = 0; // first comment line above it (items after the first)
        qsizetype lineEnd = 0;
        bool used = false;
    };
    QList<Item> items;
    if (sequence.items.empty())
        return std::nullopt;
    for (const YamlNodePtr &node : sequence.items) {
        if (!node || !node->isScalar())
            return std::nullopt;
        const qsizetype pos = text.offset(node->mark);
        if (pos < 0)
            return std::nullopt;
        // "<spaces>- value" on one line.
        qsizetype dash = pos - 1;
        while (dash >= 0 && text.at(dash) == ' ')
            --dash;
        if (dash < 0 || text.at(dash) != '-' || !text.startsLine(dash) || dash == pos - 1)
            return std::nullopt;
        Item item;
        item.value = node->scalar;
        item.line = text.lineOf(pos);
        item.lineEnd = text.lineEnd(item.line);
        const char first = text.at(pos);
        qsizetype end = -1;
        if (first == '"' || first == '\'')
            end = text.quotedEnd(pos);
        else if (first == '|' || first == '>' || first == '[' || first == '{' || first == '&' || first == '*' || first == '!')
            return std::nullopt;
        else
            end = text.plainEndOnLine(pos);
        if (end < 0 || end > item.lineEnd)
            return std::nullopt;
        if (!items.isEmpty()) {
            const Item &previous = items.last();
            for (int line = previous.line + 1; line < item.line; ++line) {
                if (!text.isBlankOrComment(line))
                    return std::nullopt; // a multi-line item before this one
            }
            item.blockStart = text.lineStart(previous.line + 1);
        } else {
            item.blockStart = text.lineStart(item.line);
            if (item.line <= layout.keyLine)
                return std::nullopt;
        }
        items.append(item);
    }
    // Content after the last item inside the entry (a multi-line last item) is not handled here.
    if (layout.contentEnd > items.last().lineEnd)
        return std::nullopt;

    const QByteArray &bytes = text.bytes();
    const QByteArray indent = bytes.mid(text.lineStart(items.first().line),
                                        text.offset(sequence.items.front()->mark) - text.lineStart(items.first().line));
    // `indent` is "<spaces>- " up to the value; keep only the part before the dash.
    const QByteArray dashIndent = indent.left(indent.indexOf('-'));
    const qsizetype regionStart = items.first().blockStart;
    const qsizetype regionEnd = items.last().lineEnd;

    if (names.isEmpty()) {
        // `key: []`, keeping the comment lines between the key and the first item.
        QByteArray rest = layout.keyLineComment;
        const QByteArray header = bytes.mid(layout.keyLineEnd, text.lineEnd(items.first().line - 1) - layout.keyLineEnd);
        return bytes.left(layout.colon + 1) + " []" + rest + header + bytes.mid(regionEnd);
    }
    QList<QByteArray> blocks;
    for (const QString &name : names) {
        auto it = std::find_if(items.begin(), items.end(), [&name](const Item &item) { return !item.used && item.value == name; });
        if (it != items.end()) {
            it->used = true;
            blocks.append(bytes.mid(it->blockStart, it->lineEnd - it->blockStart));
        } else {
            blocks.append(itemLine(dashIndent, name));
        }
    }
    return bytes.left(regionStart) + joinLines(blocks, text.newline()) + bytes.mid(regionEnd);
}

QList<QByteArray> newListLines(const QByteArray &indent, const QStringList &names)
{
    QList<QByteArray> lines;
    for (const QString &name : names)
        lines.append(itemLine(indent, name));
    return lines;
}

EditResult editNamespaces(const ValuesText &text, const fd::kube::YamlDocument &parsed, const QStringList &names)
{
    auto root = rootLayout(text, parsed);
    if (!root)
        return fd::Unexpected(root.error());
    const RootLayout &layout = root.value();
    const int keyColumn = int(layout.indent.size());
    const QByteArray itemIndent = indentOf(keyColumn + layout.style.sequenceOffset);
    const QByteArray key = layout.indent + yamlKey(kNamespacesKey) + ':';

    std::optional<Entry> entry;
    if (layout.mapping)
        entry = findEntry(text, *layout.mapping, kNamespacesKey, text.size());
    if (!entry) {
        if (names.isEmpty())
            return appendLines(text, layout.base, key + " []");
        return appendLines(text, layout.base, key + text.newline() + joinLines(newListLines(itemIndent, names), text.newline()));
    }
    auto valueLayout = layoutOf(text, *entry);
    if (!valueLayout)
        return fd::Unexpected(valueLayout.error());
    const ValueLayout &value = valueLayout.value();
    const YamlNodePtr &node = entry->value;

    if (node && node->isSequence() && !value.hasInline) {
        if (auto edited = editBlockList(text, value, *node, names))
            return *edited;
        // Some other shape: rewrite the list in the indentation of its first dash.
        const qsizetype first = text.offset(node->mark);
        const QByteArray indent = first >= 0 && text.at(first) == '-' ? text.indentBefore(first) : itemIndent;
        if (names.isEmpty())
            return withInlineValue(text, value, "[]");
        return withBlockValue(text, value, joinLines(newListLines(indent, names), text.newline()));
    }
    if (names.isEmpty())
        return withInlineValue(text, value, "[]");
    // A non-empty flow list stays a flow list; anything else becomes a block list.
    if (node && node->isSequence() && value.isFlowCollection() && !node->items.empty())
        return withInlineValue(text, value, flowList(names));
    return withBlockValue(text, value, joinLines(newListLines(itemIndent, names), text.newline()));
}

// Sets a scalar at `path` (one or two keys).
EditResult editScalar(const ValuesText &text, const fd::kube::YamlDocument &parsed, const QStringList &path,
                      const QByteArray &scalar)
{
    auto root = rootLayout(text, parsed);
    if (!root)
        return fd::Unexpected(root.error());
    const RootLayout &layout = root.value();
    const int keyColumn = int(layout.indent.size());
    const QByteArray childIndent = indentOf(keyColumn + layout.style.mapStep);

    std::optional<Entry> entry;
    if (layout.mapping)
        entry = findEntry(text, *layout.mapping, path.first(), text.size());
    if (!entry) {
        QByteArray lines = layout.indent + yamlKey(path.first()) + ':';
        if (path.size() == 1)
            lines += ' ' + scalar;
        else
            lines += text.newline() + childIndent + yamlKey(path.at(1)) + ": " + scalar;
        return appendLines(text, layout.base, lines);
    }
    auto valueLayout = layoutOf(text, *entry);
    if (!valueLayout)
        return fd::Unexpected(valueLayout.error());
    const ValueLayout &value = valueLayout.value();
    const YamlNodePtr &node = entry->value;

    if (path.size() == 1)
        return withInlineValue(text, value, scalar); // a list or map there becomes the scalar

    // Two keys: the first names a map (executor).
    const QByteArray childLine = yamlKey(path.at(1)) + ": " + scalar;
    if (!node || node->isNull() || (node->isMapping() && node->pairs.empty() && value.isFlowCollection()))
        return withBlockValue(text, value, childIndent + childLine); // `executor:`, `~` or `{}`
    if (!node->isMapping())
        return refuse(translate("fd::helm", "\"%1\" is not a map; edit the text directly.").arg(path.first()));
    if (value.isFlowCollection()) {
        // A non-empty flow map: add or replace inside the braces is guesswork; rewrite it only
        // when the key is absent, by inserting before the closing brace.
        if (findEntry(text, *node, path.at(1), entry->regionEnd))
            return refuse(translate("fd::helm", "\"%1\" is written as a flow map ({…}); edit the text directly.")
                              .arg(path.first()));
        qsizetype close = value.tokenEnd - 1;
        qsizetype insertAt = close;
        while (insertAt > value.tokenStart && (text.at(insertAt - 1) == ' '))
            --insertAt;
        return text.bytes().left(insertAt) + ", " + childLine + text.bytes().mid(insertAt);
    }
    if (value.hasInline)
        return refuse(translate("fd::helm", "\"%1\" has an unusual value; edit the text directly.").arg(path.first()));
    auto child = findEntry(text, *node, path.at(1), entry->regionEnd);
    if (child) {
        auto childLayout = layoutOf(text, *child);
        if (!childLayout)
            return fd::Unexpected(childLayout.error());
        return withInlineValue(text, childLayout.value(), scalar);
    }
    // Insert as the map's first key, right below "executor:", in the map's own indentation.
    const qsizetype firstChild = text.offset(node->mark);
    const QByteArray indent = firstChild >= 0 && text.startsLine(firstChild) ? text.indentBefore(firstChild) : childIndent;
    const QByteArray &bytes = text.bytes();
    return bytes.left(value.keyLineEnd) + text.newline() + indent + childLine + bytes.mid(value.keyLineEnd);
}

} // namespace

ValuesDocument::ValuesDocument() : ValuesDocument(QString()) {}

ValuesDocument::ValuesDocument(const QString &text) : m_utf8(text.toUtf8())
{
    reparse();
}

ValuesDocument::~ValuesDocument() = default;
ValuesDocument::ValuesDocument(const ValuesDocument &other) = default;
ValuesDocument &ValuesDocument::operator=(const ValuesDocument &other) = default;

ValuesDocument ValuesDocument::fromValues(const QJsonObject &values, const YamlStyle &style)
{
    return ValuesDocument(values.isEmpty() ? QString() : QString::fromUtf8(toYaml(values, style)));
}

QString ValuesDocument::text() const
{
    return QString::fromUtf8(m_utf8);
}

void ValuesDocument::setText(const QString &text)
{
    m_utf8 = text.toUtf8();
    reparse();
}

void ValuesDocument::reparse()
{
    m_parsed = std::make_shared<const fd::kube::YamlDocument>(fd::kube::parseYaml(m_utf8));
}

std::optional<ValuesIssue> ValuesDocument::syntaxError() const
{
    if (!m_parsed->error)
        return std::nullopt;
    const ValuesText text(m_utf8);
    ValuesIssue issue;
    issue.line = m_parsed->error->mark.line;
    const qsizetype pos = text.offset(m_parsed->error->mark);
    issue.column = pos >= 0 ? text.characterColumn(pos) : m_parsed->error->mark.column;
    issue.message = translate("fd::helm", "YAML syntax error: %1").arg(m_parsed->error->message);
    return issue;
}

fd::Expected<QJsonObject, ValuesIssue> ValuesDocument::values() const
{
    if (auto error = syntaxError())
        return fd::Unexpected(*error);
    const YamlNodePtr &root = m_parsed->root;
    if (!root || root->isNull())
        return QJsonObject();
    if (!root->isMapping()) {
        ValuesIssue issue;
        issue.line = root->mark.line;
        issue.column = root->mark.column;
        issue.message = translate("fd::helm", "The values must be a map of keys, not %1.").arg(root->kindName());
        return fd::Unexpected(issue);
    }
    const auto json = fd::kube::yamlToJson(root);
    if (!json || !json->isObject()) {
        ValuesIssue issue;
        issue.message = translate("fd::helm", "The values are nested too deeply or are too large.");
        return fd::Unexpected(issue);
    }
    return json->toObject();
}

namespace {

YamlNodePtr lookup(const YamlNodePtr &root, const QStringList &path)
{
    YamlNodePtr node = root;
    for (const QString &key : path) {
        if (!node || !node->isMapping())
            return nullptr;
        node = node->value(key);
    }
    return node;
}

} // namespace

std::optional<QStringList> ValuesDocument::additionalNamespaces() const
{
    const YamlNodePtr node = lookup(m_parsed->root, {kNamespacesKey});
    if (!node || !node->isSequence())
        return std::nullopt;
    QStringList names;
    for (const YamlNodePtr &item : node->items) {
        if (item && item->isScalar())
            names.append(item->scalar);
    }
    return names;
}

std::optional<QString> ValuesDocument::defaultNamespace() const
{
    const YamlNodePtr node = lookup(m_parsed->root, {kDefaultNamespaceKey});
    if (!node || !node->isScalar())
        return std::nullopt;
    return node->scalar;
}

std::optional<bool> ValuesDocument::adoptExistingResources() const
{
    const YamlNodePtr node = lookup(m_parsed->root, {kExecutorKey, kAdoptKey});
    if (!node)
        return std::nullopt;
    return node->toBool();
}

fd::Expected<TextEdit, QString> ValuesDocument::applyNewText(const QByteArray &utf8, const std::function<bool()> &readsBack)
{
    const QString before = text();
    const QString after = QString::fromUtf8(utf8);
    qsizetype prefix = 0;
    const qsizetype shortest = std::min(before.size(), after.size());
    while (prefix < shortest && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    // Never split a surrogate pair at either end of the edit.
    if (prefix > 0 && before.at(prefix - 1).isHighSurrogate())
        --prefix;
    if (suffix > 0 && before.at(before.size() - suffix).isLowSurrogate())
        --suffix;
    TextEdit edit;
    edit.position = prefix;
    edit.removed = before.size() - prefix - suffix;
    edit.inserted = after.mid(prefix, after.size() - prefix - suffix);

    const auto previous = m_parsed;
    const QByteArray previousText = m_utf8;
    m_utf8 = utf8;
    reparse();
    // An edit must never break the document or land somewhere else than intended (an unusual
    // layout this code misjudged): then the old text stays.
    if (m_parsed->error || !readsBack()) {
        m_utf8 = previousText;
        m_parsed = previous;
        return fd::Unexpected(translate("fd::helm", "The change could not be made safely in this text; edit the text directly."));
    }
    return edit;
}

fd::Expected<TextEdit, QString> ValuesDocument::setAdditionalNamespaces(const QStringList &names)
{
    auto edited = editNamespaces(ValuesText(m_utf8), *m_parsed, names);
    if (!edited)
        return fd::Unexpected(edited.error());
    return applyNewText(edited.value(), [this, &names] { return additionalNamespaces() == std::optional<QStringList>(names); });
}

fd::Expected<TextEdit, QString> ValuesDocument::setDefaultNamespace(const QString &name)
{
    auto edited = editScalar(ValuesText(m_utf8), *m_parsed, {kDefaultNamespaceKey}, yamlScalar(QJsonValue(name)));
    if (!edited)
        return fd::Unexpected(edited.error());
    return applyNewText(edited.value(), [this, &name] { return defaultNamespace() == std::optional<QString>(name); });
}

fd::Expected<TextEdit, QString> ValuesDocument::setAdoptExistingResources(bool adopt)
{
    auto edited = editScalar(ValuesText(m_utf8), *m_parsed, {kExecutorKey, kAdoptKey}, adopt ? "true" : "false");
    if (!edited)
        return fd::Unexpected(edited.error());
    return applyNewText(edited.value(), [this, adopt] { return adoptExistingResources() == std::optional<bool>(adopt); });
}

} // namespace fd::helm
