#include "ui/forms/FormValidation.h"

#include "fission/FissionIndex.h"
#include "ui/UiTr.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace fd::ui::forms {

using fd::ui::detail::translate;

namespace {

const QRegularExpression &labelPattern()
{
    static const QRegularExpression re(u"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"_s);
    return re;
}

// The first character that cannot appear in a DNS-1123 label, for a message that points at it.
QString badCharacterHint(const QString &name)
{
    for (const QChar c : name) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-' || c == u'.'))
            return translate("fd::ui::forms", " (\"%1\" is not allowed)").arg(c);
    }
    return {};
}

} // namespace

QString dnsLabelError(const QString &name)
{
    if (name.isEmpty())
        return translate("fd::ui::forms", "A name is required.");
    if (name.size() > 63)
        return translate("fd::ui::forms", "At most 63 characters (this one has %1).").arg(name.size());
    if (!labelPattern().match(name).hasMatch()) {
        return translate("fd::ui::forms", "Use lower-case letters, digits and '-', starting and ending with a letter or "
                                          "digit%1.")
            .arg(name.contains(u'.') ? translate("fd::ui::forms", " (\".\" is not allowed)") : badCharacterHint(name));
    }
    return {};
}

QString dnsSubdomainError(const QString &name)
{
    if (name.isEmpty())
        return translate("fd::ui::forms", "A name is required.");
    if (name.size() > 253)
        return translate("fd::ui::forms", "At most 253 characters (this one has %1).").arg(name.size());
    for (const QString &part : name.split(u'.')) {
        if (part.isEmpty() || part.size() > 63 || !labelPattern().match(part).hasMatch()) {
            return translate("fd::ui::forms", "Use lower-case letters, digits, '-' and '.', each part starting and ending "
                                              "with a letter or digit%1.")
                .arg(badCharacterHint(name));
        }
    }
    return {};
}

QString quantityError(const QString &text)
{
    if (text.isEmpty())
        return {};
    // The API server's quantity grammar: a signed decimal number, then a binary suffix (Ki..Ei),
    // a decimal suffix (m, k, M..E) or a decimal exponent.
    static const QRegularExpression re(u"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$"_s);
    if (!re.match(text).hasMatch())
        return translate("fd::ui::forms", "Not a Kubernetes quantity: write e.g. 100m or 0.5 for CPU, 128Mi or 1Gi for memory.");
    if (text.startsWith(u'-'))
        return translate("fd::ui::forms", "A resource amount cannot be negative.");
    return {};
}

QString httpPathError(const QString &path)
{
    if (path.isEmpty())
        return translate("fd::ui::forms", "A path is required, e.g. /hello.");
    if (!path.startsWith(u'/'))
        return translate("fd::ui::forms", "The path must start with '/'.");
    for (const QChar c : path) {
        if (c.isSpace())
            return translate("fd::ui::forms", "The path cannot contain spaces.");
    }
    if (path == u"/fission-function"_s || path.startsWith(u"/fission-function/"_s))
        return translate("fd::ui::forms", "Paths under /fission-function/ are reserved by Fission's router.");
    return {};
}

QString archiveUrlError(const QString &url)
{
    if (url.isEmpty())
        return translate("fd::ui::forms", "A URL is required.");
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https") || parsed.host().isEmpty()
        || url.contains(u' '))
        return translate("fd::ui::forms", "Write an http:// or https:// URL the cluster can reach.");
    return {};
}

QString sha256Error(const QString &sum)
{
    if (sum.isEmpty())
        return {};
    static const QRegularExpression hex(u"^[0-9a-fA-F]{64}$"_s);
    if (!hex.match(sum).hasMatch())
        return translate("fd::ui::forms", "A SHA-256 sum is 64 hexadecimal digits (this has %1 characters).").arg(sum.size());
    return {};
}

