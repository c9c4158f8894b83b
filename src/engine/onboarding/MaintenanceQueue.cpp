#include "engine/onboarding/MaintenanceQueue.h"

#include "engine/onboarding/OnboardingTr.h"
#include "helm/ValuesDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

constexpr int kFileVersion = 1;

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        // A hand-edited file with a bad name is read without it rather than failing the run.
        const QString name = item.toString();
        if (fd::helm::dns1123LabelProblem(name).isEmpty() && !list.contains(name))
            list.append(name);
    }
    return list;
}

} // namespace

MaintenanceQueue::MaintenanceQueue(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{
    load();
}

MaintenanceQueue::~MaintenanceQueue() = default;

QString MaintenanceQueue::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/maintenance-queue.json"_s;
}

void MaintenanceQueue::load()
{
    QFile file(m_filePath);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = OnboardingText::tr("The maintenance queue %1 cannot be read: %2").arg(m_filePath, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    if (!document.isObject() || document.object().value(u"version"_s).toInt() != kFileVersion) {
        // Keep the broken file for the admin to look at; the next save starts a fresh one.
        const QString aside = m_filePath + u".broken"_s;
        QFile::remove(aside);
        QFile::rename(m_filePath, aside);
        m_loadError = OnboardingText::tr("The maintenance queue %1 was not readable and was moved to %2.").arg(m_filePath, aside);
        return;
    }
    for (const QJsonValue &value : document.object().value(u"batches"_s).toArray()) {
        const QJsonObject object = value.toObject();
        QueuedBatch batch;
        batch.context = object.value(u"context"_s).toString();
        batch.add = strings(object.value(u"add"_s));
        batch.remove = strings(object.value(u"remove"_s));
        for (const QString &name : std::as_const(batch.add))
            batch.remove.removeAll(name);
        const QDateTime at = QDateTime::fromString(object.value(u"scheduledAt"_s).toString(), Qt::ISODateWithMs);
        if (at.isValid())
            batch.scheduledAt = at.toUTC();
        batch.lastError = object.value(u"lastError"_s).toString();
        if (!batch.context.isEmpty() && !batch.isEmpty() && !find(batch.context))
            m_batches.append(batch);
    }
}

bool MaintenanceQueue::save()
{
    QJsonArray batches;
    for (const QueuedBatch &batch : std::as_const(m_batches)) {
        QJsonObject object{{u"context"_s, batch.context},
                           {u"add"_s, QJsonArray::fromStringList(batch.add)},
                           {u"remove"_s, QJsonArray::fromStringList(batch.remove)}};
        if (batch.scheduledAt)
            object.insert(u"scheduledAt"_s, batch.scheduledAt->toUTC().toString(Qt::ISODate));
        if (!batch.lastError.isEmpty())
            object.insert(u"lastError"_s, batch.lastError);
        batches.append(object);
    }
    const QByteArray content = QJsonDocument(QJsonObject{{u"version"_s, kFileVersion}, {u"batches"_s, batches}}).toJson();
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    // QSaveFile: a crash while writing leaves the previous queue, never half a file.
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        m_saveError = OnboardingText::tr("The maintenance queue cannot be saved to %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    m_saveError.clear();
    return true;
}

QueuedBatch *MaintenanceQueue::find(const QString &context)
{
    for (QueuedBatch &batch : m_batches) {
        if (batch.context == context)
            return &batch;
    }
    return nullptr;
}

void MaintenanceQueue::dropEmpty()
{
    m_batches.removeIf([](const QueuedBatch &batch) { return batch.isEmpty(); });
}

QStringList MaintenanceQueue::contexts() const
{
    QStringList names;
    for (const QueuedBatch &batch : m_batches)
        names.append(batch.context);
    names.sort();
    return names;
}

QueuedBatch MaintenanceQueue::batch(const QString &context) const
{
    for (const QueuedBatch &batch : m_batches) {
        if (batch.context == context)
            return batch;
    }
    QueuedBatch empty;
    empty.context = context;
    return empty;
}

bool MaintenanceQueue::isQueued(const QString &context, const QString &namespaceName) const
{
    return batch(context).contains(namespaceName);
}

std::optional<QString> MaintenanceQueue::validate(const QString &context, const QStringList &add, const QStringList &remove) const
{
    if (context.isEmpty())
        return OnboardingText::tr("no cluster context given");
    if (add.isEmpty() && remove.isEmpty())
        return OnboardingText::tr("no namespace given");
    for (const QString &name : add + remove) {
        const QString problem = fd::helm::dns1123LabelProblem(name);
        if (!problem.isEmpty())
            return OnboardingText::tr("\"%1\" is not a valid namespace name: %2").arg(name, problem);
    }
    for (const QString &name : add) {
        if (remove.contains(name))
            return OnboardingText::tr("namespace %1 is both added and removed").arg(name);
    }
    const QueuedBatch queued = batch(context);
    QStringList seen;
    for (const QString &name : add + remove) {
        if (seen.contains(name))
            return OnboardingText::tr("namespace %1 is named twice").arg(name);
        seen.append(name);
        if (queued.add.contains(name))
            return remove.contains(name) ? OnboardingText::tr("namespace %1 is queued to be added; it cannot also be removed in the same batch").arg(name)
                                         : OnboardingText::tr("namespace %1 is already queued for %2").arg(name, context);
        if (queued.remove.contains(name))
            return add.contains(name) ? OnboardingText::tr("namespace %1 is queued to be removed; it cannot also be added in the same batch").arg(name)
                                      : OnboardingText::tr("namespace %1 is already queued for %2").arg(name, context);
    }
    return std::nullopt;
}

fd::Expected<void, QString> MaintenanceQueue::enqueue(const QString &context, const QStringList &add, const QStringList &remove)
{
    if (auto problem = validate(context, add, remove))
        return fd::Unexpected(*problem);
    QueuedBatch *batch = find(context);
    if (!batch) {
        QueuedBatch created;
        created.context = context;
        m_batches.append(created);
        batch = &m_batches.last();
    }
    batch->add += add;
    batch->remove += remove;
    batch->lastError.clear();
    const bool saved = save();
    Q_EMIT changed(context);
    if (!saved)
        return fd::Unexpected(m_saveError);
    return {};
}

bool MaintenanceQueue::dequeue(const QString &context, const QString &namespaceName)
{
    QueuedBatch *batch = find(context);
    if (!batch || !batch->contains(namespaceName))
        return false;
    batch->add.removeAll(namespaceName);
    batch->remove.removeAll(namespaceName);
    dropEmpty();
    save();
    Q_EMIT changed(context);
    return true;
}

fd::Expected<void, QString> MaintenanceQueue::schedule(const QString &context, const QDateTime &at, const QDateTime &now)
{
    QueuedBatch *batch = find(context);
    if (!batch || batch->isEmpty())
        return fd::Unexpected(OnboardingText::tr("nothing is queued for %1").arg(context));
    if (!at.isValid())
        return fd::Unexpected(OnboardingText::tr("no valid time given"));
    if (at < now)
        return fd::Unexpected(OnboardingText::tr("%1 is in the past").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)));
    batch->scheduledAt = at.toUTC();
    const bool saved = save();
    Q_EMIT changed(context);
    if (!saved)
        return fd::Unexpected(m_saveError);
    return {};
}

