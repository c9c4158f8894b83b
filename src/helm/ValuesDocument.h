#pragma once

#include "common/Expected.h"
#include "helm/YamlWriter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// The user-supplied values of a Fission release as the admin edits them: YAML text (what the
// editor shows and what goes to `helm upgrade -f`), with structured access to the few keys the
// app manages — `additionalFissionNamespaces`, `defaultNamespace` and
// `executor.adoptExistingResources` — and validation with line/column positions.
//
// Structured edits change the TEXT, not a re-serialised tree: the new value is spliced into the
// text at the positions yaml-cpp reports for the nodes, so comments, key order, quoting,
// indentation and blank lines everywhere else stay byte for byte. Each edit returns the smallest
// TextEdit (one replaced range) so an editor can apply it as one undoable step.
//
// What is preserved and what is not:
//  - Everything outside the edited value is untouched, including comments between keys.
//  - Block lists (`- item` lines): items that stay keep their text (quoting, trailing comment)
//    and the comment lines directly above them, and move with them when reordered; comment
//    lines between the key and the first item stay at the top. Removed items lose their own
//    comments. New items are written in the list's indentation, plain or double-quoted.
//  - Flow lists (`[a, b]`) are rewritten in flow style: comments inside the brackets are lost.
//    An empty `[]` that gets items becomes a block list.
//  - A value that changes kind (a scalar or null that becomes a list, a list that becomes `[]`)
//    is rewritten; a comment on the key's line stays, comments inside the old value do not.
//    Block-list items that span several lines (multi-line scalars, nested maps) make the whole
//    list be rewritten.
//  - Scalars (`defaultNamespace: x  # note`) are replaced in place; spacing and the comment stay.
//  - New keys are appended at the end of the document (or of the `executor:` map) in the
//    document's indentation.
//  - Refused, with a message, rather than guessed: a document with a syntax error, a document
//    whose top level is not a block map, values written with anchors, aliases or tags, and an
//    `executor` that is a scalar or a list. The user edits the text by hand then.
// Keys that only come from a `<<` merge are overridden by adding the key directly.
//
// Not thread-safe; cheap to copy (the parse is shared until the text changes).

namespace fd::kube {
struct YamlDocument;
}

namespace fd::helm {

struct ValuesIssue {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    int line = 0;   // 1-based; 0 = the whole document
    int column = 0; // 1-based, in characters of the line (QString units); 0 = unknown
    QString path;   // "additionalFissionNamespaces[2]", "executor.adoptExistingResources", or empty
    QString message; // translated
};

struct ValuesValidationContext {
    // The namespaces the cluster has; when set, listed namespaces that do not exist are reported
    // (the chart writes Roles into them and Helm creates none, so the upgrade would fail).
    std::optional<QStringList> existingNamespaces;
    // The chart's default for defaultNamespace (used when the document does not set one).
    QString chartDefaultNamespace = QStringLiteral("default");
};

// One replaced range of the old text, in QString positions.
struct TextEdit {
    qsizetype position = 0;
    qsizetype removed = 0;
    QString inserted;
    bool isNoop() const { return removed == 0 && inserted.isEmpty(); }
};

class ValuesDocument {
public:
    ValuesDocument();
    explicit ValuesDocument(const QString &text);
    ~ValuesDocument();
    ValuesDocument(const ValuesDocument &other);
    ValuesDocument &operator=(const ValuesDocument &other);

    // The values as YAML in the writer's style; an empty map gives an empty document.
    static ValuesDocument fromValues(const QJsonObject &values, const YamlStyle &style = {});

    QString text() const;
    QByteArray utf8() const { return m_utf8; }
    void setText(const QString &text);

    // The YAML syntax error, if any (line/column of where yaml-cpp stopped).
    std::optional<ValuesIssue> syntaxError() const;
    // The values as Helm reads them (YAML 1.1 typing, as sigs.k8s.io/yaml); an empty document is
    // an empty map. Fails for syntax errors and documents that are not a map.
    fd::Expected<QJsonObject, ValuesIssue> values() const;

    // nullopt when the key is absent or null (the chart's default applies) or is not a list;
    // otherwise the scalar items in order (validate() reports everything else).
    std::optional<QStringList> additionalNamespaces() const;
    // nullopt when absent, null or not a scalar.
    std::optional<QString> defaultNamespace() const;
    // nullopt when absent, null or not a YAML boolean.
    std::optional<bool> adoptExistingResources() const;

    // Structured edits; on success the document's text has changed by the returned edit.
    fd::Expected<TextEdit, QString> setAdditionalNamespaces(const QStringList &names);
    fd::Expected<TextEdit, QString> setDefaultNamespace(const QString &name);
    fd::Expected<TextEdit, QString> setAdoptExistingResources(bool adopt);

    // Syntax, shape and Fission rules: the namespace list must be a list of distinct DNS-1123
    // labels, written as strings, without the default namespace; defaultNamespace a DNS-1123
    // label; executor.adoptExistingResources a boolean. Errors block an upgrade; warnings do not.
    QList<ValuesIssue> validate(const ValuesValidationContext &context = {}) const;
    bool hasErrors(const ValuesValidationContext &context = {}) const;

private:
    fd::Expected<TextEdit, QString> applyNewText(const QByteArray &utf8, const std::function<bool()> &readsBack);
    void reparse();

    QByteArray m_utf8;
    std::shared_ptr<const fd::kube::YamlDocument> m_parsed;
};

// A DNS-1123 label (a namespace name): 1–63 characters, lowercase letters, digits and '-',
// starting and ending with a letter or digit. Returns the translated reason, or empty when valid.
QString dns1123LabelProblem(const QString &name);

} // namespace fd::helm
