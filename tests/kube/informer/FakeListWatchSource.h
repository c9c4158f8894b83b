#pragma once

#include "kube/informer/ListWatchSource.h"
#include "kube/store/Decode.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <vector>

// A scripted ListWatchSource: every list()/watch() call is recorded with its options, and the test
// answers it when it wants (pages, errors, events, clean or failed ends). Calls destroyed by the
// reflector are marked cancelled; answering them is allowed and must be ignored by the reflector.
namespace fd::kube::test {

struct FakeListCall {
    ListPageOptions options;
    ListWatchSource::ListCallback callback;
    bool cancelled = false;
    bool answered = false;

    void reply(const ObjectList &page);
    void fail(const KubeError &error);
};

struct FakeWatchCall {
    WatchStreamOptions options;
    ListWatchSource::WatchHandlers handlers;
    bool cancelled = false;
    bool closed = false;

    void open();
    void send(const QList<WatchEvent> &events);
    void send(const WatchEvent &event) { send(QList<WatchEvent>{event}); }
    void end(); // a clean end
    void fail(const KubeError &error);
};

// What one source (one kind in one scope) was asked.
struct FakeEndpoint {
    std::vector<std::shared_ptr<FakeListCall>> lists;
    std::vector<std::shared_ptr<FakeWatchCall>> watches;

    std::shared_ptr<FakeListCall> lastList() const { return lists.empty() ? nullptr : lists.back(); }
    std::shared_ptr<FakeWatchCall> lastWatch() const { return watches.empty() ? nullptr : watches.back(); }
    int liveCalls() const; // neither cancelled nor finished
};

class FakeListWatchSource : public ListWatchSource {
public:
    FakeListWatchSource(std::shared_ptr<FakeEndpoint> endpoint, QString description = QStringLiteral("fake"))
        : m_endpoint(std::move(endpoint)), m_description(std::move(description))
    {
    }

    std::unique_ptr<SourceCall> list(const ListPageOptions &options, ListCallback callback) override;
    std::unique_ptr<SourceCall> watch(const WatchStreamOptions &options, WatchHandlers handlers) override;
    QString describe() const override { return m_description; }

private:
    std::shared_ptr<FakeEndpoint> m_endpoint;
    QString m_description;
};

// Endpoints by source name ("configmaps/*", "configmaps/team-a", "namespaces/*").
struct FakeCluster {
    std::map<QString, std::shared_ptr<FakeEndpoint>> endpoints;
    std::shared_ptr<FakeEndpoint> endpoint(const QString &name);
};

// --- building blocks ------------------------------------------------------------------------------

// A ConfigMap as the store holds it.
KubeObject configMap(const QString &ns, const QString &name, const QString &rv, const QString &data = QStringLiteral("v"));
// A Namespace.
KubeObject namespaceObject(const QString &name, const QString &rv);
ObjectList page(const QList<KubeObject> &items, const QString &rv, const QString &continueToken = {});
WatchEvent added(const KubeObject &object);
WatchEvent modified(const KubeObject &object);
WatchEvent deleted(const KubeObject &object);
WatchEvent bookmark(const QString &rv, bool initialEventsEnd = false);
WatchEvent errorEvent(const KubeError &error);
KubeError error(ErrorKind kind, int httpStatus, int retryAfterSeconds = 0);

} // namespace fd::kube::test
