#pragma once

#include "engine/ClusterSnapshot.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <bitset>
#include <optional>

// What the object forms check while the user types. Every check returns a translated message,
// empty when the input is fine, so a form shows it next to the field as it is. No widgets here:
// the checks are tested on their own with malformed input (tests/ui/forms).

namespace fd::ui::forms {

// Object names: a DNS-1123 label (lower-case alphanumerics and '-', at most 63 characters). Fission
// copies function and environment names into labels and Service names, which are labels, so the
// forms hold every Fission object to the stricter form, as the CLI effectively does.
QString dnsLabelError(const QString &name);
// DNS-1123 subdomain (labels joined by '.', at most 253 characters): namespaces of references,
// hosts.
QString dnsSubdomainError(const QString &name);
// A Kubernetes quantity ("500m", "128Mi", "1.5", "2e3"); empty input is fine (= not set).
QString quantityError(const QString &text);
// An HTTP path for a trigger: starts with '/', no spaces, not under /fission-function/ (main
// refuses those, and the router serves functions there itself).
QString httpPathError(const QString &path);

// An archive URL for a Package: http or https with a host (the fetcher downloads it in-cluster).
QString archiveUrlError(const QString &url);
// A SHA-256 sum as Fission's checksum carries it: 64 hexadecimal digits. Empty is fine (= none).
QString sha256Error(const QString &sum);
// A message-queue topic: 1..249 characters of letters, digits, '.', '_', '-' (Kafka's rule,
// which the other queues accept as well); empty is an error only when `required`.
QString topicError(const QString &topic, bool required = true);
// A MIME content type "type/subtype" (parameters allowed); empty is fine.
QString contentTypeError(const QString &contentType);
// "app=web, tier=db": label keys (optional DNS-subdomain prefix and '/', name of at most 63
// characters) and values (at most 63, alphanumerics with '-', '_', '.' inside). The parsed map,
// or the translated reason in `error`.
QMap<QString, QString> parseKeyValues(const QString &text, QString *error, bool labels = true);

// One parsed cron schedule as Fission's timer reads it: five fields (minute hour day-of-month
// month day-of-week), or six with a leading seconds field, or a descriptor (@hourly, @daily,
// @midnight, @weekly, @monthly, @yearly, @annually, @every <duration>). Times are UTC: the timer
// runs in the cluster, whose clock is UTC in practice.
class CronSchedule
{
public:
    // A schedule, or the translated reason it is not one.
    static CronSchedule parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // "Every 5 minutes", "At 02:30 on Monday through Friday" (translated).
    QString describe() const;
    // The next `count` runs strictly after `from` (UTC); fewer when the schedule never fires
    // within five years (e.g. 30 February).
    QList<QDateTime> nextRuns(const QDateTime &from, int count = 5) const;

private:
    enum Field { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek, FieldCount };
    struct FieldSet {
        std::bitset<60> bits;
        bool star = true;   // '*' or '?': every value (matters for the day-of-month/week rule)
        QString text;       // as written
    };
    bool matchesDay(const QDate &date) const;
    QString describeTime() const;
    QString describeDays() const;

    std::array<FieldSet, FieldCount> m_fields;
    bool m_hasSeconds = false;
    qint64 m_everySeconds = 0; // "@every": a fixed interval instead of fields
    QString m_error;
};

// A Fission object a reference names, as the snapshot knows it: empty when it exists, else
// "No environment "python" in team-a." (`kindDisplay` translated by the caller).
QString referenceError(const fd::engine::ClusterSnapshot &snapshot, const QString &kind, const QString &namespaceName,
                       const QString &name);

} // namespace fd::ui::forms
