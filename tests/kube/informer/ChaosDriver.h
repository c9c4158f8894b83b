#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>

// The chaos test's two actors, both plain HTTP clients of the emulator that share nothing with
// the informers they torment (a separate QNetworkAccessManager on the test thread).

namespace fd::test {

// A collection the driver writes to.
struct ChaosCollection {
    QString apiVersion;  // "v1", "chaos.example.com/v1"
    QString kind;        // "ConfigMap"
    QString pathPrefix;  // "/api/v1", "/apis/chaos.example.com/v1"
    QString resource;    // "configmaps"
    QString payloadField; // "data" (ConfigMap, Secret) or "spec" (the CR)
    bool base64 = false; // Secret data values are base64
};

// Random creates, updates (merge patches) and deletes over HTTP, several requests in flight, until
// `operations` of them have completed. Requests the fault injector refused (429, 5xx, a broken
// connection) are sent again: they do not count. Keys are never written by two requests at once,
// so the driver's belief about what exists stays exact.
class ChaosDriver : public QObject
{
    Q_OBJECT

public:
    struct Stats {
        int creates = 0;
        int updates = 0;
        int deletes = 0;
        int notFound = 0;      // a stale belief (never expected, but harmless)
        int alreadyExists = 0;
        int refusedAndResent = 0; // 429/5xx/transport, sent again
        int unexpected = 0;    // anything else (the test fails on it)
        QStringList unexpectedSamples;
    };

    ChaosDriver(const QUrl &server, QList<ChaosCollection> collections, QStringList namespaces, int namesPerNamespace,
                int operations, int parallel, quint64 seed, QObject *parent = nullptr);

    void start();
    bool isDone() const { return m_done; }
    int completed() const { return m_completed; }
    const Stats &stats() const { return m_stats; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

Q_SIGNALS:
    void finished();

private:
    enum class Verb { Create, Update, Delete };
    struct Operation {
        int collection = 0;
        QString ns;
        QString name;
        Verb verb = Verb::Create;
    };

    void launch();
    bool pick(Operation *operation);
    void send(const Operation &operation);
    void onAnswer(const Operation &operation, int status, const QByteArray &body, bool networkError);
    QString key(const Operation &operation) const;
    QByteArray payload(const ChaosCollection &collection);

    QUrl m_server;
    QList<ChaosCollection> m_collections;
    QStringList m_namespaces;
    int m_namesPerNamespace;
    int m_operations;
    int m_parallel;
    QRandomGenerator m_random;
    QNetworkAccessManager m_network{this};
    QSet<QString> m_present;
    QSet<QString> m_busy;
    int m_inFlight = 0;
    int m_launched = 0;
    int m_completed = 0;
    bool m_done = false;
    Stats m_stats;
    QElapsedTimer m_clock;
};

// Every so often (random 60–250 ms) one fault, chosen at random: drop every watch, compact the
// history (so resuming watches and continued lists get 410), both at once, N× 429 with
// Retry-After 1, N× 500 or 503 — optionally only for watches or only for lists — or expire the
// informers' token (after a new one was minted: the exec plugin hands it out on the next run).
class FaultInjector : public QObject
{
    Q_OBJECT

public:
    struct Stats {
        int drops = 0;
        int compactions = 0;
        int throttles = 0;
        int serverErrors = 0;
        int tokenExpiries = 0;
        int failedPosts = 0;
    };
    // Rotates the token: makes a new one valid, hands it to the exec plugin, returns the old one.
    using TokenRotation = std::function<QString()>;

    FaultInjector(const QUrl &server, TokenRotation rotateToken, quint64 seed, QObject *parent = nullptr);

    void start();
    void stop();
    const Stats &stats() const { return m_stats; }

private:
    void injectOne();
    void post(const QJsonObject &plan);

    QUrl m_server;
    TokenRotation m_rotateToken;
    QRandomGenerator m_random;
    QNetworkAccessManager m_network{this};
    QTimer m_timer{this};
    Stats m_stats;
};

} // namespace fd::test
