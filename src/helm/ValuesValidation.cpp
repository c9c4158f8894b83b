// ValuesDocument::validate(): the rules an edited Fission values document must pass before it
// may go to `helm upgrade`.
#include "helm/ValuesDocument.h"

#include "helm/HelmTr.h"
#include "helm/ValuesText.h"
#include "kube/config/YamlTree.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;
using detail::ValuesText;
using fd::kube::YamlNode;
using fd::kube::YamlNodePtr;

QString dns1123LabelProblem(const QString &name)
{
    if (name.isEmpty())
        return translate("fd::helm", "a namespace name cannot be empty");
    if (name.size() > 63)
        return translate("fd::helm", "a namespace name has at most 63 characters");
    for (const QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!allowed)
            return translate("fd::helm", "a namespace name may contain only lowercase letters, digits and '-'");
    }
    if (name.front() == u'-' || name.back() == u'-')
        return translate("fd::helm", "a namespace name must start and end with a letter or digit");
    return {};
}

namespace {

// How Helm reads a node, for messages.
QString kindText(const YamlNode &node)
{
    switch (node.kind) {
    case YamlNode::Kind::Null:
        return translate("fd::helm", "empty (null)");
    case YamlNode::Kind::Sequence:
        return translate("fd::helm", "a list");
    case YamlNode::Kind::Mapping:
        return translate("fd::helm", "a map");
    case YamlNode::Kind::Scalar:
        break;
    }
    if (node.quoted || !node.tag.isEmpty())
        return translate("fd::helm", "text");
    if (node.toBool())
        return translate("fd::helm", "a boolean (true/false)");
    const QString kind = node.kindName(); // YAML 1.1 typing of plain scalars
    if (kind == "a number"_L1)
        return translate("fd::helm", "a number");
    if (kind == "null"_L1)
        return translate("fd::helm", "empty (null)");
    return translate("fd::helm", "text");
}

// A plain scalar that Helm reads as a string (not a number, boolean or null).
bool readsAsString(const YamlNode &node)
{
    if (!node.isScalar())
        return false;
    if (node.quoted || !node.tag.isEmpty())
        return true;
    static const QStringList nulls = {u"~"_s, u"null"_s, u"Null"_s, u"NULL"_s};
    return !nulls.contains(node.scalar) && node.kindName() == "a string"_L1;
}

class Validator {
public:
    Validator(const QByteArray &utf8, const ValuesValidationContext &context) : m_text(utf8), m_context(context) {}

    QList<ValuesIssue> issues;

    void add(ValuesIssue::Severity severity, const YamlNodePtr &node, const QString &path, const QString &message)
    {
        ValuesIssue issue;
        issue.severity = severity;
        issue.path = path;
        issue.message = message;
        if (node) {
            issue.line = node->mark.line;
            const qsizetype pos = m_text.offset(node->mark);
            issue.column = pos >= 0 ? m_text.characterColumn(pos) : node->mark.column;
        }
        issues.append(issue);
    }
    void error(const YamlNodePtr &node, const QString &path, const QString &message)
    {
        add(ValuesIssue::Severity::Error, node, path, message);
    }
    void warning(const YamlNodePtr &node, const QString &path, const QString &message)
    {
        add(ValuesIssue::Severity::Warning, node, path, message);
    }

    void duplicateKeys(const YamlNode &mapping, const QString &prefix)
    {
        QSet<QString> seen;
        for (const auto &[key, value] : mapping.pairs) {
            if (!key || !key->isScalar())
                continue;
            if (seen.contains(key->scalar)) {
                const QString path = prefix.isEmpty() ? key->scalar : prefix + u'.' + key->scalar;
                warning(key, path,
                        translate("fd::helm", "\"%1\" appears more than once; Helm uses the last one.").arg(key->scalar));
            }
            seen.insert(key->scalar);
        }
    }

    // A namespace name as Helm will read it; returns it when it is a usable string.
    std::optional<QString> namespaceName(const YamlNodePtr &node, const QString &path)
    {
        if (!node || node->isNull()) {
            error(node, path, translate("fd::helm", "%1 is empty; give a namespace name or remove the entry.").arg(path));
            return std::nullopt;
        }
        if (!node->isScalar()) {
            error(node, path, translate("fd::helm", "%1 must be a namespace name, not %2.").arg(path, kindText(*node)));
            return std::nullopt;
        }
        if (!readsAsString(*node)) {
            error(node, path,
                  translate("fd::helm", "%1: Helm reads %2 as %3, not as a name; write it in quotes (\"%2\").")
                      .arg(path, node->scalar, kindText(*node)));
            return std::nullopt;
        }
        if (const QString problem = dns1123LabelProblem(node->scalar); !problem.isEmpty()) {
            error(node, path, translate("fd::helm", "\"%1\" is not a valid namespace name: %2.").arg(node->scalar, problem));
            return std::nullopt;
        }
        return node->scalar;
    }

