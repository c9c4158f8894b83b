#include "engine/ClusterSnapshot.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace fd::engine {

QString connectionStateId(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return u"connecting"_s;
    case ConnectionState::Syncing:
        return u"syncing"_s;
    case ConnectionState::Live:
        return u"live"_s;
    case ConnectionState::Reconnecting:
        return u"reconnecting"_s;
    case ConnectionState::Failed:
        return u"failed"_s;
    }
    return u"connecting"_s;
}

QString connectionStateDisplay(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return QCoreApplication::translate("fd::engine", "Connecting");
    case ConnectionState::Syncing:
        return QCoreApplication::translate("fd::engine", "Syncing");
    case ConnectionState::Live:
        return QCoreApplication::translate("fd::engine", "Live");
    case ConnectionState::Reconnecting:
        return QCoreApplication::translate("fd::engine", "Reconnecting");
    case ConnectionState::Failed:
        return QCoreApplication::translate("fd::engine", "Failed");
    }
    return {};
}

} // namespace fd::engine
