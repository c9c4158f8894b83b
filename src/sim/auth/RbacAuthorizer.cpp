#include "sim/auth/RbacAuthorizer.h"

#include "sim/codec/Selectors.h"
#include "sim/core/GoFormat.h"
#include "sim/core/ObjectMeta.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace fd::sim {

namespace {

// Aggregation chains deeper than this are not followed (only hostile input builds them);
// the role at the cut contributes its stored rules.
constexpr int kMaxAggregationDepth = 32;

QList<QJsonObject> inNamespace(const QList<QJsonObject> &objects, const QString &namespaceName)
{
    QList<QJsonObject> result;
    for (const QJsonObject &object : objects) {
        if (object.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")).toString()
            == namespaceName) {
            result.append(object);
        }
    }
    return result;
}

// Rules in first-seen order without duplicates (the controller compares rules with
// semantic equality, under which an absent list equals an empty one — as here).
class RuleSet {
public:
    void add(const PolicyRule &rule)
    {
        const QString key = keyOf(rule);
        if (m_keys.contains(key))
            return;
        m_keys.insert(key);
        m_rules.append(rule);
    }
    void add(const QList<PolicyRule> &rules)
    {
        for (const PolicyRule &rule : rules)
            add(rule);
    }
    const QList<PolicyRule> &rules() const { return m_rules; }

private:
    static QString keyOf(const PolicyRule &rule)
    {
        const QChar unit(0x1f);
        const QChar record(0x1e);
        return rule.verbs.join(unit) + record + rule.apiGroups.join(unit) + record + rule.resources.join(unit) + record
               + rule.resourceNames.join(unit) + record + rule.nonResourceURLs.join(unit);
    }

    QSet<QString> m_keys;
    QList<PolicyRule> m_rules;
};

// All ClusterRoles of one evaluation, parsed once, with aggregation resolved on demand.
class ClusterRoleIndex {
public:
    explicit ClusterRoleIndex(const QList<QJsonObject> &clusterRoles)
    {
        m_entries.reserve(clusterRoles.size());
        for (const QJsonObject &object : clusterRoles)
            m_entries.append(parse(object));
        // The controller walks selected roles by name; a stable sort keeps duplicates (only
        // possible in broken input) in source order.
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry &a, const Entry &b) { return a.name < b.name; });
        for (qsizetype i = m_entries.size() - 1; i >= 0; --i)
            m_byName.insert(m_entries.at(i).name, i);
    }

    std::optional<qsizetype> indexOf(const QString &name) const
    {
        const auto it = m_byName.constFind(name);
        if (it == m_byName.constEnd())
            return std::nullopt;
        return *it;
    }

    // What a binding to this role grants: aggregated rules if it aggregates, else its own.
    QList<PolicyRule> effectiveRules(qsizetype index) const
    {
        if (!isAggregating(index))
            return storedRules(index);
        return aggregate(index);
    }

    QList<PolicyRule> aggregate(qsizetype index) const
    {
        RuleSet collected;
        QSet<qsizetype> visited{index};
        collect(index, visited, collected, 0);
        return collected.rules();
    }

    bool isAggregating(qsizetype index) const
    {
        const Entry &entry = m_entries.at(index);
        return entry.hasAggregationRule && entry.selectorsValid;
    }

private:
    const QList<PolicyRule> &storedRules(qsizetype index) const
    {
        const auto &entry = m_entries.at(index);
        if (!entry.rules)
            entry.rules = policyRulesFromJson(entry.rulesJson);
        return *entry.rules;
    }

    struct Entry {
        QString name;
        QJsonObject labels;
        QJsonValue rulesJson;
        // Parsed on first use: most roles are never consulted for a given request.
        mutable std::optional<QList<PolicyRule>> rules;
        bool hasAggregationRule = false;
        bool selectorsValid = false;
        QList<LabelSelector> selectors;
    };

    static Entry parse(const QJsonObject &object)
    {
        Entry entry;
        entry.name = nameOf(object);
        entry.labels = labelsOf(object);
        entry.rulesJson = object.value(QLatin1String("rules"));
        const QJsonValue aggregationRule = object.value(QLatin1String("aggregationRule"));
        entry.hasAggregationRule = aggregationRule.isObject();
        if (!entry.hasAggregationRule)
            return entry;
        entry.selectorsValid = true;
        const QJsonValue selectors = aggregationRule.toObject().value(QLatin1String("clusterRoleSelectors"));
        const QJsonArray selectorArray = selectors.toArray();
        for (const QJsonValue &selectorJson : selectorArray) {
            // A null selector selects nothing; it is not an error.
            if (selectorJson.isNull())
                continue;
            auto selector = selectorJson.isObject()
                ? LabelSelector::fromLabelSelectorJson(selectorJson.toObject())
                : fd::Expected<LabelSelector, QString>(fd::Unexpected(QStringLiteral("label selector must be an object")));
            if (!selector) {
                entry.selectorsValid = false;
                break;
            }
            entry.selectors.append(std::move(selector.value()));
        }
        return entry;
    }

    // Depth-first over the selected roles, each aggregating role expanded once: this yields
    // the rule set the controller converges to (cycles included), in the order it writes
    // them for acyclic graphs.
    void collect(qsizetype index, QSet<qsizetype> &visited, RuleSet &out, int depth) const
    {
        const Entry &aggregating = m_entries.at(index);
        for (const LabelSelector &selector : aggregating.selectors) {
            for (qsizetype i = 0; i < m_entries.size(); ++i) {
                const Entry &candidate = m_entries.at(i);
                if (candidate.name == aggregating.name || !selector.matches(candidate.labels))
                    continue;
                if (!isAggregating(i) || depth + 1 >= kMaxAggregationDepth) {
                    out.add(storedRules(i));
                    continue;
                }
                if (visited.contains(i))
                    continue;
                visited.insert(i);
                collect(i, visited, out, depth + 1);
            }
        }
    }

    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_byName;
};

