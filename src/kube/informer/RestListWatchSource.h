#pragma once

#include "kube/informer/ListWatchSource.h"
#include "kube/informer/ResourceKind.h"

#include <QPointer>
#include <QString>

namespace fd::kube {

class RestClient;

// Selectors applied to both the LIST and the WATCH of a source (kube-protocol.md §4: "use
// identical selectors for list and watch").
struct ListWatchSelectors {
    QString labelSelector;
    QString fieldSelector;
};

// ListWatchSource over the transport's RestClient: LIST pages are GETs decoded with simdjson
// (decodeList), WATCHes are KubeStreams split into events by a WatchEventParser. Errors arrive as
// the transport typed them (its retries, Retry-After handling and 401 credential refresh have
// already happened); ERROR events come through as events.
//
// Lives on the session thread with the RestClient; the client must outlive the source's calls or
// be destroyed with them (a destroyed client cancels them, and they then report nothing).
class RestListWatchSource : public ListWatchSource {
public:
    RestListWatchSource(RestClient *client, ResourceKind kind, QString namespaceName = {},
                        ListWatchSelectors selectors = {});

    std::unique_ptr<SourceCall> list(const ListPageOptions &options, ListCallback callback) override;
    std::unique_ptr<SourceCall> watch(const WatchStreamOptions &options, WatchHandlers handlers) override;
    QString describe() const override;

    const ResourceKind &kind() const { return m_kind; }
    const QString &namespaceName() const { return m_namespace; }

private:
    QPointer<RestClient> m_client;
    ResourceKind m_kind;
    QString m_namespace;
    ListWatchSelectors m_selectors;
};

} // namespace fd::kube
