#include "kube/transport/AccessReviewCache.h"

#include "kube/transport/JsonStrings.h"
#include "kube/config/Tr.h"
#include "kube/transport/RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fd::kube {

using namespace Qt::StringLiterals;
using detail::translate;

namespace {

const QString kReviewPath = u"/apis/authorization.k8s.io/v1/"_s;

Expected<QJsonObject, KubeError> statusOf(const QByteArray &json, const QString &kind)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        KubeError error;
        error.kind = ErrorKind::Decode;
        error.message = translate("fd::kube", "%1 reply is not readable: %2").arg(kind, parseError.errorString());
        return Unexpected(error);
    }
    return document.object().value("status"_L1).toObject();
}

bool matches(const QStringList &patterns, const QString &value)
{
    return patterns.contains(u"*"_s) || patterns.contains(value);
}

} // namespace

QString AccessQuery::key() const
{
    return QStringList{verb, group, resource, subresource, namespaceName, name}.join(QChar(0x1f));
}

bool RulesReview::allows(const QString &verb, const QString &group, const QString &resource, const QString &subresource,
                         const QString &name) const
{
    const QString full = subresource.isEmpty() ? resource : resource + u'/' + subresource;
    for (const ResourceRule &rule : resourceRules) {
        if (!matches(rule.verbs, verb) || !matches(rule.apiGroups, group))
            continue;
        bool resourceOk = rule.resources.contains(u"*"_s) || rule.resources.contains(full);
        if (!resourceOk && !subresource.isEmpty())
            resourceOk = rule.resources.contains(u"*/"_s + subresource);
        if (!resourceOk)
            continue;
        if (!rule.resourceNames.isEmpty() && (name.isEmpty() || !rule.resourceNames.contains(name)))
            continue;
        return true;
    }
    return false;
}

Expected<AccessDecision, KubeError> parseAccessReview(const QByteArray &json)
{
    const auto status = statusOf(json, u"SelfSubjectAccessReview"_s);
    if (!status)
        return Unexpected(status.error());
    AccessDecision decision;
    decision.allowed = status->value("allowed"_L1).toBool();
    decision.denied = status->value("denied"_L1).toBool();
    decision.reason = status->value("reason"_L1).toString();
    decision.evaluationError = status->value("evaluationError"_L1).toString();
    return decision;
}

Expected<RulesReview, KubeError> parseRulesReview(const QByteArray &json)
{
    const auto status = statusOf(json, u"SelfSubjectRulesReview"_s);
    if (!status)
        return Unexpected(status.error());
    RulesReview review;
    for (const QJsonValue &value : status->value("resourceRules"_L1).toArray()) {
        const QJsonObject rule = value.toObject();
        review.resourceRules.append({jsonStrings(rule.value("verbs"_L1)), jsonStrings(rule.value("apiGroups"_L1)),
                                     jsonStrings(rule.value("resources"_L1)), jsonStrings(rule.value("resourceNames"_L1))});
    }
    for (const QJsonValue &value : status->value("nonResourceRules"_L1).toArray()) {
        const QJsonObject rule = value.toObject();
        review.nonResourceRules.append({jsonStrings(rule.value("verbs"_L1)), jsonStrings(rule.value("nonResourceURLs"_L1))});
    }
    review.incomplete = status->value("incomplete"_L1).toBool();
    review.evaluationError = status->value("evaluationError"_L1).toString();
    return review;
}

