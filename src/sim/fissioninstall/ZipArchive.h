#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace fd::sim::fissioninstall {

// A minimal ZIP archive (stored entries, no compression), the form `fission package create
// --src` uploads: the demo's source packages are real archives a builder could unpack, and
// their text stays searchable (the simulator fails a build whose archive says so).
QByteArray zipArchive(const QList<std::pair<QString, QByteArray>> &files);

} // namespace fd::sim::fissioninstall
