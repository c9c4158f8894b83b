#include "sim/schema/AcceptHeader.h"

#include <optional>

namespace fd::sim {

namespace {

QString trimSpaces(QString text)
{
    // goautoneg trims only ' ', not tabs.
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text.at(begin) == QLatin1Char(' '))
        ++begin;
    while (end > begin && text.at(end - 1) == QLatin1Char(' '))
        --end;
    return text.mid(begin, end - begin);
}

// goautoneg's ordering predicate; not a strict weak order, hence the explicit insertion sort.
bool sortsBefore(const MediaRange &a, const MediaRange &b)
{
    if (a.q > b.q)
        return true;
    if (a.type != QLatin1String("*") && b.type == QLatin1String("*"))
        return true;
    if (a.subType != QLatin1String("*") && b.subType == QLatin1String("*"))
        return true;
    return false;
}

std::optional<MediaRange> parseClause(const QString &clause)
{
    const QStringList parts = trimSpaces(clause).split(QLatin1Char(';'));
    const QStringList range = parts.first().split(QLatin1Char('/'));
    MediaRange media;
    media.type = trimSpaces(range.first());
    if (range.size() == 1 && media.type == QLatin1String("*"))
        media.subType = QStringLiteral("*");
    else if (range.size() == 2)
        media.subType = trimSpaces(range.at(1));
    else
        return std::nullopt;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype equals = parts.at(i).indexOf(QLatin1Char('='));
        if (equals < 0)
            continue;
        const QString token = trimSpaces(parts.at(i).left(equals));
        const QString value = parts.at(i).mid(equals + 1);
        if (token == QLatin1String("q")) {
            bool ok = false;
            const float q = value.toFloat(&ok);
            // Go's ParseFloat rejects surrounding spaces; the error is ignored, leaving q = 0.
            media.q = ok && value == value.trimmed() ? q : 0.0f;
        } else {
            media.params.insert(token, trimSpaces(value));
        }
    }
    return media;
}

} // namespace

bool MediaRange::admits(const QString &mediaType, const QString &mediaSubType) const
{
    if (type == mediaType && subType == mediaSubType)
        return true;
    if (type == mediaType && subType == QLatin1String("*"))
        return true;
    return type == QLatin1String("*") && subType == QLatin1String("*");
}

QList<MediaRange> parseAcceptHeader(const QByteArray &header)
{
    QList<MediaRange> clauses;
    const QStringList parts = QString::fromUtf8(header).split(QLatin1Char(','));
    for (const QString &part : parts) {
        if (clauses.size() >= kMaxAcceptClauses)
            break;
        if (std::optional<MediaRange> media = parseClause(part))
            clauses << *media;
    }
    for (qsizetype i = 1; i < clauses.size(); ++i) {
        for (qsizetype j = i; j > 0 && sortsBefore(clauses.at(j), clauses.at(j - 1)); --j)
            clauses.swapItemsAt(j, j - 1);
    }
    return clauses;
}

} // namespace fd::sim
