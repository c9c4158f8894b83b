#include "sim/api/RequestInfo.h"

namespace fd::sim {

RequestInfo RequestInfo::parse(const QByteArray &method, const QString &path, bool watchParam)
{
    RequestInfo info;
    info.path = path;
    info.verb = QString::fromLatin1(method).toLower();
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 2 || (parts.first() != QLatin1String("api") && parts.first() != QLatin1String("apis")))
        return info;
    info.apiPrefix = parts.takeFirst();
    if (info.apiPrefix == QLatin1String("api")) {
        info.version = parts.takeFirst();
    } else {
        info.group = parts.takeFirst();
        if (parts.isEmpty())
            return info; // /apis/<group>: group discovery
        info.version = parts.takeFirst();
    }
    if (parts.isEmpty())
        return info; // group-version discovery
    info.isResourceRequest = true;
    bool legacyWatch = false;
    if (parts.first() == QLatin1String("watch")) {
        // The deprecated /watch/ path prefix.
        parts.removeFirst();
        legacyWatch = true;
    }
    if (parts.size() >= 2 && parts.first() == QLatin1String("namespaces")) {
        // /namespaces/<ns> is the Namespace itself unless more follows that is not its own
        // subresource (status, finalize).
        if (parts.size() == 2 || (parts.size() == 3 && (parts.at(2) == QLatin1String("status")
                                                         || parts.at(2) == QLatin1String("finalize")))) {
            info.resource = QStringLiteral("namespaces");
            info.name = parts.at(1);
            info.namespaceName = parts.at(1);
            if (parts.size() == 3)
                info.subresource = parts.at(2);
            parts.clear();
        } else {
            info.namespaceName = parts.at(1);
            parts = parts.mid(2);
        }
    }
    if (!parts.isEmpty()) {
        info.resource = parts.value(0);
        info.name = parts.value(1);
        info.subresource = parts.value(2);
        if (info.subresource == QLatin1String("proxy")) {
            const QString prefix = QLatin1Char('/') + parts.mid(0, 3).join(QLatin1Char('/'));
            const qsizetype at = path.indexOf(prefix);
            info.proxyRemainder = at >= 0 ? path.mid(at + prefix.size()) : QString();
            if (info.proxyRemainder.isEmpty())
                info.proxyRemainder = QStringLiteral("/");
        } else if (parts.size() > 3) {
            info.isResourceRequest = false; // deeper paths are not served
            return info;
        }
    }
    const QString method_ = info.verb;
    if (method_ == QLatin1String("get") || method_ == QLatin1String("head")) {
        if (legacyWatch || (watchParam && info.subresource.isEmpty()))
            info.verb = QStringLiteral("watch");
        else
            info.verb = info.name.isEmpty() ? QStringLiteral("list") : QStringLiteral("get");
    } else if (method_ == QLatin1String("post")) {
        info.verb = QStringLiteral("create");
    } else if (method_ == QLatin1String("put")) {
        info.verb = QStringLiteral("update");
    } else if (method_ == QLatin1String("patch")) {
        info.verb = QStringLiteral("patch");
    } else if (method_ == QLatin1String("delete")) {
        info.verb = info.name.isEmpty() ? QStringLiteral("deletecollection") : QStringLiteral("delete");
    }
    return info;
}

} // namespace fd::sim