QString topicError(const QString &topic, bool required)
{
    if (topic.isEmpty())
        return required ? translate("fd::ui::forms", "A topic is required.") : QString();
    if (topic.size() > 249)
        return translate("fd::ui::forms", "At most 249 characters (this one has %1).").arg(topic.size());
    static const QRegularExpression re(u"^[A-Za-z0-9._-]+$"_s);
    if (!re.match(topic).hasMatch())
        return translate("fd::ui::forms", "Use letters, digits, '.', '_' and '-' only.");
    return {};
}

QString contentTypeError(const QString &contentType)
{
    if (contentType.isEmpty())
        return {};
    static const QRegularExpression re(u"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\\s*;.*)?$"_s);
    if (!re.match(contentType).hasMatch())
        return translate("fd::ui::forms", "Write a content type as type/subtype, e.g. application/json.");
    return {};
}

QMap<QString, QString> parseKeyValues(const QString &text, QString *error, bool labels)
{
    QMap<QString, QString> out;
    error->clear();
    static const QRegularExpression name(u"^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$"_s);
    for (const QString &raw : text.split(u',')) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(u'=');
        if (eq <= 0) {
            *error = translate("fd::ui::forms", "Write key=value pairs separated by commas (\"%1\" has no key=value).").arg(item);
            return {};
        }
        const QString key = item.left(eq).trimmed();
        const QString value = item.mid(eq + 1).trimmed();
        if (labels) {
            const qsizetype slash = key.indexOf(u'/');
            const QString prefix = slash >= 0 ? key.left(slash) : QString();
            const QString keyName = slash >= 0 ? key.mid(slash + 1) : key;
            if ((slash >= 0 && !dnsSubdomainError(prefix).isEmpty()) || keyName.isEmpty() || keyName.size() > 63
                || !name.match(keyName).hasMatch()) {
                *error = translate("fd::ui::forms", "\"%1\" is not a label key.").arg(key);
                return {};
            }
            if (value.size() > 63 || !name.match(value).hasMatch()) {
                *error = translate("fd::ui::forms", "\"%1\" is not a label value (at most 63 letters, digits, '-', '_', '.').").arg(value);
                return {};
            }
        } else if (key.contains(u' ')) {
            *error = translate("fd::ui::forms", "\"%1\" is not a key: no spaces.").arg(key);
            return {};
        }
        if (out.contains(key)) {
            *error = translate("fd::ui::forms", "\"%1\" is given twice.").arg(key);
            return {};
        }
        out.insert(key, value);
    }
    return out;
}

// ---- cron ------------------------------------------------------------------------------------

namespace {

struct FieldSpec {
    int min;
    int max;
    const char *const *names; // three-letter names from `min` on, or null
    int nameCount;
};

const char *const monthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const dayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

QString fieldName(int field)
{
    switch (field) {
    case 0: return translate("fd::ui::forms", "seconds");
    case 1: return translate("fd::ui::forms", "minute");
    case 2: return translate("fd::ui::forms", "hour");
    case 3: return translate("fd::ui::forms", "day of month");
    case 4: return translate("fd::ui::forms", "month");
    default: return translate("fd::ui::forms", "day of week");
    }
}

std::optional<int> parseValue(const QString &text, const FieldSpec &spec)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok)
        return v;
    if (spec.names) {
        for (int i = 0; i < spec.nameCount; ++i) {
            if (text.compare(QLatin1StringView(spec.names[i]), Qt::CaseInsensitive) == 0)
                return spec.min + i;
        }
    }
    return std::nullopt;
}

