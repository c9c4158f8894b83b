#include "sim/schema/CatalogSnapshot.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace fd::sim {

namespace {

struct KubeVersion {
    int major = 0;
    int stability = 0; // 0 alpha, 1 beta, 2 GA: a higher number wins
    int minor = 0;
};

std::optional<KubeVersion> parseKubeVersion(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^v(\\d+)(?:(alpha|beta)(\\d+))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    KubeVersion version;
    version.major = match.captured(1).toInt(&ok);
    if (!ok)
        return std::nullopt;
    const QString stability = match.captured(2);
    version.stability = stability.isEmpty() ? 2 : (stability == QLatin1String("beta") ? 1 : 0);
    if (!stability.isEmpty()) {
        version.minor = match.captured(3).toInt(&ok);
        if (!ok)
            return std::nullopt;
    }
    return version;
}

} // namespace

int compareKubeAwareVersions(const QString &a, const QString &b)
{
    if (a == b)
        return 0;
    const std::optional<KubeVersion> left = parseKubeVersion(a);
    const std::optional<KubeVersion> right = parseKubeVersion(b);
    if (!left && !right)
        return QString::compare(b, a) < 0 ? -1 : 1; // other names: alphabetical order first
    if (!left)
        return -1;
    if (!right)
        return 1;
    if (left->stability != right->stability)
        return left->stability - right->stability;
    if (left->major != right->major)
        return left->major - right->major;
    return left->minor - right->minor;
}

QStringList CatalogSnapshot::groups() const
{
    QSet<QString> present;
    for (const ResourceType &type : types)
        present.insert(type.group);
    QStringList ordered;
    for (const QString &group : groupOrder) {
        if (present.contains(group) && !ordered.contains(group))
            ordered << group;
    }
    QStringList rest;
    for (const QString &group : std::as_const(present)) {
        if (!ordered.contains(group))
            rest << group;
    }
    rest.sort();
    return ordered + rest;
}

QStringList CatalogSnapshot::versionsOf(const QString &group) const
{
    // A version counts as preferred when any type served there is marked preferred.
    QStringList preferred;
    QStringList others;
    for (const ResourceType &type : types) {
        if (type.group == group && type.preferred && !preferred.contains(type.version))
            preferred << type.version;
    }
    for (const ResourceType &type : types) {
        if (type.group == group && !preferred.contains(type.version) && !others.contains(type.version))
            others << type.version;
    }
    const auto byPriority = [](const QString &a, const QString &b) { return compareKubeAwareVersions(a, b) > 0; };
    std::stable_sort(preferred.begin(), preferred.end(), byPriority);
    std::stable_sort(others.begin(), others.end(), byPriority);
    return preferred + others;
}

QList<ResourceType> CatalogSnapshot::typesAt(const QString &group, const QString &version) const
{
    QList<ResourceType> result;
    for (const ResourceType &type : types) {
        if (type.group == group && type.version == version)
            result << type;
    }
    return result;
}

} // namespace fd::sim
