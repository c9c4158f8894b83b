#include "SnapshotMaker.h"

using namespace Qt::StringLiterals;

namespace fd::ui::test {

SnapshotMaker::SnapshotMaker(const QString &contextName) : m_context(contextName)
{
    m_connection.state = fd::engine::ConnectionState::Live;
    m_connection.since = QDateTime::currentDateTimeUtc();
    m_connection.dataAsOf = m_connection.since;
}

SnapshotMaker::~SnapshotMaker() = default;

SnapshotMaker::Published SnapshotMaker::publish(const QSet<QString> &namespaces)
{
    const bool first = !m_model;
    if (first)
        m_model = std::make_unique<fd::fission::FissionModel>(m_state);
    // The whole state is re-read: the helper's job is the snapshot, not incremental evaluation.
    const fd::fission::FissionModel::Update update = m_model->refresh(QDateTime::currentDateTimeUtc());

    auto snapshot = std::make_shared<fd::engine::ClusterSnapshot>();
    snapshot->contextName = m_context;
    snapshot->generation = ++m_generation;
    snapshot->connection = m_connection;
    snapshot->serverVersion = u"v1.31.0"_s;
    snapshot->install = m_model->install();
    snapshot->tenants = m_model->tenants();
    snapshot->index = m_model->index();
    snapshot->findings = m_model->findings();
    fd::fission::sortFindings(snapshot->findings);

    Published out;
    out.snapshot = snapshot;
    out.change.everything = first;
    out.change.connectionChanged = first;
    out.change.installChanged = update.installChanged;
    out.change.tenants = update.tenants;
    out.change.changedNamespaces = namespaces;
    out.change.findings = update.findings;
    return out;
}

} // namespace fd::ui::test
