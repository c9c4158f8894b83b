#pragma once

#include "ui/logs/LogLineStore.h"

#include <QFuture>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace fd::ui {

// What the user typed into the filter bar.
struct LogFilterSpec {
    QString text;             // empty: no text condition
    bool regex = false;       // `text` is a regular expression
    bool exclude = false;     // keep the lines that do NOT match `text`
    bool caseSensitive = false;
    LogSeverity minimumSeverity = LogSeverity::Unknown; // Unknown: any; else lines of unknown severity are hidden
    bool operator==(const LogFilterSpec &) const = default;
    bool isEmpty() const { return text.isEmpty() && minimumSeverity == LogSeverity::Unknown; }
};

// A compiled filter; matches() is const and thread-safe (workers share one instance).
// Plain text is matched on the UTF-8 bytes (Boyer-Moore-Horspool, ASCII case folding) so that
// a million lines filter without decoding; regular expressions decode each line.
class LogFilter
{
public:
    explicit LogFilter(const LogFilterSpec &spec = {});

    const LogFilterSpec &spec() const { return m_spec; }
    bool isValid() const { return m_valid; } // false: an invalid regular expression
    QString errorString() const { return m_error; }
    bool isEmpty() const { return m_spec.isEmpty(); }

    bool matches(QByteArrayView utf8, LogSeverity severity, bool gap) const;

private:
    bool matchesText(QByteArrayView utf8) const;

    LogFilterSpec m_spec;
    QByteArray m_needle; // lower-cased unless case sensitive
    std::array<qsizetype, 256> m_skip{}; // Horspool shift per (folded) byte
    QRegularExpression m_regex;
    bool m_valid = true;
    QString m_error;
};

// Filters a snapshot on the global thread pool (in parallel slices); the result lists the
// absolute numbers of the matching lines, ascending.
QFuture<std::vector<qint64>> filterAsync(std::shared_ptr<const LogLineStore::Snapshot> snapshot,
                                         std::shared_ptr<const LogFilter> filter);
// The same, on the calling thread (small ranges: new lines while a filter is set).
std::vector<qint64> filterRange(const LogLineStore &store, qsizetype from, qsizetype to, const LogFilter &filter);

} // namespace fd::ui