// Parses one field into `bits`; returns an error text or empty.
QString parseField(const QString &text, const FieldSpec &spec, int field, std::bitset<60> &bits, bool &star)
{
    star = text == u"*" || text == u"?";
    if (text == u"?" && field != 3 && field != 5)
        return translate("fd::ui::forms", "'?' is only allowed for the day of month or day of week.");
    for (const QString &part : text.split(u',')) {
        if (part.isEmpty())
            return translate("fd::ui::forms", "Empty entry in the %1 field.").arg(fieldName(field));
        QString range = part;
        int step = 1;
        const qsizetype slash = part.indexOf(u'/');
        if (slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return translate("fd::ui::forms", "\"%1\": the step after '/' must be a positive number.").arg(part);
            range = part.left(slash);
        }
        int from = spec.min;
        int to = spec.max;
        if (range != u"*" && range != u"?") {
            const qsizetype dash = range.indexOf(u'-');
            const auto a = parseValue(dash < 0 ? range : range.left(dash), spec);
            const auto b = dash < 0 ? a : parseValue(range.mid(dash + 1), spec);
            if (!a || !b)
                return translate("fd::ui::forms", "\"%1\" is not a value of the %2 field.").arg(part, fieldName(field));
            from = *a;
            to = dash < 0 && slash >= 0 ? spec.max : *b; // "5/15" = from 5 on, every 15
            if (from < spec.min || to > spec.max || from > to) {
                return translate("fd::ui::forms", "\"%1\" is outside %2..%3 for the %4 field.")
                    .arg(part)
                    .arg(spec.min)
                    .arg(spec.max)
                    .arg(fieldName(field));
            }
        }
        for (int v = from; v <= to; v += step)
            bits.set(static_cast<size_t>(v));
    }
    return {};
}

// "1h30m", "90s", "5m" → seconds; 0 when not a duration.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression re(u"^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"_s);
    const auto m = re.match(text);
    if (text.isEmpty() || !m.hasMatch())
        return 0;
    return m.captured(1).toLongLong() * 3600 + m.captured(2).toLongLong() * 60 + m.captured(3).toLongLong();
}

QString listOfDays(const std::bitset<60> &bits)
{
    QStringList out;
    for (int d = 0; d < 7; ++d) {
        if (bits.test(static_cast<size_t>(d)))
            out << QLocale::c().dayName(d == 0 ? 7 : d);
    }
    if (out.size() == 5 && !bits.test(0) && !bits.test(6))
        return translate("fd::ui::forms", "Monday through Friday");
    return out.join(u", "_s);
}

QString listOfValues(const std::bitset<60> &bits, int min, int max)
{
    QStringList out;
    for (int v = min; v <= max; ++v) {
        if (bits.test(static_cast<size_t>(v)))
            out << QString::number(v);
    }
    return out.join(u", "_s);
}

// The step of a field written "*/n", else 0.
int everyStep(const QString &text)
{
    if (!text.startsWith(u"*/"_s))
        return 0;
    return text.mid(2).toInt();
}

} // namespace

CronSchedule CronSchedule::parse(const QString &input)
{
    CronSchedule s;
    const QString text = input.simplified();
    if (text.isEmpty()) {
        s.m_error = translate("fd::ui::forms", "A schedule is required, e.g. */5 * * * * (every five minutes).");
        return s;
    }
    QString fields = text;
    if (text.startsWith(u'@')) {
        const QString d = text.toLower();
        if (d.startsWith(u"@every "_s)) {
            s.m_everySeconds = parseDuration(d.mid(7).trimmed());
            if (s.m_everySeconds <= 0)
                s.m_error = translate("fd::ui::forms", "\"@every\" needs a duration such as 30s, 5m or 1h30m.");
            return s;
        }
        if (d == u"@yearly" || d == u"@annually")
            fields = u"0 0 1 1 *"_s;
        else if (d == u"@monthly")
            fields = u"0 0 1 * *"_s;
        else if (d == u"@weekly")
            fields = u"0 0 * * 0"_s;
        else if (d == u"@daily" || d == u"@midnight")
            fields = u"0 0 * * *"_s;
        else if (d == u"@hourly")
            fields = u"0 * * * *"_s;
        else {
            s.m_error = translate("fd::ui::forms", "Unknown shortcut \"%1\": use @hourly, @daily, @weekly, @monthly, @yearly or "
                                                   "@every <duration>.")
                            .arg(text);
            return s;
        }
    }
    QStringList parts = fields.split(u' ');
    if (parts.size() != 5 && parts.size() != 6) {
        s.m_error = translate("fd::ui::forms", "A schedule has five fields (minute hour day-of-month month day-of-week), "
                                               "or six with seconds first; this one has %1.")
                        .arg(parts.size());
        return s;
    }
    s.m_hasSeconds = parts.size() == 6;
    if (!s.m_hasSeconds)
        parts.prepend(u"0"_s);
    static const FieldSpec specs[FieldCount] = {
        {0, 59, nullptr, 0}, {0, 59, nullptr, 0}, {0, 23, nullptr, 0}, {1, 31, nullptr, 0}, {1, 12, monthNames, 12}, {0, 7, dayNames, 7}};
    for (int f = 0; f < FieldCount; ++f) {
        FieldSet &set = s.m_fields[static_cast<size_t>(f)];
        set.text = parts[f];
        // Day-of-week names only go up to SAT (6); 7 is a second spelling of Sunday (folded below).
        const QString error = parseField(parts[f], specs[f], f, set.bits, set.star);
        if (!error.isEmpty()) {
            s.m_error = error;
            return s;
        }
    }
    FieldSet &dow = s.m_fields[DayOfWeek];
    if (dow.bits.test(7)) {
        dow.bits.reset(7);
        dow.bits.set(0);
    }
    return s;
}

