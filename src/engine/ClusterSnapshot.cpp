#include "engine/ClusterSnapshot.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace fd::engine {

std::shared_ptr<ClusterSnapshot> makeClusterSnapshot()
{
    return std::shared_ptr<ClusterSnapshot>(new ClusterSnapshot, [](ClusterSnapshot *snapshot) {
        const QCoreApplication *app = QCoreApplication::instance();
        if (app && QThread::currentThread() == app->thread()) {
            // The application's destructor waits for the global pool: nothing is leaked.
            QThreadPool::globalInstance()->start([snapshot] { delete snapshot; });
            return;
        }
        delete snapshot;
    });
}

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
