#include "kube/informer/InformerSet.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::kube {

namespace {

ResourceKind namespacesKind()
{
    return ResourceKind::core(u"namespaces"_s, u"Namespace"_s, false);
}

// The objects of a store that leaves the set, as deletes (their final state is unknown to us).
QList<Delta> departures(const ObjectStore &store)
{
    QList<Delta> deltas;
    const QList<KubeObject> items = store.items();
    deltas.reserve(items.size());
    for (const KubeObject &object : items)
        deltas.append(Delta{Delta::Type::Deleted, object, true});
    return deltas;
}

} // namespace

QString InformerScope::explanation(const QString &resource) const
{
    switch (mode) {
    case Mode::ClusterWide:
        return {};
    case Mode::Pending:
        return QCoreApplication::translate("fd::kube::InformerSet",
                                           "You may not list %1 in all namespaces; looking up your namespaces.")
            .arg(resource);
    case Mode::ListedNamespaces:
        return QCoreApplication::translate("fd::kube::InformerSet",
                                           "You may not list %1 in all namespaces: watching each of the %n namespace(s) "
                                           "you can see instead.", nullptr, int(namespaces.size()))
            .arg(resource);
    case Mode::ConfiguredNamespaces:
        return QCoreApplication::translate("fd::kube::InformerSet",
                                           "You may neither list %1 in all namespaces nor list namespaces: watching "
                                           "the context's namespace and the configured ones (%2).")
            .arg(resource, namespaces.join(u", "_s));
    }
    return {};
}

