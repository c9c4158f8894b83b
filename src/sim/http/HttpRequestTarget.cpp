#include "sim/http/HttpRequestTarget.h"

#include <QUrl>

namespace fd::sim {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Keeps QUrlQuery from re-interpreting decoded text: a literal "%41" or "&" in a decoded
// value must stay literal, so items are stored fully encoded.
QString encodedForQuery(const QByteArray &decoded)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(decoded)));
}

QUrlQuery parseQuery(const QByteArray &rawQuery)
{
    QUrlQuery query;
    for (const QByteArray &pair : rawQuery.split('&')) {
        // Go 1.17+ rejects ';' as a separator; url.ParseQuery drops such pairs.
        if (pair.isEmpty() || pair.contains(';'))
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray rawKey = equals < 0 ? pair : pair.left(equals);
        const QByteArray rawValue = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        auto key = percentDecode(rawKey, true);
        auto value = percentDecode(rawValue, true);
        if (!key || !value)
            continue;
        query.addQueryItem(encodedForQuery(key.value()), encodedForQuery(value.value()));
    }
    return query;
}

} // namespace

Expected<QByteArray, QString> percentDecode(const QByteArray &encoded, bool plusIsSpace)
{
    QByteArray decoded;
    decoded.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c == '%') {
            const int high = i + 1 < encoded.size() ? hexValue(encoded.at(i + 1)) : -1;
            const int low = i + 2 < encoded.size() ? hexValue(encoded.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return Unexpected(QStringLiteral("invalid URL escape \"%1\" at offset %2")
                                      .arg(QString::fromLatin1(encoded.mid(i, 3).toPercentEncoding("%")))
                                      .arg(i));
            decoded.append(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            decoded.append(' ');
        } else {
            decoded.append(c);
        }
    }
    return decoded;
}

Expected<RequestTarget, QString> parseRequestTarget(const QByteArray &target)
{
    if (target.isEmpty())
        return Unexpected(QStringLiteral("empty request target"));
    for (const char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7f)
            return Unexpected(QStringLiteral("invalid control character or space in request target"));
    }
    if (target == "*")
        return RequestTarget{QStringLiteral("*"), {}};

    QByteArray originForm = target;
    if (!target.startsWith('/')) {
        // Absolute form (proxies send it): drop scheme and authority.
        const qsizetype schemeEnd = target.indexOf("://");
        if (schemeEnd <= 0)
            return Unexpected(QStringLiteral("request target must start with '/' or be an absolute URL"));
        const qsizetype pathStart = target.indexOf('/', schemeEnd + 3);
        const qsizetype queryStart = target.indexOf('?', schemeEnd + 3);
        if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart))
            originForm = '/' + (queryStart >= 0 ? target.mid(queryStart) : QByteArray());
        else
            originForm = target.mid(pathStart);
    }

    const qsizetype queryStart = originForm.indexOf('?');
    const QByteArray rawPath = queryStart < 0 ? originForm : originForm.left(queryStart);
    auto path = percentDecode(rawPath, false);
    if (!path)
        return Unexpected(QStringLiteral("malformed request path: ") + path.error());
    RequestTarget result;
    result.path = QString::fromUtf8(path.value());
    if (queryStart >= 0)
        result.query = parseQuery(originForm.mid(queryStart + 1));
    return result;
}

} // namespace fd::sim
