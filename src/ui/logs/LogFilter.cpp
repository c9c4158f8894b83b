#include "ui/logs/LogFilter.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace fd::ui {

using namespace Qt::StringLiterals;

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

LiteralFinder::LiteralFinder(const QByteArray &needle, bool caseSensitive) : m_needle(needle), m_caseSensitive(caseSensitive)
{
    // Without ASCII letters folding changes nothing, and the exact search (QByteArrayView's
    // vectorised one) is several times faster than the folding Horspool loop on short needles.
    const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (std::none_of(m_needle.cbegin(), m_needle.cend(), isLetter))
        m_caseSensitive = true;
    if (!m_caseSensitive) {
        for (char &c : m_needle)
            c = foldAscii(c);
    }
    const qsizetype n = m_needle.size();
    m_skip.fill(n);
    for (qsizetype i = 0; i + 1 < n; ++i)
        m_skip[static_cast<unsigned char>(m_needle[i])] = n - 1 - i;
}

bool LiteralFinder::foundIn(QByteArrayView haystack) const
{
    if (m_caseSensitive) {
        // libstdc++'s find (memchr for the first byte, then a compare) beats QByteArrayView's
        // search on log-line-sized haystacks.
        const std::string_view hay(haystack.data(), size_t(haystack.size()));
        return hay.find(std::string_view(m_needle.constData(), size_t(m_needle.size()))) != std::string_view::npos;
    }
    // Horspool with ASCII case folding; non-ASCII bytes compare exactly (good enough for log
    // keywords, and no decoding).
    const qsizetype n = m_needle.size();
    const qsizetype last = n - 1;
    const char *hay = haystack.data();
    for (qsizetype at = 0; at + n <= haystack.size();) {
        qsizetype i = last;
        while (i >= 0 && foldAscii(hay[at + i]) == m_needle[i])
            --i;
        if (i < 0)
            return true;
        at += m_skip[static_cast<unsigned char>(foldAscii(hay[at + last]))];
    }
    return false;
}

namespace {

// Index after the character class starting at `at` ('['), or -1 when it does not close.
qsizetype skipClass(QStringView p, qsizetype at)
{
    qsizetype i = at + 1;
    if (i < p.size() && p[i] == u'^')
        ++i;
    if (i < p.size() && p[i] == u']')
        ++i; // a leading ']' is literal
    for (; i < p.size(); ++i) {
        if (p[i] == u'\\')
            ++i;
        else if (p[i] == u'[' && i + 1 < p.size() && p[i + 1] == u':') {
            const qsizetype close = p.indexOf(u":]"_s, i + 2);
            if (close < 0)
                return -1;
            i = close + 1;
        } else if (p[i] == u']')
            return i + 1;
    }
    return -1;
}

// Index after a {n}, {n,}, {n,m} quantifier at `at`, or -1 when `at` does not start one.
qsizetype skipCountedQuantifier(QStringView p, qsizetype at)
{
    qsizetype i = at + 1;
    const qsizetype digitsFrom = i;
    while (i < p.size() && p[i].isDigit())
        ++i;
    if (i == digitsFrom)
        return -1;
    if (i < p.size() && p[i] == u',') {
        ++i;
        while (i < p.size() && p[i].isDigit())
            ++i;
    }
    return i < p.size() && p[i] == u'}' ? i + 1 : -1;
}

void chopLastCharacter(QString &run)
{
    if (run.isEmpty())
        return;
    run.chop(run.size() >= 2 && run.back().isLowSurrogate() ? 2 : 1);
}

} // namespace

