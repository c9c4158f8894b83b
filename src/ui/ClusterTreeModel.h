#pragma once

#include "engine/ClusterSnapshot.h"
#include "FindingLookup.h"
#include "TreeRoles.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

// The cluster tree: context → tenant → kind group → object. Each snapshot is merged into the
// existing tree: per parent, rows that vanished are removed and new rows inserted with one
// begin/end pair per contiguous range, and changed rows get dataChanged. The model is never
// reset after the first row exists, so views keep their selection and expansion.

namespace fd {
namespace ui {

class ClusterTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ColumnCount };

    explicit ClusterTreeModel(QObject *parent = nullptr);
    ~ClusterTreeModel() override;

    // The wanted shape of one context's subtree, built from a snapshot. Building it is the
    // expensive half of a merge (every text and icon of the changed tenants) and reads only the
    // immutable snapshot: prepare() may run on any thread, applyPrepared() merges on the model's.
    struct Prepared;
    static Prepared prepare(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change,
                            bool everything);
    void applyPrepared(const Prepared &prepared);
    // Shows the context's own row for `snapshot` (added when new) and leaves its tenants as
    // they are: cheap, for the moment before the first prepared subtree arrives.
    void applyContextRow(const fd::engine::ClusterSnapshotPtr &snapshot);

    // prepare() and applyPrepared() at once. Adds the context when new (appended), else merges
    // the snapshot into its subtree. With change.everything false only the namespaces named by
    // `change` are re-read below the tenant level; the tenant and context rows are always
    // compared (they are cheap).
    void applySnapshot(const fd::engine::ClusterSnapshotPtr &snapshot, const fd::engine::SnapshotChange &change);
    void removeCluster(const QString &contextName);

    fd::engine::ClusterSnapshotPtr snapshot(const QString &contextName) const;
    const FindingLookup *findings(const QString &contextName) const;
    QStringList contexts() const;

    QModelIndex contextIndex(const QString &contextName) const;
    QModelIndex tenantIndex(const QString &contextName, const QString &namespaceName) const;
    QModelIndex objectIndex(const QString &contextName, const fd::fission::ObjectRef &ref) const;

    // Notes the app adds to tenant rows beside what the cluster says (the maintenance queue's
    // "queued to onboard"): shown before the status, in the tooltip, and matched by the filter.
    // Replaces the context's notes; a note for a namespace without a row shows once it has one.
    void setTenantNotes(const QString &contextName, const QHash<QString, QString> &notes);
    QString tenantNote(const QString &contextName, const QString &namespaceName) const;

    // Test and debugging aid: the tree as indented "name [status]" lines.
    QStringList dump(const QModelIndex &parent = {}, int depth = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    struct NodeData {
        NodeType type = NodeType::Root;
        QString key;          // unique among siblings, defines the order
        QString name;         // column 0
        QString status;       // column 1 (translated)
        QString statusId;
        QString iconId;
        QString tooltip;
        QString kindText;     // translated kind for the filter ("Package", "tenant")
        QString context;
        QString namespaceName;
        QString group;
        QString kind;
        QString objectName;
        int severity = -1;
        int count = -1;
        bool operator==(const NodeData &other) const = default;
    };
    struct NodeSpec {
        NodeData data;
        QList<NodeSpec> children;
        bool childrenKnown = true; // false: keep the existing children untouched
    };
    struct Prepared {
        fd::engine::ClusterSnapshotPtr snapshot;
        std::shared_ptr<const FindingLookup> findings;
        NodeSpec spec;
    };

private:
    struct Node {
        NodeData d;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    struct ClusterEntry {
        fd::engine::ClusterSnapshotPtr snapshot;
        std::shared_ptr<const FindingLookup> findings;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    Node *contextNode(const QString &contextName) const;
    bool needsEverything(const QString &contextName) const;
    static Node *childByKey(const Node *parent, const QString &key);
    std::unique_ptr<Node> build(const NodeSpec &spec, Node *parent, int row) const;
    void sync(Node *node, const NodeSpec &spec);
    void syncChildren(Node *parent, const QList<NodeSpec> &desired);
    static void renumber(Node *parent, int from);

    Node m_root;
    QHash<QString, ClusterEntry> m_clusters;
    QHash<QString, QHash<QString, QString>> m_tenantNotes; // context → namespace → note
};

} // namespace ui
} // namespace fd