InformerSet::InformerSet(SourceFactory factory, Options options, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_options(std::move(options))
    , m_batcher(m_options.batchIntervalMs, DeltaBatcher::Timing{}, this)
{
    qRegisterMetaType<fd::kube::ResourceKind>();
    qRegisterMetaType<fd::kube::InformerScope>();
}

InformerSet::~InformerSet()
{
    // Reflectors are children, but QObject would delete them only after our members (the batcher,
    // the entries) are gone: delete them first, quietly.
    for (const auto &entry : m_kinds) {
        for (const auto &[ns, reflector] : entry->reflectors) {
            disconnect(reflector, nullptr, this, nullptr);
            delete reflector;
        }
        entry->reflectors.clear();
    }
    if (m_namespaces) {
        disconnect(m_namespaces, nullptr, this, nullptr);
        delete m_namespaces;
        m_namespaces = nullptr;
    }
}

QString InformerSet::sourceName(const ResourceKind &kind, const QString &namespaceName)
{
    return kind.id() + u'/' + (namespaceName.isEmpty() ? u"*"_s : namespaceName);
}

InformerSet::KindEntry *InformerSet::find(const ResourceKind &kind)
{
    for (const auto &entry : m_kinds) {
        if (entry->kind == kind)
            return entry.get();
    }
    return nullptr;
}

const InformerSet::KindEntry *InformerSet::find(const ResourceKind &kind) const
{
    return const_cast<InformerSet *>(this)->find(kind);
}

void InformerSet::addKind(const ResourceKind &kind)
{
    if (find(kind))
        return;
    m_kinds.push_back(std::make_unique<KindEntry>(KindEntry{kind, {}, {}}));
    if (m_running)
        startKind(*m_kinds.back());
}

void InformerSet::start()
{
    if (m_running)
        return;
    m_running = true;
    for (const auto &entry : m_kinds)
        startKind(*entry);
}

void InformerSet::stop()
{
    m_running = false;
    for (const auto &entry : m_kinds) {
        for (const auto &[ns, reflector] : entry->reflectors)
            reflector->stop();
    }
    if (m_namespaces)
        m_namespaces->stop();
}

void InformerSet::refreshScope()
{
    for (const auto &entry : m_kinds) {
        QStringList namespaces;
        for (const auto &[ns, reflector] : entry->reflectors)
            namespaces.append(ns);
        for (const QString &ns : std::as_const(namespaces))
            removeReflector(*entry, ns);
        entry->scope = InformerScope();
    }
    if (m_namespaces) {
        m_namespaces->stop();
        m_namespaces->deleteLater();
        m_namespaces = nullptr;
    }
    m_namespaceState = NamespaceState::Unknown;
    m_namespaceListError.reset();
    if (m_running) {
        for (const auto &entry : m_kinds)
            startKind(*entry);
    }
}

void InformerSet::startKind(KindEntry &entry)
{
    if (!entry.reflectors.empty()) {
        for (const auto &[ns, reflector] : entry.reflectors)
            reflector->start();
        return;
    }
    if (entry.scope.isPerNamespace()) {
        // Stopped and started again: the scope found before still holds.
        if (entry.scope.mode != InformerScope::Mode::Pending)
            applyNamespaces(entry);
        return;
    }
    entry.scope = InformerScope();
    createReflector(entry, QString())->start();
    Q_EMIT scopeChanged(entry.kind, entry.scope);
}

Reflector *InformerSet::createReflector(KindEntry &entry, const QString &namespaceName)
{
    ReflectorOptions options = m_options.reflector;
    // A refused reflector waits for us (we narrow the scope) instead of knocking again.
    options.retryForbidden = false;
    auto *reflector = new Reflector(m_factory(entry.kind, namespaceName), options, m_options.timing, this);
    entry.reflectors[namespaceName] = reflector;
    const QString source = sourceName(entry.kind, namespaceName);
    const ResourceKind kind = entry.kind;
    connect(reflector, &Reflector::changed, this, [this, source](const QList<Delta> &deltas) { m_batcher.add(source, deltas); });
    connect(reflector, &Reflector::statusChanged, this, [this] { Q_EMIT statusChanged(); });
    connect(reflector, &Reflector::forbidden, this, [this, kind, namespaceName](const KubeError &error) {
        onForbidden(kind, namespaceName, error);
    });
    return reflector;
}

void InformerSet::removeReflector(KindEntry &entry, const QString &namespaceName)
{
    const auto it = entry.reflectors.find(namespaceName);
    if (it == entry.reflectors.end())
        return;
    Reflector *reflector = it->second;
    entry.reflectors.erase(it);
    reflector->stop();
    m_batcher.add(sourceName(entry.kind, namespaceName), departures(reflector->store()));
    disconnect(reflector, nullptr, this, nullptr);
    // Possibly inside one of its own signals: delete it once control is back in the event loop.
    reflector->deleteLater();
}

void InformerSet::onForbidden(const ResourceKind &kind, const QString &namespaceName, const KubeError &error)
{
    KindEntry *entry = find(kind);
    if (!entry || !namespaceName.isEmpty() || !kind.namespaced)
        return; // a per-namespace or cluster-scoped reflector: it stays Forbidden, visibly
    removeReflector(*entry, QString());
    entry->scope = InformerScope();
    entry->scope.mode = InformerScope::Mode::Pending;
    entry->scope.clusterWideError = error;
    switch (m_namespaceState) {
    case NamespaceState::Unknown:
        Q_EMIT scopeChanged(entry->kind, entry->scope);
        resolveNamespaces();
        break;
    case NamespaceState::Resolving:
        Q_EMIT scopeChanged(entry->kind, entry->scope);
        break;
    case NamespaceState::Listed:
    case NamespaceState::Configured:
        applyNamespaces(*entry);
        break;
    }
    Q_EMIT statusChanged();
}

void InformerSet::resolveNamespaces()
{
    m_namespaceState = NamespaceState::Resolving;
    ReflectorOptions options = m_options.reflector;
    options.retryForbidden = false;
    options.watchList = WatchListMode::Off;
    m_namespaces = new Reflector(m_factory(namespacesKind(), QString()), options, m_options.timing, this);
    connect(m_namespaces, &Reflector::synced, this, &InformerSet::onNamespacesSynced);
    connect(m_namespaces, &Reflector::forbidden, this, &InformerSet::onNamespacesForbidden);
    connect(m_namespaces, &Reflector::changed, this, [this] {
        // Namespaces come and go: keep the per-namespace reflectors in step (after the first list).
        if (m_namespaceState != NamespaceState::Listed)
            return;
        for (const auto &entry : m_kinds) {
            if (entry->scope.mode == InformerScope::Mode::ListedNamespaces)
                applyNamespaces(*entry);
        }
    });
    m_namespaces->start();
}

void InformerSet::onNamespacesSynced()
{
    m_namespaceState = NamespaceState::Listed;
    for (const auto &entry : m_kinds) {
        if (entry->scope.mode == InformerScope::Mode::Pending || entry->scope.mode == InformerScope::Mode::ListedNamespaces)
            applyNamespaces(*entry);
    }
}

void InformerSet::onNamespacesForbidden(const KubeError &error)
{
    m_namespaceState = NamespaceState::Configured;
    m_namespaceListError = error;
    if (m_namespaces) {
        disconnect(m_namespaces, nullptr, this, nullptr);
        m_namespaces->deleteLater();
        m_namespaces = nullptr;
    }
    for (const auto &entry : m_kinds) {
        if (entry->scope.mode == InformerScope::Mode::Pending)
            applyNamespaces(*entry);
    }
}

QStringList InformerSet::namespacesInScope() const
{
    QStringList namespaces;
    if (m_namespaceState == NamespaceState::Listed && m_namespaces) {
        for (const KubeObject &ns : m_namespaces->store().items())
            namespaces.append(ns.name());
        std::sort(namespaces.begin(), namespaces.end());
        return namespaces;
    }
    if (!m_options.scope.contextNamespace.isEmpty())
        namespaces.append(m_options.scope.contextNamespace);
    for (const QString &ns : m_options.scope.namespaces) {
        const QString trimmed = ns.trimmed();
        if (!trimmed.isEmpty() && !namespaces.contains(trimmed))
            namespaces.append(trimmed);
    }
    return namespaces;
}

void InformerSet::applyNamespaces(KindEntry &entry)
{
    const QStringList wanted = namespacesInScope();
    QStringList obsolete;
    for (const auto &[ns, reflector] : entry.reflectors) {
        if (ns.isEmpty() || !wanted.contains(ns))
            obsolete.append(ns);
    }
    for (const QString &ns : std::as_const(obsolete))
        removeReflector(entry, ns);
    QList<Reflector *> added;
    for (const QString &ns : wanted) {
        if (!entry.reflectors.contains(ns))
            added.append(createReflector(entry, ns));
    }
    const InformerScope::Mode mode = m_namespaceState == NamespaceState::Listed ? InformerScope::Mode::ListedNamespaces
                                                                                 : InformerScope::Mode::ConfiguredNamespaces;
    const bool changed = entry.scope.mode != mode || entry.scope.namespaces != wanted;
    entry.scope.mode = mode;
    entry.scope.namespaces = wanted;
    entry.scope.namespaceListError = m_namespaceListError;
    if (m_running) {
        for (Reflector *reflector : std::as_const(added))
            reflector->start();
    }
    if (changed)
        Q_EMIT scopeChanged(entry.kind, entry.scope);
}

QList<ResourceKind> InformerSet::kinds() const
{
    QList<ResourceKind> kinds;
    for (const auto &entry : m_kinds)
        kinds.append(entry->kind);
    return kinds;
}

InformerScope InformerSet::scope(const ResourceKind &kind) const
{
    const KindEntry *entry = find(kind);
    return entry ? entry->scope : InformerScope();
}

QList<const Reflector *> InformerSet::reflectors(const ResourceKind &kind) const
{
    QList<const Reflector *> list;
    if (const KindEntry *entry = find(kind)) {
        for (const auto &[ns, reflector] : entry->reflectors)
            list.append(reflector);
    }
    return list;
}

QList<KubeObject> InformerSet::items(const ResourceKind &kind) const
{
    QList<KubeObject> items;
    if (const KindEntry *entry = find(kind)) {
        for (const auto &[ns, reflector] : entry->reflectors)
            items.append(reflector->store().items());
    }
    return items;
}

bool InformerSet::isLive() const
{
    if (!m_running)
        return false;
    for (const auto &entry : m_kinds) {
        if (entry->scope.mode == InformerScope::Mode::Pending || entry->reflectors.empty())
            return false;
        for (const auto &[ns, reflector] : entry->reflectors) {
            const ReflectorStatus &status = reflector->status();
            const bool refusedNamespace = !ns.isEmpty() && status.phase == ReflectorPhase::Forbidden;
            if (!status.isLive() && !refusedNamespace)
                return false;
        }
    }
    return true;
}

} // namespace fd::kube

#include "moc_InformerSet.cpp"
