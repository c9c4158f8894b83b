#pragma once

#include "ui/logs/LogLineStore.h"

#include <QFuture>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace fd::ui {

// What the user typed into the filter bar.
struct LogFilterSpec {
    QString text;             // empty: no text condition
    bool regex = false;       // `text` is a regular expression
    bool exclude = false;     // keep the lines that do NOT match `text`
    bool caseSensitive = false;
    LogSeverity minimumSeverity = LogSeverity::Unknown; // Unknown: any; else lines of unknown severity are hidden
    QSet<quint16> hiddenSources;  // store source ids (pod/container) whose lines are hidden
    std::optional<qint64> fromNs; // time range, inclusive, nanoseconds since the epoch (UTC)
    std::optional<qint64> toNs;
    bool operator==(const LogFilterSpec &) const = default;
    bool isEmpty() const
    {
        return text.isEmpty() && minimumSeverity == LogSeverity::Unknown && hiddenSources.isEmpty() && !fromNs && !toNs;
    }
};

// A byte-string search (Boyer-Moore-Horspool) on UTF-8, optionally folding ASCII case.
class LiteralFinder
{
public:
    LiteralFinder() = default;
    LiteralFinder(const QByteArray &needle, bool caseSensitive);
    bool isEmpty() const { return m_needle.isEmpty(); }
    bool foundIn(QByteArrayView haystack) const;

private:
    QByteArray m_needle; // lower-cased unless case sensitive
    std::array<qsizetype, 256> m_skip{}; // Horspool shift per (folded) byte
    bool m_caseSensitive = true;
};

// The longest run of literal characters every match of `pattern` must contain (outside groups,
// not made optional by a quantifier), or empty when the pattern is not simple enough to tell
// (top-level alternation, inline options, \Q…\E, …). Used to reject lines before decoding.
QString requiredLiteral(QStringView pattern);
// Per top-level alternative, its required literal: a line matching the pattern contains one of
// them. Empty when any alternative has none (then nothing can be ruled out).
QStringList requiredLiterals(QStringView pattern);

// A compiled filter; matches() is const and thread-safe (workers share one instance).
// Plain text is matched on the UTF-8 bytes (Horspool, ASCII case folding) so that a million
// lines filter without decoding. Regular expressions first look for the pattern's required
// literal in the bytes (most lines fail there) and decode only the candidates, into a
// per-thread buffer (no allocation for ASCII lines).
class LogFilter
{
public:
    explicit LogFilter(const LogFilterSpec &spec = {});

    const LogFilterSpec &spec() const { return m_spec; }
    bool isValid() const { return m_valid; } // false: an invalid regular expression
    QString errorString() const { return m_error; }
    bool isEmpty() const { return m_spec.isEmpty(); }

    // Text and severity only (a search, a line without a record).
    bool matches(QByteArrayView utf8, LogSeverity severity, bool gap) const;
    // Everything: the hidden sources and the time range too.
    bool accepts(const LogLineStore::Record &record, QByteArrayView utf8) const;
    // The regular expression's literal prefilter, alternatives joined with '|' (empty: none).
    QString prefilterLiteral() const { return m_prefilterText; }

private:
    bool matchesText(QByteArrayView utf8) const;
    bool matchesRegex(QByteArrayView utf8) const;

    LogFilterSpec m_spec;
    LiteralFinder m_text;      // plain text
    std::vector<LiteralFinder> m_prefilter; // regular expression: every match contains one of them
    QString m_prefilterText;
    std::vector<bool> m_hidden; // by source id
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