QString requiredLiteral(QStringView p)
{
    QString best;
    QString run;
    const auto endRun = [&] {
        if (run.size() > best.size())
            best = run;
        run.clear();
    };
    // Escapes that stand for a class or an assertion, never for a literal character.
    const QString classEscapes = u"dDwWsShHvVbBAzZG"_s;
    int depth = 0;
    for (qsizetype i = 0; i < p.size();) {
        const QChar c = p[i];
        if (depth > 0) {
            // Inside a group: only its nesting matters (what it contains may be optional).
            if (c == u'\\') {
                if (i + 1 < p.size() && (p[i + 1] == u'Q' || p[i + 1] == u'E'))
                    return {};
                i += 2;
            } else if (c == u'[') {
                i = skipClass(p, i);
                if (i < 0)
                    return {};
            } else {
                if (c == u'(')
                    ++depth;
                else if (c == u')')
                    --depth;
                ++i;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'|':
            return {}; // alternatives at the top: no literal is required
        case u')':
            return {};
        case u'(':
            if (i + 1 < p.size() && p[i + 1] == u'*')
                return {}; // (*VERB)
            if (i + 2 < p.size() && p[i + 1] == u'?') {
                const QChar kind = p[i + 2];
                // Groups, lookarounds and atomic groups are skipped; anything else ((?i), (?x),
                // (?|…), named-group syntax, comments) may change how the rest matches.
                if (kind != u':' && kind != u'=' && kind != u'!' && kind != u'>' && kind != u'<')
                    return {};
            }
            endRun();
            depth = 1;
            ++i;
            continue;
        case u'[':
            endRun();
            i = skipClass(p, i);
            if (i < 0)
                return {};
            continue;
        case u'.':
        case u'^':
        case u'$':
            endRun();
            ++i;
            continue;
        case u'?':
        case u'*':
            chopLastCharacter(run); // the preceding atom may be absent
            endRun();
            ++i;
            continue;
        case u'+':
            endRun(); // the preceding character stays required, what follows is not adjacent
            ++i;
            continue;
        case u'{': {
            const qsizetype after = skipCountedQuantifier(p, i);
            if (after < 0)
                return {};
            chopLastCharacter(run); // {0,…} makes it optional; be conservative
            endRun();
            i = after;
            continue;
        }
        case u'\\': {
            if (i + 1 >= p.size())
                return {};
            const QChar escaped = p[i + 1];
            if (escaped.isLetterOrNumber()) {
                if (!classEscapes.contains(escaped))
                    return {}; // \x{…}, \p{…}, \Q, back references: not worth understanding
                endRun();
            } else {
                run += escaped; // escaped punctuation is that character
            }
            i += 2;
            continue;
        }
        default:
            run += c;
            ++i;
            continue;
        }
    }
    if (depth != 0)
        return {};
    endRun();
    return best;
}

QStringList requiredLiterals(QStringView p)
{
    // Split at the top-level '|' (outside groups, classes and escapes), then each alternative
    // is a pattern of its own.
    QStringList literals;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= p.size(); ++i) {
        if (i < p.size()) {
            const QChar c = p[i];
            if (c == u'\\') {
                ++i;
                continue;
            }
            if (c == u'[') {
                const qsizetype after = skipClass(p, i);
                if (after < 0)
                    return {};
                i = after - 1;
                continue;
            }
            if (c == u'(')
                ++depth;
            else if (c == u')')
                --depth;
            if (c != u'|' || depth != 0)
                continue;
        }
        const QString literal = requiredLiteral(p.sliced(start, i - start));
        if (literal.isEmpty())
            return {};
        literals << literal;
        start = i + 1;
    }
    return literals;
}

