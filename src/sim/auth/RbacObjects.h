#pragma once

#include "common/Expected.h"
#include "sim/auth/Authorizer.h"
#include "sim/auth/UserInfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Typed views of rbac.authorization.k8s.io/v1 objects and the rule-matching helpers of
// k8s.io/kubernetes/pkg/apis/rbac/v1 (evaluation_helpers.go). Parsing is lenient: stored
// objects went through validation, so a wrong type or missing field is read as empty and
// simply matches nothing instead of failing the whole evaluation.

namespace fd::sim {

struct PolicyRule {
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;
    QStringList resourceNames;
    QStringList nonResourceURLs;
    // A field was present but not a list of strings. Such a rule grants nothing: reading a
    // broken resourceNames as "no restriction" would widen access.
    bool malformed = false;

    bool operator==(const PolicyRule &other) const = default;
};

// The string elements of a JSON array; anything else (wrong type, non-string items) is
// skipped. `ok`, if given, turns false when something had to be skipped (null and absent
// values are fine).
QStringList stringListFromJson(const QJsonValue &value, bool *ok = nullptr);

PolicyRule policyRuleFromJson(const QJsonValue &value);
// The `rules` array of a Role/ClusterRole; non-object entries and malformed rules are skipped.
QList<PolicyRule> policyRulesFromJson(const QJsonValue &rules);
// v1 PolicyRule JSON; empty optional lists are omitted, as the apiserver serialises them.
QJsonObject policyRuleToJson(const PolicyRule &rule);
QJsonArray policyRulesToJson(const QList<PolicyRule> &rules);

// Matching of one rule field, exactly as RBAC does it.
bool verbMatches(const PolicyRule &rule, const QString &verb);
bool apiGroupMatches(const PolicyRule &rule, const QString &apiGroup);
// combinedResource is "resource" or "resource/subresource"; "*" and "*/<subresource>" match too.
bool resourceMatches(const PolicyRule &rule, const QString &combinedResource, const QString &subresource);
// An empty resourceNames list matches any name; otherwise the name must be listed (so
// requests without a name — list, watch, create — never match a resourceNames rule).
bool resourceNameMatches(const PolicyRule &rule, const QString &name);
// "*" matches all paths; a trailing '*' is a prefix match; otherwise exact.
bool nonResourceUrlMatches(const PolicyRule &rule, const QString &path);
// The whole rule against a request (RBAC's RuleAllows).
bool ruleAllows(const RequestAttributes &attributes, const PolicyRule &rule);

struct RbacSubject {
    QString kind;       // "User", "Group" or "ServiceAccount"
    QString apiGroup;
    QString name;
    QString namespaceName;
};

struct RoleRef {
    QString apiGroup;
    QString kind;       // "Role" or "ClusterRole"
    QString name;
};

// A RoleBinding or ClusterRoleBinding.
struct RbacBinding {
    QString name;
    QString namespaceName; // empty for ClusterRoleBindings
    RoleRef roleRef;
    QList<RbacSubject> subjects;
};

RbacBinding bindingFromJson(const QJsonObject &object);

// Whether a binding subject names this user (RBAC appliesToUser). A ServiceAccount subject
// without a namespace takes the binding's namespace; without either it matches nobody.
bool subjectAppliesTo(const RbacSubject &subject, const UserInfo &user, const QString &bindingNamespace);
// Index of the first subject that applies, or -1.
qsizetype firstApplyingSubject(const QList<RbacSubject> &subjects, const UserInfo &user,
                               const QString &bindingNamespace);

} // namespace fd::sim
