#pragma once

#include "engine/ClusterSnapshot.h"
#include "engine/CommandResult.h"
#include "fission/Kinds.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace fd::engine {
class ClusterSession;
}

namespace fd {
namespace ui {

// What the object forms need from one cluster: the latest snapshot (for pickers, references and
// the tenant's state) and the write commands, with the server-side dry run. The engine's session
// is wrapped by SessionFormBackend; the forms never see the network.
class FormBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~FormBackend() override = default;

    virtual fd::engine::ClusterSnapshotPtr snapshot() const = 0;
    virtual QFuture<fd::engine::CommandResult> createObject(const QJsonObject &object, bool dryRun) = 0;
    virtual QFuture<fd::engine::CommandResult> replaceObject(const QJsonObject &object, bool dryRun) = 0;
    virtual QFuture<fd::engine::CommandResult> deleteObject(const fd::fission::GroupResource &gr, const QString &ns,
                                                            const QString &name) = 0;
    virtual QFuture<bool> canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns) = 0;
    // Uploads an archive to Fission's storage service (release namespace `fissionNamespace`);
    // success carries {"id", "url", "sha256"}.
    virtual QFuture<fd::engine::CommandResult> uploadArchive(const QString &fissionNamespace, const QByteArray &archive,
                                                             const QString &fileName) = 0;
    // Names of a namespace's objects of one resource (secrets, config maps); success carries
    // {"names": [...]}.
    virtual QFuture<fd::engine::CommandResult> listNames(const fd::fission::GroupResource &gr, const QString &ns) = 0;
};

class SessionFormBackend : public FormBackend
{
    Q_OBJECT
public:
    explicit SessionFormBackend(fd::engine::ClusterSession *session, QObject *parent = nullptr);

    fd::engine::ClusterSnapshotPtr snapshot() const override;
    QFuture<fd::engine::CommandResult> createObject(const QJsonObject &object, bool dryRun) override;
    QFuture<fd::engine::CommandResult> replaceObject(const QJsonObject &object, bool dryRun) override;
    QFuture<fd::engine::CommandResult> deleteObject(const fd::fission::GroupResource &gr, const QString &ns,
                                                    const QString &name) override;
    QFuture<bool> canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns) override;
    QFuture<fd::engine::CommandResult> uploadArchive(const QString &fissionNamespace, const QByteArray &archive,
                                                     const QString &fileName) override;
    QFuture<fd::engine::CommandResult> listNames(const fd::fission::GroupResource &gr, const QString &ns) override;

private:
    QPointer<fd::engine::ClusterSession> m_session;
};

} // namespace ui
} // namespace fd
