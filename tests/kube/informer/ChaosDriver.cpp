#include "ChaosDriver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace fd::test {

namespace {

QNetworkRequest jsonRequest(const QUrl &url, const QByteArray &contentType = "application/json")
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30'000);
    return request;
}

} // namespace

// --- ChaosDriver -------------------------------------------------------------------------------

ChaosDriver::ChaosDriver(const QUrl &server, QList<ChaosCollection> collections, QStringList namespaces,
                         int namesPerNamespace, int operations, int parallel, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_collections(std::move(collections))
    , m_namespaces(std::move(namespaces))
    , m_namesPerNamespace(namesPerNamespace)
    , m_operations(operations)
    , m_parallel(parallel)
    , m_random(quint32(seed) ^ quint32(seed >> 32))
{
}

void ChaosDriver::start()
{
    m_clock.start();
    launch();
}

QString ChaosDriver::key(const Operation &operation) const
{
    return QString::number(operation.collection) + u'|' + operation.ns + u'/' + operation.name;
}

bool ChaosDriver::pick(Operation *operation)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        operation->collection = int(m_random.bounded(quint32(m_collections.size())));
        operation->ns = m_namespaces.at(int(m_random.bounded(quint32(m_namespaces.size()))));
        operation->name = u"obj-%1"_s.arg(m_random.bounded(quint32(m_namesPerNamespace)));
        const QString k = key(*operation);
        if (m_busy.contains(k))
            continue;
        if (!m_present.contains(k))
            operation->verb = Verb::Create;
        else
            operation->verb = m_random.bounded(10u) < 6 ? Verb::Update : Verb::Delete;
        return true;
    }
    return false;
}

void ChaosDriver::launch()
{
    while (m_inFlight < m_parallel && m_launched < m_operations) {
        Operation operation;
        if (!pick(&operation))
            break;
        m_busy.insert(key(operation));
        ++m_launched;
        send(operation);
    }
    if (m_inFlight == 0 && m_completed >= m_operations && !m_done) {
        m_done = true;
        Q_EMIT finished();
    }
}

QByteArray ChaosDriver::payload(const ChaosCollection &collection)
{
    QByteArray value = QByteArray::number(m_random.generate64(), 36).repeated(1 + int(m_random.bounded(8u)));
    if (collection.base64)
        value = value.toBase64();
    return value;
}

void ChaosDriver::send(const Operation &operation)
{
    const ChaosCollection &collection = m_collections.at(operation.collection);
    const QString collectionPath = collection.pathPrefix + u"/namespaces/"_s + operation.ns + u'/' + collection.resource;
    QUrl url = m_server;
    QNetworkReply *reply = nullptr;
    switch (operation.verb) {
    case Verb::Create: {
        url.setPath(collectionPath);
        const QJsonObject object{
            {u"apiVersion"_s, collection.apiVersion},
            {u"kind"_s, collection.kind},
            {u"metadata"_s, QJsonObject{{u"name"_s, operation.name},
                                       {u"namespace"_s, operation.ns},
                                       {u"labels"_s, QJsonObject{{u"chaos"_s, u"true"_s}}}}},
            {collection.payloadField, QJsonObject{{u"value"_s, QString::fromLatin1(payload(collection))}}}};
        reply = m_network.post(jsonRequest(url), QJsonDocument(object).toJson(QJsonDocument::Compact));
        break;
    }
    case Verb::Update: {
        url.setPath(collectionPath + u'/' + operation.name);
        const QJsonObject patch{
            {collection.payloadField, QJsonObject{{u"value"_s, QString::fromLatin1(payload(collection))}}}};
        reply = m_network.sendCustomRequest(jsonRequest(url, "application/merge-patch+json"), "PATCH",
                                            QJsonDocument(patch).toJson(QJsonDocument::Compact));
        break;
    }
    case Verb::Delete:
        url.setPath(collectionPath + u'/' + operation.name);
        reply = m_network.deleteResource(jsonRequest(url));
        break;
    }
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, operation] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const bool networkError = status == 0;
        reply->deleteLater();
        --m_inFlight;
        onAnswer(operation, status, body, networkError);
    });
}