    void namespaceExists(const YamlNodePtr &node, const QString &path, const QString &name)
    {
        if (m_context.existingNamespaces && !m_context.existingNamespaces->contains(name))
            warning(node, path,
                    translate("fd::helm", "The namespace \"%1\" does not exist. The chart creates Roles in it and Helm "
                                          "creates no namespaces, so the upgrade would fail: create it first.")
                        .arg(name));
    }

    void run(const fd::kube::YamlDocument &parsed)
    {
        if (parsed.hasMoreDocuments)
            warning(nullptr, {}, translate("fd::helm", "Only the first YAML document (before \"---\") is used."));
        const YamlNodePtr &root = parsed.root;
        if (!root || root->isNull())
            return;
        if (!root->isMapping()) {
            error(root, {}, translate("fd::helm", "The values must be a map of keys, not %1.").arg(kindText(*root)));
            return;
        }
        duplicateKeys(*root, {});

        // defaultNamespace first: the list must not repeat it.
        QString defaultNamespace = m_context.chartDefaultNamespace;
        const YamlNodePtr defaultNode = root->value(u"defaultNamespace"_s);
        if (defaultNode && !defaultNode->isNull()) {
            if (auto name = namespaceName(defaultNode, u"defaultNamespace"_s)) {
                defaultNamespace = *name;
                namespaceExists(defaultNode, u"defaultNamespace"_s, *name);
            }
        }

        const QString listKey = u"additionalFissionNamespaces"_s;
        const YamlNodePtr list = root->value(listKey);
        if (list && !list->isNull()) {
            if (!list->isSequence()) {
                error(list, listKey,
                      translate("fd::helm", "%1 must be a list of namespace names, not %2.").arg(listKey, kindText(*list)));
            } else {
                QSet<QString> seen;
                for (size_t i = 0; i < list->items.size(); ++i) {
                    const YamlNodePtr &item = list->items[i];
                    const QString path = u"%1[%2]"_s.arg(listKey).arg(i);
                    const auto name = namespaceName(item, path);
                    if (!name)
                        continue;
                    if (seen.contains(*name)) {
                        error(item, path, translate("fd::helm", "\"%1\" is listed twice.").arg(*name));
                        continue;
                    }
                    seen.insert(*name);
                    if (*name == defaultNamespace) {
                        error(item, path,
                              translate("fd::helm", "\"%1\" is the default namespace (defaultNamespace); it is watched "
                                                    "already and must not be listed again.")
                                  .arg(*name));
                        continue;
                    }
                    namespaceExists(item, path, *name);
                }
            }
        }

        const YamlNodePtr executor = root->value(u"executor"_s);
        if (executor && !executor->isNull()) {
            if (!executor->isMapping()) {
                error(executor, u"executor"_s,
                      translate("fd::helm", "executor must be a map, not %1.").arg(kindText(*executor)));
                return;
            }
            duplicateKeys(*executor, u"executor"_s);
            const YamlNodePtr adopt = executor->value(u"adoptExistingResources"_s);
            if (adopt && !adopt->isNull() && !adopt->toBool())
                error(adopt, u"executor.adoptExistingResources"_s,
                      translate("fd::helm", "executor.adoptExistingResources must be true or false, not %1.")
                          .arg(kindText(*adopt)));
        }
    }

private:
    ValuesText m_text;
    const ValuesValidationContext &m_context;
};

} // namespace

QList<ValuesIssue> ValuesDocument::validate(const ValuesValidationContext &context) const
{
    if (auto error = syntaxError())
        return {*error};
    Validator validator(m_utf8, context);
    validator.run(*m_parsed);
    return validator.issues;
}

bool ValuesDocument::hasErrors(const ValuesValidationContext &context) const
{
    const QList<ValuesIssue> issues = validate(context);
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const ValuesIssue &issue) { return issue.severity == ValuesIssue::Severity::Error; });
}

} // namespace fd::helm
