#pragma once

#include "kube/transport/KubeRequest.h"

#include <QByteArray>
#include <QString>

// An HTTP request to a Service through the API server's service proxy
// (/api/v1/namespaces/<ns>/services/<service>:<port>/proxy/<path>): how the app calls a Fission
// function through the router without a port-forward or an ingress (fission-reference §5).

namespace fd::engine {

struct ServiceCall {
    QString namespaceName;                 // where the Service lives (the router: Fission's namespace)
    QString service = QStringLiteral("router");
    QString port = QStringLiteral("80");
    QByteArray method = "GET";
    QString path = QStringLiteral("/");    // as the router sees it, with an optional ?query
    fd::kube::HeaderList headers;          // Content-Type among them sets the body's type
    QByteArray body;
    int timeoutMs = 60'000;

    // The API request that carries it.
    fd::kube::KubeRequest request() const;
};

struct ServiceCallResult {
    bool answered = false;     // an HTTP answer came back (any status); false: transport failure
    int status = 0;
    fd::kube::HeaderList headers; // only for 2xx: the client keeps no headers of error answers
    QByteArray body;
    qint64 elapsedMs = 0;
    QString error;             // translated, when not answered

    // From the client's result: a non-2xx answer becomes a status and the server's text.
    static ServiceCallResult from(const fd::kube::KubeResult &result, qint64 elapsedMs);
};

} // namespace fd::engine
