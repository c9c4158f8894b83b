#pragma once

#include "sim/auth/Authorizer.h"
#include "sim/auth/RbacObjects.h"
#include "sim/auth/UserInfo.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fd::sim {

// Where the authorizer reads RBAC objects from: rbac.authorization.k8s.io/v1 JSON exactly as
// stored. The API layer implements it over its store; it is queried on every decision, so
// changes take effect at once (as with the apiserver's informers, minus the lag).
class RbacSource {
public:
    virtual ~RbacSource() = default;
    virtual QList<QJsonObject> clusterRoles() const = 0;
    virtual QList<QJsonObject> clusterRoleBindings() const = 0;
    virtual QList<QJsonObject> roles(const QString &namespaceName) const = 0;
    virtual QList<QJsonObject> roleBindings(const QString &namespaceName) const = 0;
};

// A fixed set of RBAC objects (tests, the bootstrap policy before a store exists).
class StaticRbacSource : public RbacSource {
public:
    QList<QJsonObject> clusterRoleList;
    QList<QJsonObject> clusterRoleBindingList;
    QList<QJsonObject> roleList;        // filtered by metadata.namespace
    QList<QJsonObject> roleBindingList; // filtered by metadata.namespace

    QList<QJsonObject> clusterRoles() const override { return clusterRoleList; }
    QList<QJsonObject> clusterRoleBindings() const override { return clusterRoleBindingList; }
    QList<QJsonObject> roles(const QString &namespaceName) const override;
    QList<QJsonObject> roleBindings(const QString &namespaceName) const override;
};

// SelfSubjectRulesReview answer (authorization.k8s.io/v1 SubjectRulesReviewStatus).
struct ResourceRuleInfo {
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;
    QStringList resourceNames;
    bool operator==(const ResourceRuleInfo &other) const = default;
};
struct NonResourceRuleInfo {
    QStringList verbs;
    QStringList nonResourceURLs;
    bool operator==(const NonResourceRuleInfo &other) const = default;
};
struct RulesReview {
    QList<ResourceRuleInfo> resourceRules;
    QList<NonResourceRuleInfo> nonResourceRules;
    bool incomplete = false;
    QString evaluationError; // e.g. a binding that points at a missing role

    // {"resourceRules":[…],"nonResourceRules":[…],"incomplete":false[,"evaluationError":…]}
    QJsonObject toStatusJson() const;
};

// The rules the ClusterRole aggregation controller would give `clusterRole`: the rules of
// every other ClusterRole its aggregationRule selects (selectors in order, roles sorted by
// name, duplicates dropped), following aggregated roles transitively. nullopt when the role
// has no aggregationRule, or a selector is invalid (the controller then leaves it alone).
// The API layer can use it to materialise `rules` on read, as the real controller does.
std::optional<QList<PolicyRule>> aggregatedClusterRoleRules(const QJsonObject &clusterRole,
                                                            const QList<QJsonObject> &allClusterRoles);

// RBAC as kube-apiserver evaluates it, preceded by the privileged-group authorizer
// (system:masters may do anything). Reads everything through the RbacSource, which must
// outlive the authorizer. Malformed objects never crash it: unreadable fields match nothing.
class RbacAuthorizer final : public Authorizer {
public:
    explicit RbacAuthorizer(const RbacSource &source);

    // allowed + "RBAC: allowed by ClusterRoleBinding \"x\" of ClusterRole \"y\" to User \"z\""
    // or, when denied, an empty reason or "RBAC: <resolution errors>".
    AuthorizationDecision authorize(const UserInfo &user, const RequestAttributes &attributes) const override;

    // Everything the user may do in the namespace (cluster-wide grants included).
    RulesReview rulesFor(const UserInfo &user, const QString &namespaceName) const;

private:
    struct RuleSource;
    // Called per applicable rule (source+rule set) or resolution error (error set);
    // returning false stops the walk.
    using Visitor = std::function<bool(const RuleSource *source, const PolicyRule *rule, const QString *error)>;
    void visitRulesFor(const UserInfo &user, const QString &namespaceName, const Visitor &visitor) const;

    const RbacSource &m_source;
};

} // namespace fd::sim
