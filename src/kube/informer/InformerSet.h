#pragma once

#include "kube/informer/Reflector.h"
#include "kube/informer/ResourceKind.h"
#include "kube/store/DeltaBatcher.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace fd::kube {

// Where the caller lets us look when RBAC forbids cluster-wide access and the namespace list.
struct InformerScopeSettings {
    QString contextNamespace;  // the kubeconfig context's namespace (override → context → "default")
    QStringList namespaces;    // the user's extra namespaces for this context (settings)
};

// How one kind is watched, and why (the UI shows it next to the data).
struct InformerScope {
    enum class Mode {
        ClusterWide,          // one reflector for all namespaces (or a cluster-scoped kind)
        ListedNamespaces,     // cluster-wide forbidden: one reflector per namespace the user may list
        ConfiguredNamespaces, // cluster-wide and listing namespaces forbidden: the context's
                              // namespace plus the namespaces from the settings
        Pending,              // cluster-wide forbidden, the namespace list is being fetched
    };
    Mode mode = Mode::ClusterWide;
    QStringList namespaces;                   // per-namespace modes, in watch order
    std::optional<KubeError> clusterWideError;  // the 403 that ruled out cluster-wide
    std::optional<KubeError> namespaceListError; // the 403 that ruled out listing namespaces

    bool isPerNamespace() const { return mode != Mode::ClusterWide; }
    // Translated, e.g. "Watching 2 namespaces (the context's and the configured ones): you may not
    // list configmaps in all namespaces, nor list namespaces."
    QString explanation(const QString &resource) const;
};

// One reflector per watched kind, cluster-wide where RBAC allows, else one per namespace the
// user can see — the namespaces it may list, else the context's namespace plus the configured
// ones (kube-protocol.md §4; issue 4 "Admins whose RBAC cannot list namespaces…"). The fallback
// reacts to the 403 of the cluster-wide LIST: a reflector that is refused stays Forbidden instead
// of retrying, and the set narrows the scope. When it lists namespaces itself it keeps watching
// them, so namespaces created later are picked up and deleted ones dropped.
//
// Every reflector writes into its own ObjectStore; their deltas go through one DeltaBatcher,
// under source names "<kind id>/<namespace>" ("configmaps/*" for cluster-wide,
// "functions.fission.io/team-a"). When a reflector is dropped (scope change), its objects leave
// as deletes.
//
// Lives on the session thread, like its reflectors and their sources.
class InformerSet : public QObject
{
    Q_OBJECT

public:
    // Makes the list/watch source of one kind, cluster-wide (empty namespace) or in one namespace.
    using SourceFactory = std::function<std::unique_ptr<ListWatchSource>(const ResourceKind &, const QString &)>;

    struct Options {
        ReflectorOptions reflector;
        InformerScopeSettings scope;
        int batchIntervalMs = 50;
        Reflector::Timing timing; // tests; default: real timers
    };

    InformerSet(SourceFactory factory, Options options, QObject *parent = nullptr);
    ~InformerSet() override;

    // Adds a kind (started at once when the set runs). Adding a kind twice does nothing.
    void addKind(const ResourceKind &kind);
    void start();
    void stop();
    // Forgets every fallback and tries cluster-wide again (after an RBAC change).
    void refreshScope();

    DeltaBatcher *batcher() { return &m_batcher; }
    QList<ResourceKind> kinds() const;
    InformerScope scope(const ResourceKind &kind) const;
    // The reflectors of a kind by namespace ("" = cluster-wide).
    QList<const Reflector *> reflectors(const ResourceKind &kind) const;
    // Objects of a kind across its stores.
    QList<KubeObject> items(const ResourceKind &kind) const;
    // Running, and every reflector of every kind synced and watching. Per-namespace reflectors that
    // RBAC refused do not count (they stay empty and Forbidden by design); a kind still waiting for
    // the namespace list is not live.
    bool isLive() const;

    static QString sourceName(const ResourceKind &kind, const QString &namespaceName);

Q_SIGNALS:
    void scopeChanged(const fd::kube::ResourceKind &kind, const fd::kube::InformerScope &scope);
    // Some reflector's status changed (query reflectors()/isLive()).
    void statusChanged();

private:
    struct KindEntry {
        ResourceKind kind;
        InformerScope scope;
        std::map<QString, Reflector *> reflectors; // by namespace; "" = cluster-wide
    };
    enum class NamespaceState { Unknown, Resolving, Listed, Configured };

    void startKind(KindEntry &entry);
    Reflector *createReflector(KindEntry &entry, const QString &namespaceName);
    void removeReflector(KindEntry &entry, const QString &namespaceName);
    void onForbidden(const ResourceKind &kind, const QString &namespaceName, const KubeError &error);
    void resolveNamespaces();
    void onNamespacesSynced();
    void onNamespacesForbidden(const KubeError &error);
    QStringList namespacesInScope() const;
    void applyNamespaces(KindEntry &entry);
    KindEntry *find(const ResourceKind &kind);
    const KindEntry *find(const ResourceKind &kind) const;

    SourceFactory m_factory;
    Options m_options;
    DeltaBatcher m_batcher;
    std::vector<std::unique_ptr<KindEntry>> m_kinds;
    bool m_running = false;

    NamespaceState m_namespaceState = NamespaceState::Unknown;
    Reflector *m_namespaces = nullptr; // lists and watches namespaces for the fallback
    std::optional<KubeError> m_namespaceListError;
};

} // namespace fd::kube

Q_DECLARE_METATYPE(fd::kube::ResourceKind)
Q_DECLARE_METATYPE(fd::kube::InformerScope)