AccessReviewCache::AccessReviewCache(RestClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

AccessReviewCache::~AccessReviewCache() = default;

QDateTime AccessReviewCache::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool AccessReviewCache::fresh(const QDateTime &at) const
{
    return at.isValid() && at.msecsTo(now()) < m_ttlMs;
}

std::optional<AccessDecision> AccessReviewCache::cached(const AccessQuery &query) const
{
    const auto it = m_decisions.constFind(query.key());
    if (it == m_decisions.constEnd() || !fresh(it->at))
        return std::nullopt;
    return it->value;
}

void AccessReviewCache::invalidate()
{
    ++m_epoch;
    m_decisions.clear();
    m_rules.clear();
}

void AccessReviewCache::check(const AccessQuery &query, QObject *context, DecisionCallback callback)
{
    const QString key = query.key();
    if (const auto hit = cached(query)) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(this, [guard, callback, value = *hit] {
            if (guard)
                callback(value);
        }, Qt::QueuedConnection);
        return;
    }
    auto &waiters = m_pendingDecisions[key];
    waiters.append({QPointer<QObject>(context), std::move(callback)});
    if (waiters.size() > 1 || !m_client)
        return;

    QJsonObject attributes{{u"verb"_s, query.verb}, {u"group"_s, query.group}, {u"resource"_s, query.resource}};
    if (!query.namespaceName.isEmpty())
        attributes.insert(u"namespace"_s, query.namespaceName);
    if (!query.name.isEmpty())
        attributes.insert(u"name"_s, query.name);
    if (!query.subresource.isEmpty())
        attributes.insert(u"subresource"_s, query.subresource);
    const QJsonObject review{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                             {u"kind"_s, u"SelfSubjectAccessReview"_s},
                             {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, attributes}}}};
    KubeRequest request = KubeRequest::withBody("POST", kReviewPath + u"selfsubjectaccessreviews"_s,
                                                QJsonDocument(review).toJson(QJsonDocument::Compact));
    // Creating a review changes nothing on the server: safe to send again.
    request.idempotent = true;
    ++m_requests;
    const quint64 epoch = m_epoch;
    m_client->send(request, this, [this, key, epoch](const KubeResult &result) {
        Expected<AccessDecision, KubeError> decision =
            result ? parseAccessReview(result->body) : Expected<AccessDecision, KubeError>(Unexpected(result.error()));
        if (decision && epoch == m_epoch)
            m_decisions.insert(key, {*decision, now()});
        const auto waiting = m_pendingDecisions.take(key);
        for (const auto &waiter : waiting) {
            if (waiter.context)
                waiter.callback(decision);
        }
    });
}

void AccessReviewCache::rules(const QString &namespaceName, QObject *context, RulesCallback callback)
{
    const auto it = m_rules.constFind(namespaceName);
    if (it != m_rules.constEnd() && fresh(it->at)) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(this, [guard, callback, value = it->value] {
            if (guard)
                callback(value);
        }, Qt::QueuedConnection);
        return;
    }
    auto &waiters = m_pendingRules[namespaceName];
    waiters.append({QPointer<QObject>(context), std::move(callback)});
    if (waiters.size() > 1 || !m_client)
        return;
    const QJsonObject review{{u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                             {u"kind"_s, u"SelfSubjectRulesReview"_s},
                             {u"spec"_s, QJsonObject{{u"namespace"_s, namespaceName}}}};
    KubeRequest request = KubeRequest::withBody("POST", kReviewPath + u"selfsubjectrulesreviews"_s,
                                                QJsonDocument(review).toJson(QJsonDocument::Compact));
    request.idempotent = true;
    ++m_requests;
    const quint64 epoch = m_epoch;
    m_client->send(request, this, [this, namespaceName, epoch](const KubeResult &result) {
        Expected<RulesReview, KubeError> answer =
            result ? parseRulesReview(result->body) : Expected<RulesReview, KubeError>(Unexpected(result.error()));
        if (answer) {
            answer->namespaceName = namespaceName;
            if (epoch == m_epoch)
                m_rules.insert(namespaceName, {*answer, now()});
        }
        const auto waiting = m_pendingRules.take(namespaceName);
        for (const auto &waiter : waiting) {
            if (waiter.context)
                waiter.callback(answer);
        }
    });
}

} // namespace fd::kube

#include "moc_AccessReviewCache.cpp"
