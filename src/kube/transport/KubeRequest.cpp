#include "kube/transport/KubeRequest.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace fd::kube {

using namespace Qt::StringLiterals;

bool KubeRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    return verb == "GET" || verb == "HEAD";
}

QString KubeRequest::describe() const
{
    return QString::fromLatin1(verb) + u' ' + path;
}

KubeRequest KubeRequest::get(const QString &path, const QUrlQuery &query)
{
    KubeRequest request;
    request.path = path;
    request.query = query;
    return request;
}

KubeRequest KubeRequest::withBody(const QByteArray &verb, const QString &path, const QByteArray &body,
                                  const QByteArray &contentType)
{
    KubeRequest request;
    request.verb = verb;
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    return request;
}

QByteArray KubeResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QStringList parseWarningHeader(const QByteArray &value)
{
    QStringList texts;
    qsizetype i = 0;
    const qsizetype n = value.size();
    const auto skipSpaces = [&] {
        while (i < n && (value[i] == ' ' || value[i] == '\t'))
            ++i;
    };
    while (i < n) {
        skipSpaces();
        if (i < n && value[i] == ',') {
            ++i;
            continue;
        }
        // warn-code: three digits.
        const qsizetype codeStart = i;
        while (i < n && value[i] >= '0' && value[i] <= '9')
            ++i;
        const bool codeOk = i - codeStart == 3;
        skipSpaces();
        // warn-agent: a token up to the next space.
        while (i < n && value[i] != ' ' && value[i] != ',' && value[i] != '"')
            ++i;
        skipSpaces();
        if (!codeOk || i >= n || value[i] != '"') {
            // Malformed: skip to the next comma outside quotes.
            while (i < n && value[i] != ',')
                ++i;
            continue;
        }
        ++i; // opening quote
        QByteArray text;
        bool closed = false;
        while (i < n) {
            const char c = value[i++];
            if (c == '\\' && i < n) {
                text += value[i++];
            } else if (c == '"') {
                closed = true;
                break;
            } else {
                text += c;
            }
        }
        if (closed)
            texts.append(QString::fromUtf8(text));
        // Optional warn-date ("…"), then the next comma.
        skipSpaces();
        if (i < n && value[i] == '"') {
            ++i;
            while (i < n && value[i] != '"')
                ++i;
            ++i;
        }
        while (i < n && value[i] != ',')
            ++i;
    }
    return texts;
}

std::optional<int> parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds < 0 ? 0 : seconds;
    // HTTP-date (IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(trimmed), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(utc);
    return static_cast<int>(std::clamp<qint64>(delta, 0, 24 * 3600));
}

} // namespace fd::kube
