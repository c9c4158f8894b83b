#pragma once

#include "sim/cluster/SimHost.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QPointer>
#include <QString>

#include <memory>

class QNetworkReply;

namespace fd::test {

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// A simulated cluster on its own thread plus a blocking HTTP client for tests of the
// emulator itself (raw requests, exact status codes and bodies).
class SimTestCluster {
public:
    explicit SimTestCluster(fd::sim::SimClusterOptions options = {});
    ~SimTestCluster();

    bool start(QString *error = nullptr);
    fd::sim::SimHost &host() { return *m_host; }
    QString url() const;
    QString token(const QString &user = QStringLiteral("admin")) const;

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QByteArray &contentType = "application/json",
                       const QString &user = QStringLiteral("admin"),
                       const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    HttpResult get(const QString &path, const QString &user = QStringLiteral("admin"))
    {
        return request("GET", path, {}, {}, user);
    }
    HttpResult post(const QString &path, const QJsonObject &object, const QString &user = QStringLiteral("admin"));

private:
    std::unique_ptr<fd::sim::SimHost> m_host;
    QNetworkAccessManager m_network;
};

// Reads a watch (or followed log) stream line by line while the test goes on.
class StreamReader : public QObject {
    Q_OBJECT
public:
    StreamReader(QNetworkAccessManager *network, const QNetworkRequest &request);
    ~StreamReader() override;

    QList<QByteArray> lines() const { return m_lines; }
    QList<QJsonObject> events() const;
    bool finished() const { return m_finished; }
    int status() const;
    void abort();

private:
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QList<QByteArray> m_lines;
    bool m_finished = false;
};

} // namespace fd::test
