#include "ui/forms/FormBackend.h"

#include "engine/ClusterSession.h"

namespace fd {
namespace ui {

SessionFormBackend::SessionFormBackend(fd::engine::ClusterSession *session, QObject *parent)
    : FormBackend(parent), m_session(session)
{
}

fd::engine::ClusterSnapshotPtr SessionFormBackend::snapshot() const
{
    return m_session ? m_session->snapshot() : std::make_shared<const fd::engine::ClusterSnapshot>();
}

QFuture<fd::engine::CommandResult> SessionFormBackend::createObject(const QJsonObject &object, bool dryRun)
{
    return m_session->createObject(object, dryRun);
}

QFuture<fd::engine::CommandResult> SessionFormBackend::replaceObject(const QJsonObject &object, bool dryRun)
{
    return m_session->replaceObject(object, dryRun);
}

QFuture<fd::engine::CommandResult> SessionFormBackend::deleteObject(const fd::fission::GroupResource &gr, const QString &ns,
                                                                    const QString &name)
{
    return m_session->deleteObject(gr, ns, name);
}

QFuture<bool> SessionFormBackend::canI(const QString &verb, const fd::fission::GroupResource &gr, const QString &ns)
{
    return m_session->canI(verb, gr, ns);
}

QFuture<fd::engine::CommandResult> SessionFormBackend::uploadArchive(const QString &fissionNamespace, const QByteArray &archive,
                                                                     const QString &fileName)
{
    return m_session->uploadArchive(fissionNamespace, archive, fileName);
}

QFuture<fd::engine::CommandResult> SessionFormBackend::listNames(const fd::fission::GroupResource &gr, const QString &ns)
{
    return m_session->listNames(gr, ns);
}

} // namespace ui
} // namespace fd

#include "moc_FormBackend.cpp"
