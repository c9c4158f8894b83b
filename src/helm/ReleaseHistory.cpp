#include "helm/ReleaseHistory.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::helm {

struct ReleaseHistory::Record {
    Release release;
    bool fromSecret = true;
    QString object;
};

const Release *ReleaseRevisions::latest() const
{
    return revisions.isEmpty() ? nullptr : &revisions.last();
}

const Release *ReleaseRevisions::deployed() const
{
    for (auto it = revisions.crbegin(); it != revisions.crend(); ++it) {
        if (it->info.status == ReleaseStatus::Deployed)
            return &*it;
    }
    return nullptr;
}

const Release *ReleaseRevisions::revision(int version) const
{
    for (const Release &release : revisions) {
        if (release.version == version)
            return &release;
    }
    return nullptr;
}

int ReleaseRevisions::deployedCount() const
{
    return int(std::count_if(revisions.cbegin(), revisions.cend(),
                             [](const Release &release) { return release.info.status == ReleaseStatus::Deployed; }));
}

bool ReleaseRevisions::hasPendingOperation() const
{
    const Release *last = latest();
    return last && last->isPending();
}

bool ReleaseRevisions::pendingLooksAbandoned(const QDateTime &now, std::chrono::seconds threshold) const
{
    const Release *last = latest();
    if (!last || !last->isPending())
        return false;
    // Helm stamps last_deployed when it records the pending revision; first_deployed is the
    // release's first install and says nothing about this operation.
    const std::optional<QDateTime> &since = last->info.lastDeployed;
    if (!since)
        return false;
    return since->secsTo(now) > threshold.count();
}

bool ReleaseRevisions::latestFailed() const
{
    const Release *last = latest();
    return last && last->info.status == ReleaseStatus::Failed;
}

const Release *ReleaseRevisions::upgradeBase() const
{
    if (const Release *release = deployed())
        return release;
    return latest();
}

ReleaseHistory ReleaseHistory::fromObjects(const QList<fd::kube::KubeObject> &objects, const ReleaseDecodeLimits &limits)
{
    QList<Record> records;
    QList<UndecodableRecord> failures;
    for (const fd::kube::KubeObject &object : objects) {
        if (!ReleaseDecoder::isReleaseObject(object))
            continue;
        auto decoded = ReleaseDecoder::decodeObject(object, limits);
        if (!decoded) {
            UndecodableRecord failure;
            failure.object = object.key();
            failure.labelName = object.label(u"name").value_or(QString());
            failure.labelVersion = object.label(u"version").value_or(QString()).toInt();
            failure.error = decoded.error();
            failures.append(failure);
            continue;
        }
        records.append(Record{std::move(decoded).value(), object.kind() == "Secret"_L1, object.key()});
    }
    return assemble(std::move(records), std::move(failures));
}

ReleaseHistory ReleaseHistory::fromReleases(const QList<Release> &releases)
{
    QList<Record> records;
    records.reserve(releases.size());
    for (const Release &release : releases)
        records.append(Record{release, true, {}});
    return assemble(std::move(records), {});
}

ReleaseHistory ReleaseHistory::assemble(QList<Record> records, QList<UndecodableRecord> failures)
{
    // Secrets first, so that a ConfigMap copy of the same revision is the one reported as duplicate.
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
        if (a.release.namespaceName != b.release.namespaceName)
            return a.release.namespaceName < b.release.namespaceName;
        if (a.release.name != b.release.name)
            return a.release.name < b.release.name;
        if (a.release.version != b.release.version)
            return a.release.version < b.release.version;
        return a.fromSecret && !b.fromSecret;
    });
    ReleaseHistory history;
    for (Record &record : records) {
        if (history.m_releases.isEmpty() || history.m_releases.last().namespaceName != record.release.namespaceName
            || history.m_releases.last().name != record.release.name) {
            ReleaseRevisions group;
            group.namespaceName = record.release.namespaceName;
            group.name = record.release.name;
            history.m_releases.append(group);
        }
        ReleaseRevisions &group = history.m_releases.last();
        if (!group.revisions.isEmpty() && group.revisions.last().version == record.release.version) {
            group.duplicateRecords.append(record.object);
            continue;
        }
        group.revisions.append(std::move(record.release));
    }
    history.m_failures = std::move(failures);
    return history;
}

const ReleaseRevisions *ReleaseHistory::find(const QString &namespaceName, const QString &name) const
{
    for (const ReleaseRevisions &release : m_releases) {
        if (release.namespaceName == namespaceName && release.name == name)
            return &release;
    }
    return nullptr;
}

QList<const Release *> ReleaseHistory::list(ListSemantics semantics, const QString &namespaceName) const
{
    QList<const Release *> out;
    for (const ReleaseRevisions &release : m_releases) {
        if (!namespaceName.isEmpty() && release.namespaceName != namespaceName)
            continue;
        const Release *last = release.latest();
        if (!last)
            continue;
        const ReleaseStatus status = last->info.status;
        switch (semantics) {
        case ListSemantics::Helm4:
            break;
        case ListSemantics::Helm3:
            if (status != ReleaseStatus::Deployed && status != ReleaseStatus::Failed)
                continue;
            break;
        case ListSemantics::Helm3All:
            break;
        }
        out.append(last);
    }
    std::stable_sort(out.begin(), out.end(), [](const Release *a, const Release *b) {
        if (a->name != b->name)
            return a->name < b->name;
        return a->namespaceName < b->namespaceName;
    });
    return out;
}

} // namespace fd::helm
