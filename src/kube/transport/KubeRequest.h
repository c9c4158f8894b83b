#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The values that go into and come out of RestClient (see RestClient.h for the behaviour).

namespace fd::kube {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct KubeRequest {
    QByteArray verb = "GET";   // GET, POST, PUT, PATCH, DELETE, HEAD
    QString path;              // relative to the API URL: "/api/v1/namespaces/x/pods"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;    // for a body: "application/json", "application/merge-patch+json", …
    QByteArray accept = "application/json";
    // Per attempt, from sending to the complete answer (calls) or to the response headers
    // (streams). 0 = no limit. The apiserver cuts ordinary requests at 60 s itself.
    int timeoutMs = 60'000;
    // Streams only: an open stream that receives nothing for this long is dropped (Timeout).
    // Watches use their timeoutSeconds + 30 s; 0 = never.
    int idleTimeoutMs = 0;
    // Whether sending it twice does no harm. Unset: GET and HEAD are, everything else is not
    // (client-go retries transport errors on GET only). Set it for a PUT carrying a
    // resourceVersion or a DELETE with a uid precondition when a retry is wanted.
    std::optional<bool> idempotent;
    HeaderList headers;        // extra headers (the client sets Authorization, Accept, User-Agent)

    bool isIdempotent() const;
    // "GET /api/v1/pods" for messages (no query: it may carry selectors users consider private).
    QString describe() const;

    static KubeRequest get(const QString &path, const QUrlQuery &query = {});
    static KubeRequest withBody(const QByteArray &verb, const QString &path, const QByteArray &body,
                                const QByteArray &contentType = "application/json");
};

struct KubeResponse {
    int status = 0;
    HeaderList headers;     // as received (names as the server spelled them)
    QByteArray body;        // empty for streams (their data went out as chunks)
    QStringList warnings;   // texts of `Warning: 299 - "text"` headers, in order
    bool http2 = false;     // the exchange ran over HTTP/2
    int attempts = 1;       // how many times it was sent (retries + 1)

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QByteArray contentType() const { return header("Content-Type"); }
};

using KubeResult = Expected<KubeResponse, KubeError>;

// Parses Warning header values (RFC 7234 §5.5 as the apiserver writes them: `299 - "text"`,
// several per line separated by commas, `\"` escapes) into their texts. Malformed parts are
// skipped, never fatal.
QStringList parseWarningHeader(const QByteArray &value);

// Retry-After as seconds (delta-seconds or an HTTP date); nullopt when absent or unreadable.
std::optional<int> parseRetryAfter(const QByteArray &value);

} // namespace fd::kube
