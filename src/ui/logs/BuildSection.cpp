#include "ui/logs/BuildSection.h"

#include "ui/logs/LogLineStore.h"

namespace fd::ui {

BuildSectionMarker::BuildSectionMarker(QString packageName) : m_package(std::move(packageName)) {}

QString BuildSectionMarker::requestedPackageFile(QByteArrayView utf8)
{
    if (!utf8.contains("builder received request"))
        return {};
    // "srcPkgFilename":"name-abc123" (zap's JSON; a space after the colon is tolerated).
    constexpr QByteArrayView key = "\"srcPkgFilename\"";
    qsizetype at = utf8.indexOf(key);
    if (at < 0)
        return {};
    at += key.size();
    while (at < utf8.size() && (utf8[at] == ':' || utf8[at] == ' '))
        ++at;
    if (at >= utf8.size() || utf8[at] != '"')
        return {};
    const qsizetype end = utf8.indexOf('"', at + 1);
    if (end < 0)
        return {};
    return QString::fromUtf8(utf8.sliced(at + 1, end - at - 1));
}

quint8 BuildSectionMarker::mark(quint16 source, QByteArrayView utf8)
{
    StreamState &state = m_streams[source];
    if (utf8.startsWith("========= START")) {
        state.inSection = state.ours;
        return LogLineStore::BuildMarker | (state.ours ? LogLineStore::BuildSection : 0);
    }
    if (utf8.startsWith("========= END")) {
        const bool wasIn = state.inSection;
        state.inSection = false;
        return LogLineStore::BuildMarker | (wasIn ? LogLineStore::BuildSection : 0);
    }
    if (state.inSection)
        return LogLineStore::BuildSection;
    const QString file = requestedPackageFile(utf8);
    if (!file.isEmpty()) {
        // The fetcher names the source archive "<package>-<6 random letters>".
        state.ours = file == m_package || (file.startsWith(m_package) && file.size() == m_package.size() + 7
                                           && file.at(m_package.size()) == u'-');
    }
    return 0;
}

} // namespace fd::ui
