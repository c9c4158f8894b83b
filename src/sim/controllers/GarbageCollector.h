#pragma once

#include "sim/controllers/Reconciler.h"

#include <QHash>
#include <QSet>

namespace fd::sim {

// Mirrors pkg/controller/garbagecollector: follows metadata.ownerReferences.
//  - background: a dependent whose owners are all gone is deleted;
//  - foreground: an owner carrying the `foregroundDeletion` finalizer has its dependents
//    deleted and keeps the finalizer until every dependent with blockOwnerDeletion is gone;
//  - orphan: an owner carrying the `orphan` finalizer has its ownerReference stripped from
//    every dependent, then loses the finalizer.
// The dependency graph is an index by uid kept up to date from store commits.
class GarbageCollector : public Reconciler {
    Q_OBJECT
public:
    GarbageCollector(ControllerContext *context, QObject *parent = nullptr);

protected:
    void observe(const StoreEvent &event) override;
    void reconcile(const QString &key) override;
    QStringList initialKeys() const override;
    void prime() override;

private:
    void index(const QString &id, const QJsonObject &object);
    void unindex(const QString &id, const QJsonObject &object);
    ObjectRef lookup(const QString &id) const;
    ObjectRef lookupUid(const QString &uid) const;
    struct Dependent {
        QString id;
        ObjectRef object;
    };
    QList<Dependent> dependentsOf(const QString &ownerUid) const;

    void attemptToDelete(const QString &id);
    void processDeletingOwner(const QString &id);
    bool orphanDependents(const QJsonObject &owner);
    bool removeOwnerReferences(const QString &id, const QSet<QString> &ownerUids);
    bool dropFinalizer(const QString &id, const QString &finalizer);

    QHash<QString, QString> m_idByUid;               // uid -> "storageKey|key"
    QHash<QString, QSet<QString>> m_dependentsByUid; // owner uid -> dependent ids
    QHash<QString, QStringList> m_ownersById;        // dependent id -> owner uids
};

} // namespace fd::sim