void ChaosDriver::onAnswer(const Operation &operation, int status, const QByteArray &body, bool networkError)
{
    const QString k = key(operation);
    if (networkError || status == 429 || status >= 500) {
        // Refused by the fault injector before the emulator acted (or a dropped connection):
        // the same operation goes again, shortly.
        ++m_stats.refusedAndResent;
        ++m_inFlight;
        QTimer::singleShot(20, this, [this, operation] {
            --m_inFlight;
            send(operation);
        });
        return;
    }
    m_busy.remove(k);
    ++m_completed;
    switch (operation.verb) {
    case Verb::Create:
        if (status == 201 || status == 200) {
            ++m_stats.creates;
            m_present.insert(k);
        } else if (status == 409) {
            ++m_stats.alreadyExists;
            m_present.insert(k);
        } else {
            ++m_stats.unexpected;
        }
        break;
    case Verb::Update:
        if (status == 200) {
            ++m_stats.updates;
        } else if (status == 404) {
            ++m_stats.notFound;
            m_present.remove(k);
        } else {
            ++m_stats.unexpected;
        }
        break;
    case Verb::Delete:
        if (status == 200 || status == 202) {
            ++m_stats.deletes;
            m_present.remove(k);
        } else if (status == 404) {
            ++m_stats.notFound;
            m_present.remove(k);
        } else {
            ++m_stats.unexpected;
        }
        break;
    }
    if (m_stats.unexpected > 0 && m_stats.unexpectedSamples.size() < 5 && status != 200 && status != 201
        && status != 202 && status != 404 && status != 409) {
        m_stats.unexpectedSamples.append(QString::number(status) + u' ' + QString::fromUtf8(body.left(300)));
    }
    launch();
}

// --- FaultInjector -----------------------------------------------------------------------------

FaultInjector::FaultInjector(const QUrl &server, TokenRotation rotateToken, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_rotateToken(std::move(rotateToken))
    , m_random(quint32(seed * 31 + 7) ^ quint32(seed >> 32))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        injectOne();
        m_timer.start(60 + int(m_random.bounded(190u)));
    });
}

void FaultInjector::start()
{
    m_timer.start(60 + int(m_random.bounded(190u)));
}

void FaultInjector::stop()
{
    m_timer.stop();
}

void FaultInjector::post(const QJsonObject &plan)
{
    QUrl url = m_server;
    url.setPath(u"/_sim/faults"_s);
    QNetworkReply *reply = m_network.post(jsonRequest(url), QJsonDocument(plan).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            ++m_stats.failedPosts;
        reply->deleteLater();
    });
}

void FaultInjector::injectOne()
{
    // Restrict injected failures to the informers' watches, their lists, or hit whatever comes.
    static const QStringList targets{QString(), u"watch=true"_s, u"limit="_s};
    const QString target = targets.at(int(m_random.bounded(quint32(targets.size()))));
    switch (m_random.bounded(7u)) {
    case 0:
    case 1:
        ++m_stats.drops;
        post(QJsonObject{{u"dropWatches"_s, true}});
        break;
    case 2:
        ++m_stats.compactions;
        post(QJsonObject{{u"compact"_s, true}});
        break;
    case 3:
        // Dropped watches resume from an RV the compaction just made too old: 410.
        ++m_stats.compactions;
        ++m_stats.drops;
        post(QJsonObject{{u"compact"_s, true}, {u"dropWatches"_s, true}});
        break;
    case 4:
        ++m_stats.throttles;
        post(QJsonObject{{u"failNextRequests"_s, 1 + int(m_random.bounded(4u))},
                         {u"failStatus"_s, 429},
                         {u"retryAfterSeconds"_s, 1},
                         {u"failOnlyPathContaining"_s, target}});
        break;
    case 5:
        ++m_stats.serverErrors;
        post(QJsonObject{{u"failNextRequests"_s, 1 + int(m_random.bounded(4u))},
                         {u"failStatus"_s, m_random.bounded(2u) ? 500 : 503},
                         {u"retryAfterSeconds"_s, 1},
                         {u"failOnlyPathContaining"_s, target}});
        break;
    case 6: {
        ++m_stats.tokenExpiries;
        const QString old = m_rotateToken();
        post(QJsonObject{{u"expireToken"_s, old}});
        break;
    }
    }
}

} // namespace fd::test
