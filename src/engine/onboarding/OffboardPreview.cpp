#include "engine/onboarding/OffboardPreview.h"

#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingTr.h"
#include "kube/transport/KubeRequest.h"
#include "kube/transport/RestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

const QString kFission = u"fission.io"_s;

bool isTrigger(const QString &resource)
{
    return resource.endsWith(u"triggers"_s);
}

QString groupIdFor(const NamespacedKind &kind)
{
    if (isTrigger(kind.resource))
        return u"triggers"_s;
    return kind.resource;
}

// Where a package's archive lives, for the preview (never its bytes).
QString archiveText(const QJsonObject &archive)
{
    const QString type = archive.value(u"type"_s).toString();
    if (type == u"url"_s)
        return archive.value(u"url"_s).toString();
    if (type == u"literal"_s) {
        const qsizetype bytes = archive.value(u"literal"_s).toString().size() * 3 / 4;
        return OnboardingText::tr("literal, about %n byte(s) in the Package", nullptr, int(bytes));
    }
    if (!type.isEmpty())
        return type;
    return {};
}

bool notServed(const fd::kube::KubeError &error)
{
    return error.httpStatus == 404;
}

} // namespace

const QList<NamespacedKind> &offboardKinds()
{
    static const QList<NamespacedKind> kinds{
        {kFission, u"v1"_s, u"functions"_s, u"Function"_s},
        {kFission, u"v1"_s, u"packages"_s, u"Package"_s},
        {kFission, u"v1"_s, u"environments"_s, u"Environment"_s},
        {kFission, u"v1"_s, u"httptriggers"_s, u"HTTPTrigger"_s},
        {kFission, u"v1"_s, u"timetriggers"_s, u"TimeTrigger"_s},
        {kFission, u"v1"_s, u"messagequeuetriggers"_s, u"MessageQueueTrigger"_s},
        {kFission, u"v1"_s, u"kuberneteswatchtriggers"_s, u"KubernetesWatchTrigger"_s},
        {QString(), u"v1"_s, u"secrets"_s, u"Secret"_s},
        {QString(), u"v1"_s, u"configmaps"_s, u"ConfigMap"_s},
    };
    return kinds;
}

int OffboardPreviewData::count(const QString &id) const
{
    const OffboardLossGroup *g = group(id);
    return g ? int(g->names.size()) : 0;
}

