#pragma once

#include <QList>
#include <QNetworkProxy>
#include <QObject>

class QNetworkAccessManager;

// The QNetworkAccessManagers of one session, chosen so that open streams never make other
// requests wait (kube-protocol.md §6):
//  - Qt runs at most 6 HTTP/1.1 requests per host per manager (fixed in Qt 6.4) and queues
//    the rest, and a watch or a followed log holds its connection for minutes. Ordinary calls
//    therefore get a manager of their own, and streams are spread over stream managers holding
//    at most streamsPerManager() (5) each; a new one is made when all are full, so a later
//    stream never queues behind open ones either.
//  - Over TLS Qt negotiates HTTP/2 per manager, and each manager multiplexes its requests on
//    one connection; the same split keeps a stream-heavy connection from affecting calls.
//  - retireAll() (a new client certificate from an exec plugin) makes every later request use
//    fresh managers, hence fresh connections; Qt's connection cache ignores the TLS
//    configuration, so this is the only way to present the new certificate. Retired managers
//    are deleted once their last request has finished.
// Managers are created lazily on first use, on the thread that uses the pool (the session
// thread): QNetworkAccessManager must live on the thread that sends its requests.

namespace fd::kube {

class NetworkManagerPool : public QObject {
    Q_OBJECT
public:
    explicit NetworkManagerPool(const QNetworkProxy &proxy, QObject *parent = nullptr);
    ~NetworkManagerPool() override;

    enum class Use { Call, Stream };

    // A manager for one request; release it when the request's reply has finished.
    QNetworkAccessManager *acquire(Use use);
    void release(QNetworkAccessManager *manager);

    void retireAll();

    int streamsPerManager() const { return m_streamsPerManager; }
    void setStreamsPerManager(int streams) { m_streamsPerManager = qMax(1, streams); }

    // For tests and diagnostics.
    int streamManagerCount() const;
    int activeStreams() const;
    int activeCalls() const;

private:
    struct Entry {
        QNetworkAccessManager *manager = nullptr;
        Use use = Use::Call;
        int active = 0;
        bool retired = false;
    };

    QNetworkAccessManager *create(Use use);
    Entry *find(QNetworkAccessManager *manager);
    void dropIfIdle(QNetworkAccessManager *manager);

    QNetworkProxy m_proxy;
    int m_streamsPerManager = 5;
    QList<Entry> m_entries;
};

} // namespace fd::kube
