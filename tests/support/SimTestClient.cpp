#include "SimTestClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace fd::test {

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

SimTestCluster::SimTestCluster(fd::sim::SimClusterOptions options)
{
    m_host = std::make_unique<fd::sim::SimHost>(options);
}

SimTestCluster::~SimTestCluster() = default;

bool SimTestCluster::start(QString *error)
{
    auto started = m_host->start();
    if (!started && error)
        *error = started.error();
    return started.hasValue();
}

QString SimTestCluster::url() const
{
    return m_host->url().toString();
}

QString SimTestCluster::token(const QString &user) const
{
    if (m_host->cluster() == nullptr)
        return {};
    for (const auto &entry : m_host->users()) {
        if (entry.name == user)
            return entry.token;
    }
    return {};
}

HttpResult SimTestCluster::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QByteArray &contentType, const QString &user,
                                   const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QNetworkRequest request(QUrl(url() + path));
    const QString bearer = token(user);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto &[name, value] : extraHeaders)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult SimTestCluster::post(const QString &path, const QJsonObject &object, const QString &user)
{
    return request("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", user);
}

StreamReader::StreamReader(QNetworkAccessManager *network, const QNetworkRequest &request)
{
    m_reply = network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_buffer += m_reply->readAll();
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            m_lines.append(m_buffer.left(newline));
            m_buffer.remove(0, newline + 1);
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, [this] { m_finished = true; });
}

StreamReader::~StreamReader()
{
    if (m_reply) {
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QList<QJsonObject> StreamReader::events() const
{
    QList<QJsonObject> result;
    for (const QByteArray &line : m_lines)
        result.append(QJsonDocument::fromJson(line).object());
    return result;
}

int StreamReader::status() const
{
    return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
}

void StreamReader::abort()
{
    if (m_reply)
        m_reply->abort();
}

} // namespace fd::test