LogFilter::LogFilter(const LogFilterSpec &spec) : m_spec(spec)
{
    if (!m_spec.hiddenSources.isEmpty()) {
        const quint16 highest = *std::max_element(m_spec.hiddenSources.cbegin(), m_spec.hiddenSources.cend());
        m_hidden.assign(size_t(highest) + 1, false);
        for (quint16 source : std::as_const(m_spec.hiddenSources))
            m_hidden[source] = true;
    }
    if (m_spec.text.isEmpty())
        return;
    if (m_spec.regex) {
        m_regex.setPattern(m_spec.text);
        m_regex.setPatternOptions(m_spec.caseSensitive ? QRegularExpression::UseUnicodePropertiesOption
                                                       : QRegularExpression::CaseInsensitiveOption);
        m_valid = m_regex.isValid();
        if (!m_valid) {
            m_error = m_regex.errorString();
            return;
        }
        m_regex.optimize();
        const QStringList literals = requiredLiterals(m_spec.text);
        // Case-insensitive: only ASCII literals (their folding is what the byte search does).
        // Very short ones would let nearly every line through: not worth a pass.
        bool usable = !literals.isEmpty();
        for (const QString &literal : literals) {
            usable = usable && literal.size() >= 2;
            if (!m_spec.caseSensitive) {
                for (QChar c : literal)
                    usable = usable && c.unicode() < 0x80;
            }
        }
        if (usable) {
            m_prefilterText = literals.join(u'|');
            for (const QString &literal : literals)
                m_prefilter.emplace_back(literal.toUtf8(), m_spec.caseSensitive);
        }
    } else {
        m_text = LiteralFinder(m_spec.text.toUtf8(), m_spec.caseSensitive);
    }
}

namespace {

bool isAscii(QByteArrayView utf8)
{
    // Eight bytes at a time: any high bit set means a multi-byte UTF-8 sequence.
    const char *data = utf8.data();
    const qsizetype n = utf8.size();
    qsizetype i = 0;
    quint64 high = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        high |= word;
    }
    for (; i < n; ++i)
        high |= static_cast<unsigned char>(data[i]);
    return (high & 0x8080808080808080ull) == 0;
}

} // namespace

bool LogFilter::matchesRegex(QByteArrayView utf8) const
{
    if (!m_valid)
        return true; // an invalid pattern hides nothing (the bar shows the error)
    // Caseless Unicode matching lets 'k' match U+212A and 's' U+017F, which the ASCII byte
    // search cannot see: non-ASCII lines go to the regex even without the literal.
    const bool ascii = isAscii(utf8);
    if (!m_prefilter.empty() && (m_spec.caseSensitive || ascii)) {
        const bool candidate = std::any_of(m_prefilter.cbegin(), m_prefilter.cend(),
                                           [utf8](const LiteralFinder &finder) { return finder.foundIn(utf8); });
        if (!candidate)
            return false;
    }
    // Decode into a buffer owned by this thread: no allocation per line once it has grown, and
    // ASCII widens in a loop the compiler vectorizes.
    thread_local QString buffer;
    if (ascii) {
        const qsizetype n = utf8.size();
        buffer.resize(n);
        char16_t *out = reinterpret_cast<char16_t *>(buffer.data());
        const auto *in = reinterpret_cast<const unsigned char *>(utf8.data());
        for (qsizetype i = 0; i < n; ++i)
            out[i] = in[i];
    } else {
        buffer = QString::fromUtf8(utf8);
    }
    return m_regex.match(QStringView(buffer)).hasMatch();
}

bool LogFilter::matchesText(QByteArrayView utf8) const
{
    if (m_spec.regex)
        return matchesRegex(utf8);
    return m_text.foundIn(utf8);
}

bool LogFilter::matches(QByteArrayView utf8, LogSeverity severity, bool gap) const
{
    if (gap)
        return true; // a gap marker concerns every text filter
    if (m_spec.minimumSeverity != LogSeverity::Unknown && severity < m_spec.minimumSeverity)
        return false;
    if (m_spec.text.isEmpty())
        return true;
    return matchesText(utf8) != m_spec.exclude;
}

bool LogFilter::accepts(const LogLineStore::Record &record, QByteArrayView utf8) const
{
    if (record.source < m_hidden.size() && m_hidden[record.source])
        return false;
    if ((m_spec.fromNs && record.stampNs < *m_spec.fromNs) || (m_spec.toNs && record.stampNs > *m_spec.toNs))
        return false;
    return matches(utf8, record.severity, record.flags & LogLineStore::Gap);
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
            if (filter->accepts(r, snapshot->text(r)))
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
        if (filter.accepts(r, store.textUtf8(i)))
            hits.push_back(store.firstAbsolute() + i);
    }
    return hits;
}

} // namespace fd::ui