QString notFound(QLatin1String resource, const QString &name)
{
    return QStringLiteral("%1.rbac.authorization.k8s.io %2 not found").arg(resource, goQuote(name));
}

// utilerrors.NewAggregate(...).Error(): one message alone, several de-duplicated in brackets.
QString aggregateErrors(const QStringList &errors)
{
    QStringList unique;
    for (const QString &error : errors) {
        if (!unique.contains(error))
            unique.append(error);
    }
    if (errors.size() <= 1 || unique.size() == 1)
        return unique.value(0);
    return QLatin1Char('[') + unique.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString describeSubject(const RbacSubject &subject, const QString &bindingNamespace)
{
    if (subject.kind == QLatin1String("ServiceAccount")) {
        const QString saNamespace = subject.namespaceName.isEmpty() ? bindingNamespace : subject.namespaceName;
        return subject.kind + QLatin1Char(' ') + goQuote(subject.name + QLatin1Char('/') + saNamespace);
    }
    return subject.kind + QLatin1Char(' ') + goQuote(subject.name);
}

} // namespace

struct RbacAuthorizer::RuleSource {
    const RbacBinding *binding = nullptr;
    const RbacSubject *subject = nullptr;
    bool clusterWide = false;

    QString describe() const
    {
        const QString bindingName = clusterWide ? binding->name : binding->name + QLatin1Char('/') + binding->namespaceName;
        return QStringLiteral("%1 %2 of %3 %4 to %5")
            .arg(clusterWide ? QStringLiteral("ClusterRoleBinding") : QStringLiteral("RoleBinding"), goQuote(bindingName),
                 binding->roleRef.kind, goQuote(binding->roleRef.name),
                 describeSubject(*subject, clusterWide ? QString() : binding->namespaceName));
    }
};

QList<QJsonObject> StaticRbacSource::roles(const QString &namespaceName) const
{
    return inNamespace(roleList, namespaceName);
}

QList<QJsonObject> StaticRbacSource::roleBindings(const QString &namespaceName) const
{
    return inNamespace(roleBindingList, namespaceName);
}

QJsonObject RulesReview::toStatusJson() const
{
    QJsonArray resources;
    for (const ResourceRuleInfo &rule : resourceRules) {
        QJsonObject json{{QStringLiteral("verbs"), QJsonArray::fromStringList(rule.verbs)}};
        if (!rule.apiGroups.isEmpty())
            json.insert(QStringLiteral("apiGroups"), QJsonArray::fromStringList(rule.apiGroups));
        if (!rule.resources.isEmpty())
            json.insert(QStringLiteral("resources"), QJsonArray::fromStringList(rule.resources));
        if (!rule.resourceNames.isEmpty())
            json.insert(QStringLiteral("resourceNames"), QJsonArray::fromStringList(rule.resourceNames));
        resources.append(json);
    }
    QJsonArray nonResources;
    for (const NonResourceRuleInfo &rule : nonResourceRules) {
        QJsonObject json{{QStringLiteral("verbs"), QJsonArray::fromStringList(rule.verbs)}};
        if (!rule.nonResourceURLs.isEmpty())
            json.insert(QStringLiteral("nonResourceURLs"), QJsonArray::fromStringList(rule.nonResourceURLs));
        nonResources.append(json);
    }
    QJsonObject status{{QStringLiteral("resourceRules"), resources},
                       {QStringLiteral("nonResourceRules"), nonResources},
                       {QStringLiteral("incomplete"), incomplete}};
    if (!evaluationError.isEmpty())
        status.insert(QStringLiteral("evaluationError"), evaluationError);
    return status;
}

std::optional<QList<PolicyRule>> aggregatedClusterRoleRules(const QJsonObject &clusterRole,
                                                            const QList<QJsonObject> &allClusterRoles)
{
    QList<QJsonObject> roles = allClusterRoles;
    // The role itself takes part even when the caller's list does not hold it yet.
    const QString name = nameOf(clusterRole);
    roles.erase(std::remove_if(roles.begin(), roles.end(), [&](const QJsonObject &role) { return nameOf(role) == name; }),
                roles.end());
    roles.prepend(clusterRole);
    const ClusterRoleIndex index(roles);
    const std::optional<qsizetype> self = index.indexOf(name);
    if (!self || !index.isAggregating(*self))
        return std::nullopt;
    return index.aggregate(*self);
}