void MaintenanceQueue::unschedule(const QString &context)
{
    QueuedBatch *batch = find(context);
    if (!batch || !batch->scheduledAt)
        return;
    batch->scheduledAt.reset();
    save();
    Q_EMIT changed(context);
}

void MaintenanceQueue::clear(const QString &context)
{
    if (!find(context))
        return;
    m_batches.removeIf([&context](const QueuedBatch &batch) { return batch.context == context; });
    save();
    Q_EMIT changed(context);
}

void MaintenanceQueue::setFailure(const QString &context, const QString &message)
{
    QueuedBatch *batch = find(context);
    if (!batch)
        return;
    batch->lastError = message;
    batch->scheduledAt.reset();
    save();
    Q_EMIT changed(context);
}

fd::Expected<QDateTime, QString> parseMaintenanceTime(const QString &text, const QDateTime &now)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression clock(u"^([01]?\\d|2[0-3]):([0-5]\\d)$"_s);
    if (const QRegularExpressionMatch match = clock.match(trimmed); match.hasMatch()) {
        const QDateTime local = now.toLocalTime();
        QDateTime at(local.date(), QTime(match.captured(1).toInt(), match.captured(2).toInt()), Qt::LocalTime);
        if (at <= local)
            at = QDateTime(local.date().addDays(1), at.time(), Qt::LocalTime); // tomorrow
        return at;
    }
    QDateTime at = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!at.isValid() || (!trimmed.contains(u'T') && !trimmed.contains(u' ')))
        return fd::Unexpected(OnboardingText::tr("\"%1\" is not a time: use an ISO 8601 date-time (2026-05-01T02:00, local time "
                                                 "unless it has an offset) or HH:MM")
                                  .arg(text));
    if (at < now)
        return fd::Unexpected(OnboardingText::tr("%1 is in the past").arg(at.toLocalTime().toString(Qt::ISODate)));
    return at;
}

} // namespace fd::engine::onboarding

#include "moc_MaintenanceQueue.cpp"
