#pragma once

#include "kube/core/KubeError.h"

#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

// Turns a QNetworkReply that failed without an HTTP answer into a KubeError the caller can
// act on, plus the one fact retry decisions need: whether the server can have seen the request.

namespace fd::kube {

struct TransportFailure {
    KubeError error;
    // True when the request certainly never reached the server (connection refused, DNS,
    // TLS handshake, proxy refused, or an HTTP/2 stream the server refused): any verb may
    // then be sent again.
    bool neverReachedServer = false;
    // Qt 6.4 fails requests an HTTP/2 server refused (REFUSED_STREAM, e.g. sent on a fresh
    // connection before the server's SETTINGS lowered the stream limit) with ProtocolFailure
    // "Server refused a stream" and does not retry them itself.
    bool refusedStream = false;
};

struct NetworkFailureInput {
    QNetworkReply::NetworkError code = QNetworkReply::NoError;
    QString errorString;       // QNetworkReply::errorString()
    QList<QSslError> sslErrors; // from QNetworkReply::sslErrors, if any
    QString host;               // for messages
    bool timedOut = false;      // we aborted it because its deadline passed
    bool cancelled = false;     // the caller cancelled it
    bool idle = false;          // we aborted a stream that stayed silent too long
};

// Qt's only signal of a refused stream is this code plus its (untranslated) text: Qt 6.4 maps
// several HTTP/2 error codes to ProtocolFailure and tells them apart by the message alone.
bool isRefusedStream(QNetworkReply::NetworkError code, const QString &errorString);

TransportFailure classifyNetworkFailure(const NetworkFailureInput &input);

// "certificate not trusted" vs "host name mismatch" (naming the host) vs expired …, translated.
QString describeTlsErrors(const QList<QSslError> &errors, const QString &host);

} // namespace fd::kube