RbacAuthorizer::RbacAuthorizer(const RbacSource &source)
    : m_source(source)
{
}

void RbacAuthorizer::visitRulesFor(const UserInfo &user, const QString &namespaceName, const Visitor &visitor) const
{
    const ClusterRoleIndex clusterRoles(m_source.clusterRoles());
    std::optional<QList<QJsonObject>> namespaceRoles; // fetched only if a RoleBinding needs one

    // GetRoleReferenceRules: what the binding's roleRef resolves to, or why it does not.
    const auto roleReferenceRules = [&](const RoleRef &roleRef,
                                        const QString &bindingNamespace) -> fd::Expected<QList<PolicyRule>, QString> {
        if (roleRef.kind == QLatin1String("ClusterRole")) {
            const auto index = clusterRoles.indexOf(roleRef.name);
            if (!index)
                return fd::Unexpected(notFound(QLatin1String("clusterrole"), roleRef.name));
            return clusterRoles.effectiveRules(*index);
        }
        if (roleRef.kind == QLatin1String("Role")) {
            if (bindingNamespace.isEmpty())
                return fd::Unexpected(notFound(QLatin1String("role"), roleRef.name));
            if (!namespaceRoles)
                namespaceRoles = m_source.roles(bindingNamespace);
            for (const QJsonObject &role : std::as_const(*namespaceRoles)) {
                if (nameOf(role) == roleRef.name)
                    return policyRulesFromJson(role.value(QLatin1String("rules")));
            }
            return fd::Unexpected(notFound(QLatin1String("role"), roleRef.name));
        }
        return fd::Unexpected(QStringLiteral("unsupported role reference kind: %1").arg(goQuote(roleRef.kind)));
    };

    // Returns false when the visitor asked to stop.
    const auto visitBinding = [&](const RbacBinding &binding, bool clusterWide) {
        const qsizetype subjectIndex = firstApplyingSubject(binding.subjects, user, binding.namespaceName);
        if (subjectIndex < 0)
            return true;
        const auto rules = roleReferenceRules(binding.roleRef, binding.namespaceName);
        if (!rules)
            return visitor(nullptr, nullptr, &rules.error());
        const RuleSource source{&binding, &binding.subjects.at(subjectIndex), clusterWide};
        for (const PolicyRule &rule : rules.value()) {
            if (!visitor(&source, &rule, nullptr))
                return false;
        }
        return true;
    };

    const QList<QJsonObject> clusterBindings = m_source.clusterRoleBindings();
    for (const QJsonObject &object : clusterBindings) {
        RbacBinding binding = bindingFromJson(object);
        binding.namespaceName.clear();
        if (!visitBinding(binding, true))
            return;
    }

    if (namespaceName.isEmpty())
        return;
    const QList<QJsonObject> bindings = m_source.roleBindings(namespaceName);
    for (const QJsonObject &object : bindings) {
        RbacBinding binding = bindingFromJson(object);
        binding.namespaceName = namespaceName;
        if (!visitBinding(binding, false))
            return;
    }
}

AuthorizationDecision RbacAuthorizer::authorize(const UserInfo &user, const RequestAttributes &attributes) const
{
    // kube-apiserver puts a privileged-group authorizer before RBAC; it allows with no reason.
    if (user.groups.contains(wellKnown::mastersGroup))
        return AuthorizationDecision{true, QString()};

    AuthorizationDecision decision;
    QStringList errors;
    visitRulesFor(user, attributes.namespaceName,
                  [&](const RuleSource *source, const PolicyRule *rule, const QString *error) {
                      if (rule && ruleAllows(attributes, *rule)) {
                          decision.allowed = true;
                          decision.reason = QStringLiteral("RBAC: allowed by ") + source->describe();
                          return false;
                      }
                      if (error)
                          errors.append(*error);
                      return true;
                  });
    if (!decision.allowed && !errors.isEmpty())
        decision.reason = QStringLiteral("RBAC: ") + aggregateErrors(errors);
    return decision;
}

RulesReview RbacAuthorizer::rulesFor(const UserInfo &user, const QString &namespaceName) const
{
    RulesReview review;
    QStringList errors;
    visitRulesFor(user, namespaceName, [&](const RuleSource *, const PolicyRule *rule, const QString *error) {
        if (rule) {
            if (!rule->resources.isEmpty())
                review.resourceRules.append({rule->verbs, rule->apiGroups, rule->resources, rule->resourceNames});
            if (!rule->nonResourceURLs.isEmpty())
                review.nonResourceRules.append({rule->verbs, rule->nonResourceURLs});
        }
        if (error)
            errors.append(*error);
        return true;
    });
    review.evaluationError = aggregateErrors(errors);
    return review;
}

} // namespace fd::sim
