#include "helm/Release.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <array>

using namespace Qt::StringLiterals;

namespace fd::helm {

namespace {

struct StatusName {
    ReleaseStatus status;
    QLatin1StringView name;
};

constexpr std::array kStatusNames = {
    StatusName{ReleaseStatus::Unknown, "unknown"_L1},
    StatusName{ReleaseStatus::Deployed, "deployed"_L1},
    StatusName{ReleaseStatus::Uninstalled, "uninstalled"_L1},
    StatusName{ReleaseStatus::Superseded, "superseded"_L1},
    StatusName{ReleaseStatus::Failed, "failed"_L1},
    StatusName{ReleaseStatus::Uninstalling, "uninstalling"_L1},
    StatusName{ReleaseStatus::PendingInstall, "pending-install"_L1},
    StatusName{ReleaseStatus::PendingUpgrade, "pending-upgrade"_L1},
    StatusName{ReleaseStatus::PendingRollback, "pending-rollback"_L1},
};

} // namespace

QString releaseStatusName(ReleaseStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return QString(entry.name);
    }
    return u"unknown"_s;
}

ReleaseStatus releaseStatusFromName(QStringView name)
{
    for (const auto &entry : kStatusNames) {
        if (name == entry.name)
            return entry.status;
    }
    return ReleaseStatus::Unknown;
}

bool isPendingStatus(ReleaseStatus status)
{
    return status == ReleaseStatus::PendingInstall || status == ReleaseStatus::PendingUpgrade
        || status == ReleaseStatus::PendingRollback;
}

std::optional<QDateTime> parseHelmTime(const QString &text, bool *ok)
{
    if (ok)
        *ok = true;
    const QString trimmed = text.trimmed();
    // Go's zero time.Time is how Helm writes "never" (json.Marshal has no omitempty for structs).
    if (trimmed.isEmpty() || trimmed.startsWith("0001-01-01T00:00:00"_L1))
        return std::nullopt;
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch()) {
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    QString fraction = match.captured(7);
    const int millis = fraction.isEmpty() ? 0 : (fraction + u"00"_s).left(3).toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(), millis);
    int offsetSeconds = 0;
    if (match.captured(8).isEmpty()) {
        offsetSeconds = match.captured(10).toInt() * 3600 + match.captured(11).toInt() * 60;
        if (match.captured(9) == "-"_L1)
            offsetSeconds = -offsetSeconds;
    }
    const QDateTime result(date, time, QTimeZone(offsetSeconds));
    if (!date.isValid() || !time.isValid() || !result.isValid()) {
        if (ok)
            *ok = false;
        return std::nullopt;
    }
    return result.toUTC();
}

} // namespace fd::helm
