#include "sim/auth/RbacObjects.h"

#include "sim/core/GoFormat.h"

#include <utility>

namespace fd::sim {

namespace {

const QLatin1String kWildcard("*");

QString stringField(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

void insertIfNotEmpty(QJsonObject &json, QLatin1String key, const QStringList &values)
{
    if (!values.isEmpty())
        json.insert(key, QJsonArray::fromStringList(values));
}

RbacSubject subjectFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return RbacSubject{stringField(object, QLatin1String("kind")), stringField(object, QLatin1String("apiGroup")),
                       stringField(object, QLatin1String("name")), stringField(object, QLatin1String("namespace"))};
}

} // namespace

QStringList stringListFromJson(const QJsonValue &value, bool *ok)
{
    QStringList list;
    bool clean = value.isArray() || value.isNull() || value.isUndefined();
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString())
            list.append(item.toString());
        else
            clean = false;
    }
    if (ok)
        *ok = clean;
    return list;
}

PolicyRule policyRuleFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    PolicyRule rule;
    rule.malformed = !value.isObject();
    const auto read = [&](QLatin1String key) {
        bool ok = true;
        QStringList list = stringListFromJson(object.value(key), &ok);
        rule.malformed = rule.malformed || !ok;
        return list;
    };
    rule.verbs = read(QLatin1String("verbs"));
    rule.apiGroups = read(QLatin1String("apiGroups"));
    rule.resources = read(QLatin1String("resources"));
    rule.resourceNames = read(QLatin1String("resourceNames"));
    rule.nonResourceURLs = read(QLatin1String("nonResourceURLs"));
    return rule;
}

QList<PolicyRule> policyRulesFromJson(const QJsonValue &rules)
{
    QList<PolicyRule> result;
    if (!rules.isArray())
        return result;
    const QJsonArray array = rules.toArray();
    for (const QJsonValue &item : array) {
        PolicyRule rule = policyRuleFromJson(item);
        if (!rule.malformed)
            result.append(std::move(rule));
    }
    return result;
}

QJsonObject policyRuleToJson(const PolicyRule &rule)
{
    QJsonObject json;
    json.insert(QLatin1String("verbs"), QJsonArray::fromStringList(rule.verbs));
    insertIfNotEmpty(json, QLatin1String("apiGroups"), rule.apiGroups);
    insertIfNotEmpty(json, QLatin1String("resources"), rule.resources);
    insertIfNotEmpty(json, QLatin1String("resourceNames"), rule.resourceNames);
    insertIfNotEmpty(json, QLatin1String("nonResourceURLs"), rule.nonResourceURLs);
    return json;
}

QJsonArray policyRulesToJson(const QList<PolicyRule> &rules)
{
    QJsonArray array;
    for (const PolicyRule &rule : rules)
        array.append(policyRuleToJson(rule));
    return array;
}

bool verbMatches(const PolicyRule &rule, const QString &verb)
{
    for (const QString &ruleVerb : rule.verbs) {
        if (ruleVerb == kWildcard || ruleVerb == verb)
            return true;
    }
    return false;
}

bool apiGroupMatches(const PolicyRule &rule, const QString &apiGroup)
{
    for (const QString &ruleGroup : rule.apiGroups) {
        if (ruleGroup == kWildcard || ruleGroup == apiGroup)
            return true;
    }
    return false;
}

bool resourceMatches(const PolicyRule &rule, const QString &combinedResource, const QString &subresource)
{
    for (const QString &ruleResource : rule.resources) {
        if (ruleResource == kWildcard || ruleResource == combinedResource)
            return true;
        // "*/<subresource>" grants that subresource of every resource — but only when the
        // request actually targets a subresource.
        if (!subresource.isEmpty() && ruleResource.size() == subresource.size() + 2
            && ruleResource.startsWith(QLatin1String("*/")) && ruleResource.endsWith(subresource)) {
            return true;
        }
    }
    return false;
}

bool resourceNameMatches(const PolicyRule &rule, const QString &name)
{
    return rule.resourceNames.isEmpty() || rule.resourceNames.contains(name);
}

bool nonResourceUrlMatches(const PolicyRule &rule, const QString &path)
{
    for (const QString &ruleUrl : rule.nonResourceURLs) {
        if (ruleUrl == kWildcard || ruleUrl == path)
            return true;
        if (ruleUrl.endsWith(QLatin1Char('*'))) {
            // Go's strings.TrimRight strips every trailing '*', not just one.
            qsizetype prefixLength = ruleUrl.size();
            while (prefixLength > 0 && ruleUrl.at(prefixLength - 1) == QLatin1Char('*'))
                --prefixLength;
            if (path.startsWith(QStringView(ruleUrl).left(prefixLength)))
                return true;
        }
    }
    return false;
}

bool ruleAllows(const RequestAttributes &attributes, const PolicyRule &rule)
{
    if (rule.malformed)
        return false;
    if (attributes.resourceRequest) {
        const QString combined = attributes.subresource.isEmpty()
                                     ? attributes.resource
                                     : attributes.resource + QLatin1Char('/') + attributes.subresource;
        return verbMatches(rule, attributes.verb) && apiGroupMatches(rule, attributes.apiGroup)
               && resourceMatches(rule, combined, attributes.subresource)
               && resourceNameMatches(rule, attributes.name);
    }
    return verbMatches(rule, attributes.verb) && nonResourceUrlMatches(rule, attributes.path);
}

RbacBinding bindingFromJson(const QJsonObject &object)
{
    RbacBinding binding;
    const QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    binding.name = stringField(metadata, QLatin1String("name"));
    binding.namespaceName = stringField(metadata, QLatin1String("namespace"));
    const QJsonObject roleRef = object.value(QLatin1String("roleRef")).toObject();
    binding.roleRef = RoleRef{stringField(roleRef, QLatin1String("apiGroup")), stringField(roleRef, QLatin1String("kind")),
                              stringField(roleRef, QLatin1String("name"))};
    const QJsonValue subjects = object.value(QLatin1String("subjects"));
    if (subjects.isArray()) {
        const QJsonArray array = subjects.toArray();
        for (const QJsonValue &subject : array) {
            if (subject.isObject())
                binding.subjects.append(subjectFromJson(subject));
        }
    }
    return binding;
}

bool subjectAppliesTo(const RbacSubject &subject, const UserInfo &user, const QString &bindingNamespace)
{
    if (subject.kind == QLatin1String("User"))
        return user.name == subject.name;
    if (subject.kind == QLatin1String("Group"))
        return user.groups.contains(subject.name);
    if (subject.kind == QLatin1String("ServiceAccount")) {
        const QString saNamespace = subject.namespaceName.isEmpty() ? bindingNamespace : subject.namespaceName;
        if (saNamespace.isEmpty())
            return false;
        return user.name == serviceAccountUsername(saNamespace, subject.name);
    }
    return false;
}

qsizetype firstApplyingSubject(const QList<RbacSubject> &subjects, const UserInfo &user,
                               const QString &bindingNamespace)
{
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        if (subjectAppliesTo(subjects.at(i), user, bindingNamespace))
            return i;
    }
    return -1;
}


} // namespace fd::sim
