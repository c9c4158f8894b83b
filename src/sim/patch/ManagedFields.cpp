#include "sim/patch/ManagedFields.h"

#include "sim/patch/JsonSupport.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

#include <algorithm>

namespace fd::sim {

namespace {

qint64 unixSeconds(const QString &time)
{
    if (time.isEmpty())
        return 0;
    const QDateTime parsed = QDateTime::fromString(time, Qt::ISODate);
    return parsed.isValid() ? parsed.toSecsSinceEpoch() : 0;
}

QString stringMember(const QJsonObject &object, const QString &name)
{
    return object.value(name).toString();
}

} // namespace

QString ManagedFieldsEntry::identity() const
{
    const QChar separator(0x1f);
    return manager + separator + operation + separator + (isApply() ? QString() : apiVersion) + separator + subresource;
}

fd::Expected<QList<ManagedFieldsEntry>, QString> decodeManagedFields(const QJsonValue &managedFields)
{
    QList<ManagedFieldsEntry> entries;
    if (managedFields.isUndefined() || managedFields.isNull())
        return entries;
    if (!managedFields.isArray())
        return fd::Unexpected(QStringLiteral("managedFields must be a list"));
    const QJsonArray array = managedFields.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fd::Unexpected(QStringLiteral("managed fields entry %1 is not an object").arg(i));
        const QJsonObject raw = array.at(i).toObject();
        ManagedFieldsEntry entry;
        entry.manager = stringMember(raw, QStringLiteral("manager"));
        entry.operation = stringMember(raw, QStringLiteral("operation"));
        entry.apiVersion = stringMember(raw, QStringLiteral("apiVersion"));
        entry.time = stringMember(raw, QStringLiteral("time"));
        entry.subresource = stringMember(raw, QStringLiteral("subresource"));
        if (entry.operation != QLatin1String("Apply") && entry.operation != QLatin1String("Update"))
            return fd::Unexpected(QStringLiteral("operation must be `Apply` or `Update`"));
        if (entry.apiVersion.isEmpty())
            return fd::Unexpected(QStringLiteral("apiVersion must not be empty"));
        const QString fieldsType = stringMember(raw, QStringLiteral("fieldsType"));
        if (fieldsType.isEmpty())
            return fd::Unexpected(QStringLiteral("missing fieldsType in managed fields entry %1").arg(i));
        if (fieldsType != QLatin1String("FieldsV1"))
            return fd::Unexpected(QStringLiteral("invalid fieldsType %1 in managed fields entry %2")
                                      .arg(goQuote(fieldsType))
                                      .arg(i));
        auto fields = FieldSet::fromFieldsV1(raw.value(QStringLiteral("fieldsV1")));
        if (!fields)
            return fd::Unexpected(QStringLiteral("error decoding versioned set from entry %1: error decoding set: %2")
                                      .arg(i)
                                      .arg(fields.error()));
        entry.fields = fields.value();
        const auto same = std::find_if(entries.begin(), entries.end(),
                                       [&](const ManagedFieldsEntry &e) { return e.identity() == entry.identity(); });
        if (same != entries.end())
            *same = entry;
        else
            entries.append(entry);
    }
    return entries;
}

QJsonArray encodeManagedFields(const QList<ManagedFieldsEntry> &entries)
{
    QList<ManagedFieldsEntry> sorted;
    for (const ManagedFieldsEntry &entry : entries) {
        if (!entry.fields.isEmpty())
            sorted.append(entry);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const ManagedFieldsEntry &p, const ManagedFieldsEntry &q) {
        if (p.operation != q.operation)
            return p.operation < q.operation;
        const qint64 ps = unixSeconds(p.time);
        const qint64 qs = unixSeconds(q.time);
        if (ps != qs)
            return ps < qs;
        if (p.manager != q.manager)
            return p.manager < q.manager;
        if (p.apiVersion != q.apiVersion)
            return p.apiVersion < q.apiVersion;
        return p.subresource < q.subresource;
    });
    QJsonArray out;
    for (const ManagedFieldsEntry &entry : std::as_const(sorted)) {
        QJsonObject raw{
            {QStringLiteral("manager"), entry.manager},
            {QStringLiteral("operation"), entry.operation},
            {QStringLiteral("apiVersion"), entry.apiVersion},
            {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
            {QStringLiteral("fieldsV1"), entry.fields.toFieldsV1()},
        };
        if (!entry.time.isEmpty())
            raw.insert(QStringLiteral("time"), entry.time);
        if (!entry.subresource.isEmpty())
            raw.insert(QStringLiteral("subresource"), entry.subresource);
        out.append(raw);
    }
    return out;
}

bool isResetManagedFields(const QJsonValue &managedFields)
{
    if (!managedFields.isArray())
        return false;
    const QJsonArray array = managedFields.toArray();
    if (array.isEmpty())
        return true;
    return array.size() == 1 && array.first().isObject() && array.first().toObject().isEmpty();
}

void capUpdateManagers(QList<ManagedFieldsEntry> &entries, int maxUpdateManagers)
{
    QList<qsizetype> updaters;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (!entries.at(i).isApply())
            updaters.append(i);
    }
    if (updaters.size() <= maxUpdateManagers)
        return;
    std::stable_sort(updaters.begin(), updaters.end(), [&](qsizetype a, qsizetype b) {
        const qint64 as = unixSeconds(entries.at(a).time);
        const qint64 bs = unixSeconds(entries.at(b).time);
        if (as != bs)
            return as < bs;
        return entries.at(a).identity() < entries.at(b).identity();
    });
    // The oldest entry of each apiVersion stays as is until a second one of that version
    // must go; then both fold into that version's "ancient-changes" bucket.
    const QString bucketName = QStringLiteral("ancient-changes");
    QHash<QString, qsizetype> firstOfVersion;
    QList<qsizetype> removed;
    qsizetype remaining = updaters.size();
    for (qsizetype n = 0; n < updaters.size() && remaining > maxUpdateManagers; ++n) {
        const qsizetype index = updaters.at(n);
        const ManagedFieldsEntry &entry = entries.at(index);
        const auto first = firstOfVersion.constFind(entry.apiVersion);
        if (first == firstOfVersion.constEnd()) {
            firstOfVersion.insert(entry.apiVersion, index);
            continue;
        }
        // An existing bucket of this version absorbs the entry; otherwise the version's
        // first entry becomes the bucket.
        qsizetype bucketIndex = first.value();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (entries.at(i).manager == bucketName && !entries.at(i).isApply()
                && entries.at(i).apiVersion == entry.apiVersion && entries.at(i).subresource.isEmpty())
                bucketIndex = i;
        }
        if (bucketIndex == index)
            continue;
        ManagedFieldsEntry &bucket = entries[bucketIndex];
        bucket.manager = bucketName;
        bucket.operation = QStringLiteral("Update");
        bucket.subresource.clear();
        bucket.fields = bucket.fields.united(entry.fields);
        bucket.time = entry.time;
        removed.append(index);
        --remaining;
    }
    std::sort(removed.begin(), removed.end(), std::greater<>());
    for (const qsizetype index : std::as_const(removed))
        entries.removeAt(index);
}

} // namespace fd::sim
