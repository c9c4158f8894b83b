#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace fd::sim {

// One clause of an Accept header, e.g. `application/json;g=apidiscovery.k8s.io;v=v2`.
struct MediaRange {
    QString type;    // "application", "*"
    QString subType; // "json", "*"
    float q = 1.0f;
    QMap<QString, QString> params; // everything but q, values trimmed of spaces

    // True when this range admits `type/subType` (exact or by wildcard), as the apiserver matches.
    bool admits(const QString &mediaType, const QString &mediaSubType) const;
};

// Parses an Accept header the way kube-apiserver does (munnerz/goautoneg): clauses split on
// ',' and ';', no quoting, case kept, malformed clauses dropped, then ordered by q (high
// first) and wildcard-ness with Go's insertion sort, so ties keep the client's order.
// At most kMaxAcceptClauses clauses are read; the rest is ignored.
QList<MediaRange> parseAcceptHeader(const QByteArray &header);

inline constexpr int kMaxAcceptClauses = 64;

} // namespace fd::sim