const OffboardLossGroup *OffboardPreviewData::group(const QString &id) const
{
    for (const OffboardLossGroup &g : groups) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

int OffboardPreviewData::total() const
{
    int sum = 0;
    for (const OffboardLossGroup &g : groups)
        sum += int(g.names.size());
    return sum;
}

OffboardPreview::OffboardPreview(fd::kube::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{
}

OffboardPreview::~OffboardPreview() = default;

void OffboardPreview::start(const QString &namespaceName)
{
    m_data = OffboardPreviewData{};
    m_data.namespaceName = namespaceName;
    m_objects.clear();
    m_result.reset();
    getObject(m_rest, this, resourcePath(QString(), u"v1"_s, u"namespaces"_s, QString(), namespaceName),
              [this](const ObjectResult &result) {
                  if (!result && !notServed(result.error())) {
                      m_result = fd::Unexpected(result.error());
                      Q_EMIT finished();
                      return;
                  }
                  m_data.namespaceExists = result.hasValue();
                  listNext(0);
              });
}

void OffboardPreview::listNext(int index)
{
    const QList<NamespacedKind> &kinds = offboardKinds();
    if (!m_data.namespaceExists || index >= kinds.size()) {
        const QList<std::pair<QString, QString>> order{
            {u"functions"_s, OnboardingText::tr("Functions")},
            {u"packages"_s, OnboardingText::tr("Packages")},
            {u"archives"_s, OnboardingText::tr("Archives (package contents)")},
            {u"environments"_s, OnboardingText::tr("Environments")},
            {u"triggers"_s, OnboardingText::tr("Triggers")},
            {u"secrets"_s, OnboardingText::tr("Secrets")},
            {u"configmaps"_s, OnboardingText::tr("Config maps")},
        };
        for (const auto &[id, title] : order)
            m_data.groups.append({id, title, {}});
        auto add = [this](const QString &id, const QString &name) {
            for (OffboardLossGroup &g : m_data.groups) {
                if (g.id == id)
                    g.names.append(name);
            }
        };
        for (const auto &[kind, object] : std::as_const(m_objects)) {
            const QString id = groupIdFor(kind);
            add(id, id == u"triggers"_s ? kind.kind + u'/' + object.name() : object.name());
            if (kind.resource == u"packages"_s) {
                const QJsonObject spec = object.toJsonObject().value(u"spec"_s).toObject();
                for (const QString &which : {u"deployment"_s, u"source"_s}) {
                    const QString where = archiveText(spec.value(which).toObject());
                    if (!where.isEmpty())
                        add(u"archives"_s, u"%1 (%2): %3"_s.arg(object.name(), which, where));
                }
            }
        }
        for (OffboardLossGroup &g : m_data.groups)
            std::sort(g.names.begin(), g.names.end());
        m_result = m_data;
        Q_EMIT finished();
        return;
    }
    const NamespacedKind &kind = kinds.at(index);
    listObjects(m_rest, this, resourcePath(kind.group, kind.version, kind.resource, m_data.namespaceName), {},
                [this, index, kind](const ObjectsResult &result) {
                    if (!result) {
                        if (!notServed(result.error())) {
                            m_result = fd::Unexpected(result.error());
                            Q_EMIT finished();
                            return;
                        }
                    } else {
                        for (const fd::kube::KubeObject &object : *result)
                            m_objects.append({kind, object});
                    }
                    listNext(index + 1);
                });
}

NamespaceDeletionWatch::NamespaceDeletionWatch(fd::kube::RestClient *rest, QString namespaceName, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_namespace(std::move(namespaceName))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &NamespaceDeletionWatch::poll);
}

NamespaceDeletionWatch::~NamespaceDeletionWatch() = default;

void NamespaceDeletionWatch::start(int intervalMs)
{
    m_timer->setInterval(intervalMs);
    poll();
}

void NamespaceDeletionWatch::schedule()
{
    if (!m_state.gone)
        m_timer->start();
}

void NamespaceDeletionWatch::poll()
{
    if (m_polling || m_state.gone)
        return;
    m_polling = true;
    getObject(m_rest, this, resourcePath(QString(), u"v1"_s, u"namespaces"_s, QString(), m_namespace), [this](const ObjectResult &result) {
        m_next = NamespaceDeletionState{};
        if (!result) {
            m_polling = false;
            if (notServed(result.error())) {
                m_state = NamespaceDeletionState{};
                m_state.gone = true;
                Q_EMIT changed();
                Q_EMIT gone();
                return;
            }
            m_state.error = result.error().message;
            Q_EMIT changed();
            schedule();
            return;
        }
        const QJsonObject json = result->toJsonObject();
        m_next.terminating = json.value(u"status"_s).toObject().value(u"phase"_s).toString() == u"Terminating"_s;
        for (const QJsonValue &f : json.value(u"spec"_s).toObject().value(u"finalizers"_s).toArray())
            m_next.finalizers.append(f.toString());
        for (const QJsonValue &c : json.value(u"status"_s).toObject().value(u"conditions"_s).toArray()) {
            const QJsonObject condition = c.toObject();
            if (condition.value(u"status"_s).toString() == u"True"_s)
                m_next.conditions.append(u"%1: %2"_s.arg(condition.value(u"type"_s).toString(), condition.value(u"message"_s).toString()));
        }
        listHeld(0, {});
    });
}

void NamespaceDeletionWatch::listHeld(int index, QList<HeldObject> held)
{
    const QList<NamespacedKind> &kinds = offboardKinds();
    if (index >= kinds.size()) {
        m_next.heldObjects = std::move(held);
        m_state = m_next;
        m_polling = false;
        Q_EMIT changed();
        schedule();
        return;
    }
    const NamespacedKind &kind = kinds.at(index);
    listObjects(m_rest, this, resourcePath(kind.group, kind.version, kind.resource, m_namespace), {},
                [this, index, kind, held](const ObjectsResult &result) mutable {
                    if (result) {
                        for (const fd::kube::KubeObject &object : *result) {
                            QStringList finalizers;
                            for (const QJsonValue &f : object.toJsonObject().value(u"metadata"_s).toObject().value(u"finalizers"_s).toArray())
                                finalizers.append(f.toString());
                            if (finalizers.isEmpty())
                                continue;
                            held.append({kind.kind, object.name(),
                                         resourcePath(kind.group, kind.version, kind.resource, m_namespace, object.name()), finalizers});
                        }
                    }
                    listHeld(index + 1, std::move(held));
                });
}

void NamespaceDeletionWatch::removeFinalizers(const HeldObject &object, std::function<void(const QString &)> done)
{
    const QJsonObject patch{{u"metadata"_s, QJsonObject{{u"finalizers"_s, QJsonValue::Null}}}};
    const auto request = fd::kube::KubeRequest::withBody("PATCH", object.path, QJsonDocument(patch).toJson(QJsonDocument::Compact),
                                                         "application/merge-patch+json");
    m_rest->send(request, this, [this, done = std::move(done)](const fd::kube::KubeResult &result) {
        done(result ? QString() : result.error().message);
        m_timer->stop();
        poll();
    });
}

} // namespace fd::engine::onboarding

#include "moc_OffboardPreview.cpp"