bool CronSchedule::matchesDay(const QDate &date) const
{
    const FieldSet &dom = m_fields[DayOfMonth];
    const FieldSet &dow = m_fields[DayOfWeek];
    const bool domOk = dom.bits.test(static_cast<size_t>(date.day()));
    const bool dowOk = dow.bits.test(static_cast<size_t>(date.dayOfWeek() % 7));
    // Classic cron: when both day fields are restricted, either one matching is enough.
    if (!dom.star && !dow.star)
        return domOk || dowOk;
    return domOk && dowOk;
}

QList<QDateTime> CronSchedule::nextRuns(const QDateTime &fromTime, int count) const
{
    QList<QDateTime> out;
    if (!isValid() || count <= 0)
        return out;
    const QDateTime from = fromTime.toUTC();
    if (m_everySeconds > 0) {
        for (int i = 1; i <= count; ++i)
            out << from.addSecs(m_everySeconds * i);
        return out;
    }
    // Walks forward field by field (month, day, hour, minute, second), skipping whole units that
    // cannot match, so a yearly schedule costs a few hundred steps, not a year of seconds.
    QDateTime t = from.addSecs(1);
    t.setTime(QTime(t.time().hour(), t.time().minute(), t.time().second()));
    const QDateTime limit = from.addYears(5);
    while (out.size() < count && t <= limit) {
        const QDate d = t.date();
        const QTime tm = t.time();
        if (!m_fields[Month].bits.test(static_cast<size_t>(d.month()))) {
            t = QDateTime(QDate(d.year(), d.month(), 1).addMonths(1), QTime(0, 0), Qt::UTC);
            continue;
        }
        if (!matchesDay(d)) {
            t = QDateTime(d.addDays(1), QTime(0, 0), Qt::UTC);
            continue;
        }
        if (!m_fields[Hour].bits.test(static_cast<size_t>(tm.hour()))) {
            t = QDateTime(d, QTime(tm.hour(), 0), Qt::UTC).addSecs(3600);
            continue;
        }
        if (!m_fields[Minute].bits.test(static_cast<size_t>(tm.minute()))) {
            t = QDateTime(d, QTime(tm.hour(), tm.minute()), Qt::UTC).addSecs(60);
            continue;
        }
        if (!m_fields[Second].bits.test(static_cast<size_t>(tm.second()))) {
            t = t.addSecs(1);
            continue;
        }
        out << t;
        t = t.addSecs(1);
    }
    return out;
}

