#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// "May I …?" for the UI (kube-protocol.md §7): SelfSubjectAccessReview per question and
// SelfSubjectRulesReview per namespace, cached for ttl() (60 s) so that greying out a menu does
// not cost a request each time. Identical questions asked while one is in flight share it.
// invalidate() forgets everything (after a credential or context change, or when the user
// asks to re-check). Lives on the session thread; callbacks come there, always asynchronously.

namespace fd::kube {

class RestClient;

struct AccessQuery {
    QString verb;          // get, list, watch, create, update, patch, delete, …
    QString group;         // "" for the core group
    QString resource;      // plural
    QString namespaceName; // empty: all namespaces / cluster scope
    QString name;          // empty: any
    QString subresource;   // e.g. "log", "status"

    QString key() const;
};

struct AccessDecision {
    bool allowed = false;
    bool denied = false;     // an explicit no (allowed=false, denied=false: no opinion, still no)
    QString reason;          // the authorizer's words (RBAC names the binding), may be empty
    QString evaluationError;
};

struct ResourceRule {
    QStringList verbs;
    QStringList apiGroups;
    QStringList resources;     // may carry "pods/log", "*", "*/scale"
    QStringList resourceNames;
};

struct NonResourceRule {
    QStringList verbs;
    QStringList nonResourceUrls;
};

struct RulesReview {
    QString namespaceName;
    QList<ResourceRule> resourceRules;
    QList<NonResourceRule> nonResourceRules;
    // The authorizer could not list everything (webhooks): ask a SelfSubjectAccessReview
    // for what the rules do not allow.
    bool incomplete = false;
    QString evaluationError;

    // Whether a rule grants it ("*" wildcards; resource "pods/log" for subresources).
    bool allows(const QString &verb, const QString &group, const QString &resource, const QString &subresource = {},
                const QString &name = {}) const;
};

class AccessReviewCache : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    using DecisionCallback = std::function<void(const Expected<AccessDecision, KubeError> &)>;
    using RulesCallback = std::function<void(const Expected<RulesReview, KubeError> &)>;

    explicit AccessReviewCache(RestClient *client, QObject *parent = nullptr);
    ~AccessReviewCache() override;

    void setTtl(int ms) { m_ttlMs = ms; }
    int ttl() const { return m_ttlMs; }
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void check(const AccessQuery &query, QObject *context, DecisionCallback callback);
    void rules(const QString &namespaceName, QObject *context, RulesCallback callback);
    // A fresh cached answer, without asking the server.
    std::optional<AccessDecision> cached(const AccessQuery &query) const;
    void invalidate();

    int requestCount() const { return m_requests; } // reviews sent (diagnostics, tests)

private:
    template<typename T>
    struct Entry {
        T value;
        QDateTime at;
    };
    template<typename Callback>
    struct Waiter {
        QPointer<QObject> context;
        Callback callback;
    };

    bool fresh(const QDateTime &at) const;
    QDateTime now() const;

    QPointer<RestClient> m_client;
    int m_ttlMs = 60'000;
    Clock m_clock;
    quint64 m_epoch = 0; // bumped by invalidate(): answers to older requests are not cached
    QHash<QString, Entry<AccessDecision>> m_decisions;
    QHash<QString, Entry<RulesReview>> m_rules;
    QHash<QString, QList<Waiter<DecisionCallback>>> m_pendingDecisions;
    QHash<QString, QList<Waiter<RulesCallback>>> m_pendingRules;
    int m_requests = 0;
};

// Parsers, exposed for tests.
Expected<AccessDecision, KubeError> parseAccessReview(const QByteArray &json);
Expected<RulesReview, KubeError> parseRulesReview(const QByteArray &json);

} // namespace fd::kube
