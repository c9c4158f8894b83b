#pragma once

#include "common/Expected.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace fd::sim {

struct RequestTarget {
    QString path;    // percent-decoded; '+' stays '+' (it only means space in a query)
    QUrlQuery query; // items decoded like Go's url.ParseQuery; read them with QUrl::FullyDecoded
};

// Splits a raw request target (HTTP/1.1 request line or HTTP/2 :path) into the decoded path
// and query, as Go's net/http does for kube-apiserver: origin form "/p?q", absolute form
// "https://host/p?q" and "*" are accepted; control characters, spaces and a malformed
// percent escape in the path are errors (Go answers 400). In the query, '+' is a space, a
// pair with a malformed escape or a ';' is dropped (Go >= 1.17), as r.URL.Query() does.
Expected<RequestTarget, QString> parseRequestTarget(const QByteArray &target);

// Strict %XX decoding: a truncated or non-hex escape is an error naming its position.
Expected<QByteArray, QString> percentDecode(const QByteArray &encoded, bool plusIsSpace);

} // namespace fd::sim