QString CronSchedule::describeTime() const
{
    const FieldSet &sec = m_fields[Second];
    const FieldSet &min = m_fields[Minute];
    const FieldSet &hour = m_fields[Hour];
    const bool secondsMatter = m_hasSeconds && sec.text != u"0";
    if (secondsMatter) {
        if (sec.star)
            return translate("fd::ui::forms", "Every second");
        if (const int n = everyStep(sec.text))
            return translate("fd::ui::forms", "Every %1 seconds").arg(n);
        return translate("fd::ui::forms", "At second(s) %1 of minute %2, hour %3").arg(sec.text, min.text, hour.text);
    }
    if (min.star && hour.star)
        return translate("fd::ui::forms", "Every minute");
    if (const int n = everyStep(min.text); n && hour.star)
        return translate("fd::ui::forms", "Every %1 minutes").arg(n);
    const bool oneMinute = min.bits.count() == 1;
    if (oneMinute && hour.star)
        return translate("fd::ui::forms", "At minute %1 of every hour").arg(listOfValues(min.bits, 0, 59));
    if (oneMinute && hour.bits.count() <= 6) {
        int minute = 0;
        while (!min.bits.test(static_cast<size_t>(minute)))
            ++minute;
        QStringList times;
        for (int h = 0; h < 24; ++h) {
            if (hour.bits.test(static_cast<size_t>(h)))
                times << u"%1:%2"_s.arg(h, 2, 10, QChar(u'0')).arg(minute, 2, 10, QChar(u'0'));
        }
        return translate("fd::ui::forms", "At %1").arg(times.join(u", "_s));
    }
    if (const int n = everyStep(hour.text); n && oneMinute)
        return translate("fd::ui::forms", "At minute %1 of every %2 hours").arg(listOfValues(min.bits, 0, 59)).arg(n);
    return translate("fd::ui::forms", "At minute(s) %1 of hour(s) %2")
        .arg(min.star ? translate("fd::ui::forms", "every minute") : listOfValues(min.bits, 0, 59),
             hour.star ? translate("fd::ui::forms", "every hour") : listOfValues(hour.bits, 0, 23));
}

QString CronSchedule::describeDays() const
{
    const FieldSet &dom = m_fields[DayOfMonth];
    const FieldSet &dow = m_fields[DayOfWeek];
    const FieldSet &month = m_fields[Month];
    QString days;
    if (dom.star && dow.star)
        days = translate("fd::ui::forms", "every day");
    else if (dom.star)
        days = translate("fd::ui::forms", "on %1").arg(listOfDays(dow.bits));
    else if (dow.star)
        days = translate("fd::ui::forms", "on day %1 of the month").arg(listOfValues(dom.bits, 1, 31));
    else
        days = translate("fd::ui::forms", "on day %1 of the month or on %2").arg(listOfValues(dom.bits, 1, 31), listOfDays(dow.bits));
    if (!month.star) {
        QStringList months;
        for (int m = 1; m <= 12; ++m) {
            if (month.bits.test(static_cast<size_t>(m)))
                months << QLocale::c().monthName(m);
        }
        days = translate("fd::ui::forms", "%1, in %2").arg(days, months.join(u", "_s));
    }
    return days;
}

QString CronSchedule::describe() const
{
    if (!isValid())
        return {};
    if (m_everySeconds > 0) {
        const int seconds = static_cast<int>(m_everySeconds);
        const int minutes = seconds / 60;
        const int hours = seconds / 3600;
        if (seconds % 3600 == 0)
            return translate("fd::ui::forms", "Every %n hour(s)", nullptr, hours);
        if (seconds % 60 == 0)
            return translate("fd::ui::forms", "Every %n minute(s)", nullptr, minutes);
        return translate("fd::ui::forms", "Every %n second(s)", nullptr, seconds);
    }
    return translate("fd::ui::forms", "%1, %2 (UTC)").arg(describeTime(), describeDays());
}

QString referenceError(const fd::engine::ClusterSnapshot &snapshot, const QString &kind, const QString &ns, const QString &name)
{
    if (name.isEmpty())
        return translate("fd::ui::forms", "Pick one.");
    const fd::fission::FissionIndex &index = snapshot.index;
    bool found = false;
    if (kind == u"Environment")
        found = index.environments().get(ns, name);
    else if (kind == u"Package")
        found = index.packages().get(ns, name);
    else if (kind == u"Function")
        found = index.functions().get(ns, name);
    else
        found = true; // kinds the forms do not reference: nothing to check
    if (found)
        return {};
    return translate("fd::ui::forms", "There is no %1 \"%2\" in %3.").arg(kind, name, ns);
}

} // namespace fd::ui::forms
