#include "engine/troubleshoot/ServiceCall.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace fd::engine {

fd::kube::KubeRequest ServiceCall::request() const
{
    fd::kube::KubeRequest r;
    r.verb = method.isEmpty() ? QByteArray("GET") : method.toUpper();
    QString target = path;
    QString query;
    if (const qsizetype q = target.indexOf(u'?'); q >= 0) {
        query = target.mid(q + 1);
        target.truncate(q);
    }
    while (target.startsWith(u'/'))
        target.remove(0, 1);
    r.path = u"/api/v1/namespaces/%1/services/%2:%3/proxy/%4"_s.arg(namespaceName, service, port, target);
    r.query = QUrlQuery(query);
    r.body = body;
    r.accept = "*/*";
    r.timeoutMs = timeoutMs;
    // A function call is not ours to repeat: the function may not be idempotent.
    r.idempotent = r.verb == "GET" || r.verb == "HEAD";
    for (const auto &header : headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            r.contentType = header.second;
        else if (header.first.compare("accept", Qt::CaseInsensitive) == 0)
            r.accept = header.second;
        else
            r.headers.append(header);
    }
    if (!body.isEmpty() && r.contentType.isEmpty())
        r.contentType = "text/plain";
    return r;
}

ServiceCallResult ServiceCallResult::from(const fd::kube::KubeResult &result, qint64 elapsedMs)
{
    ServiceCallResult out;
    out.elapsedMs = elapsedMs;
    if (result) {
        out.answered = true;
        out.status = result->status;
        out.headers = result->headers;
        out.body = result->body;
        return out;
    }
    const fd::kube::KubeError &error = result.error();
    if (error.httpStatus > 0) {
        out.answered = true;
        out.status = error.httpStatus;
        // The client turned the answer into a message ("The server answered HTTP 404: 404 page not
        // found"): the part after the first ": " is the body's excerpt.
        QString text = error.message;
        const QString prefix = u"HTTP %1: "_s.arg(error.httpStatus);
        if (const qsizetype at = text.indexOf(prefix); at >= 0)
            text = text.mid(at + prefix.size());
        out.body = text.toUtf8();
        return out;
    }
    out.error = error.message;
    return out;
}

} // namespace fd::engine
