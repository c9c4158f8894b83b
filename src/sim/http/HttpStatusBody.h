#pragma once

#include <QByteArray>
#include <QString>

namespace fd::sim {

// The JSON body kube-apiserver sends with an error: a meta/v1 Status of status Failure.
// Used for errors the HTTP layer itself detects (400 malformed request, 413 body too large).
QByteArray failureStatusBody(int code, const QByteArray &reason, const QString &message);

// kube-apiserver's wording for a request body over its limit.
QString requestTooLargeMessage(qint64 limitBytes);

} // namespace fd::sim
