#include "ui/logs/LogFilter.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace fd::ui {

namespace {

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

struct Slice {
    size_t from = 0;
    size_t to = 0;
};

} // namespace

LogFilter::LogFilter(const LogFilterSpec &spec) : m_spec(spec)
{
    if (m_spec.text.isEmpty())
        return;
    if (m_spec.regex) {
        m_regex.setPattern(m_spec.text);
        m_regex.setPatternOptions(m_spec.caseSensitive ? QRegularExpression::UseUnicodePropertiesOption
                                                       : QRegularExpression::CaseInsensitiveOption);
        m_valid = m_regex.isValid();
        if (!m_valid)
            m_error = m_regex.errorString();
        else
            m_regex.optimize();
    } else {
        m_needle = m_spec.text.toUtf8();
        if (!m_spec.caseSensitive) {
            for (char &c : m_needle)
                c = foldAscii(c);
        }
        const qsizetype n = m_needle.size();
        m_skip.fill(n);
        for (qsizetype i = 0; i + 1 < n; ++i)
            m_skip[static_cast<unsigned char>(m_needle[i])] = n - 1 - i;
    }
}

bool LogFilter::matchesText(QByteArrayView utf8) const
{
    if (m_spec.regex) {
        if (!m_valid)
            return true; // an invalid pattern hides nothing (the bar shows the error)
        return m_regex.match(QString::fromUtf8(utf8)).hasMatch();
    }
    if (m_spec.caseSensitive)
        return utf8.indexOf(QByteArrayView(m_needle)) >= 0;
    // Horspool with ASCII case folding; non-ASCII bytes compare exactly (good enough for log
    // keywords, and no decoding).
    const qsizetype n = m_needle.size();
    const qsizetype last = n - 1;
    const char *hay = utf8.data();
    for (qsizetype at = 0; at + n <= utf8.size();) {
        qsizetype i = last;
        while (i >= 0 && foldAscii(hay[at + i]) == m_needle[i])
            --i;
        if (i < 0)
            return true;
        at += m_skip[static_cast<unsigned char>(foldAscii(hay[at + last]))];
    }
    return false;
}

bool LogFilter::matches(QByteArrayView utf8, LogSeverity severity, bool gap) const
{
    if (gap)
        return true; // a gap marker concerns every filter
    if (m_spec.minimumSeverity != LogSeverity::Unknown && severity < m_spec.minimumSeverity)
        return false;
    if (m_spec.text.isEmpty())
        return true;
    return matchesText(utf8) != m_spec.exclude;
}

QFuture<std::vector<qint64>> filterAsync(std::shared_ptr<const LogLineStore::Snapshot> snapshot,
                                         std::shared_ptr<const LogFilter> filter)
{
    // Slices of ~64k lines, reduced in order so the result stays ascending.
    constexpr size_t kSlice = 65'536;
    QList<Slice> slices;
    const size_t total = snapshot->records.size();
    for (size_t from = 0; from < total; from += kSlice)
        slices.append(Slice{from, std::min(total, from + kSlice)});
    if (slices.isEmpty())
        slices.append(Slice{});
    auto map = [snapshot, filter](const Slice &slice) {
        std::vector<qint64> hits;
        for (size_t i = slice.from; i < slice.to; ++i) {
            const LogLineStore::Record &r = snapshot->records[i];
            if (filter->matches(snapshot->text(r), r.severity, r.flags & LogLineStore::Gap))
                hits.push_back(snapshot->firstAbsolute + qint64(i));
        }
        return hits;
    };
    auto reduce = [](std::vector<qint64> &all, const std::vector<qint64> &hits) {
        all.insert(all.end(), hits.begin(), hits.end());
    };
    return QtConcurrent::mappedReduced<std::vector<qint64>>(slices, map, reduce, QtConcurrent::OrderedReduce);
}

std::vector<qint64> filterRange(const LogLineStore &store, qsizetype from, qsizetype to, const LogFilter &filter)
{
    std::vector<qint64> hits;
    for (qsizetype i = std::max<qsizetype>(0, from); i < std::min(to, store.size()); ++i) {
        const LogLineStore::Record &r = store.record(i);
        if (filter.matches(store.textUtf8(i), r.severity, r.flags & LogLineStore::Gap))
            hits.push_back(store.firstAbsolute() + i);
    }
    return hits;
}

} // namespace fd::ui
