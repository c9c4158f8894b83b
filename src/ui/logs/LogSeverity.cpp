#include "ui/logs/LogSeverity.h"

#include "ui/UiTr.h"

#include <array>
#include <cctype>

namespace fd::ui {

using detail::translate;

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Case-insensitive: does `text` have `word` at `at`?
bool wordAt(QByteArrayView text, qsizetype at, QByteArrayView word)
{
    if (at + word.size() > text.size())
        return false;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if (lower(text[at + i]) != word[i])
            return false;
    }
    return true;
}

std::optional<LogSeverity> fromWord(QByteArrayView text, qsizetype at, bool needBoundary)
{
    struct Word {
        const char *text;
        LogSeverity severity;
    };
    static constexpr std::array<Word, 12> words{{{"debug", LogSeverity::Debug},
                                                 {"trace", LogSeverity::Debug},
                                                 {"info", LogSeverity::Info},
                                                 {"warning", LogSeverity::Warning},
                                                 {"warn", LogSeverity::Warning},
                                                 {"error", LogSeverity::Error},
                                                 {"err", LogSeverity::Error},
                                                 {"fatal", LogSeverity::Fatal},
                                                 {"panic", LogSeverity::Fatal},
                                                 {"dpanic", LogSeverity::Fatal},
                                                 {"critical", LogSeverity::Fatal},
                                                 {"crit", LogSeverity::Fatal}}};
    for (const Word &word : words) {
        const QByteArrayView w(word.text);
        if (!wordAt(text, at, w))
            continue;
        const qsizetype end = at + w.size();
        if (needBoundary && ((at > 0 && isWordChar(text[at - 1])) || (end < text.size() && isWordChar(text[end]))))
            continue;
        return word.severity;
    }
    return std::nullopt;
}

} // namespace

LogSeverity detectSeverity(QByteArrayView utf8)
{
    const QByteArrayView text = utf8.first(std::min<qsizetype>(utf8.size(), 200));
    // JSON ("level":"x" / "severity":"x") and logfmt (level=x).
    for (QByteArrayView key : {QByteArrayView("\"level\":"), QByteArrayView("\"severity\":"), QByteArrayView("level=")}) {
        qsizetype at = text.indexOf(key);
        if (at < 0)
            continue;
        at += key.size();
        while (at < text.size() && (text[at] == ' ' || text[at] == '"'))
            ++at;
        if (const auto severity = fromWord(text, at, true))
            return *severity;
    }
    // klog: a level letter followed by MMDD and a space ("E1207 12:00:00.000000 …").
    if (text.size() > 6 && std::isdigit(static_cast<unsigned char>(text[1])) && std::isdigit(static_cast<unsigned char>(text[4]))
        && text[5] == ' ') {
        switch (text[0]) {
        case 'I': return LogSeverity::Info;
        case 'W': return LogSeverity::Warning;
        case 'E': return LogSeverity::Error;
        case 'F': return LogSeverity::Fatal;
        default: break;
        }
    }
    // A level word near the start: "[ERROR] …", "WARN: …", "2026-… INFO …".
    const qsizetype head = std::min<qsizetype>(text.size(), 48);
    for (qsizetype i = 0; i < head; ++i) {
        if (i > 0 && isWordChar(text[i - 1]))
            continue;
        if (const auto severity = fromWord(text, i, true))
            return *severity;
    }
    return LogSeverity::Unknown;
}

QString severityDisplay(LogSeverity severity)
{
    switch (severity) {
    case LogSeverity::Unknown: return translate("fd::ui", "any");
    case LogSeverity::Debug: return translate("fd::ui", "debug");
    case LogSeverity::Info: return translate("fd::ui", "info");
    case LogSeverity::Warning: return translate("fd::ui", "warning");
    case LogSeverity::Error: return translate("fd::ui", "error");
    case LogSeverity::Fatal: return translate("fd::ui", "fatal");
    }
    return {};
}

} // namespace fd::ui
