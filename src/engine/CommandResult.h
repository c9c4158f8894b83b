#pragma once

#include "kube/core/KubeError.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace fd::engine {

// The answer to one command of a ClusterSession (GUI thread API, work on the session thread).
// A failed command keeps what the user sent in `object` where there was one (a 409 on replace),
// so no form input is lost.
struct CommandResult {
    bool ok = false;
    QString message; // translated: what happened, or what went wrong and what to do
    std::optional<fd::kube::KubeError> error;
    QJsonObject object; // the server's object on success; the user's object on a conflict

    static CommandResult success(const QString &message, const QJsonObject &object = {})
    {
        return CommandResult{true, message, std::nullopt, object};
    }
    static CommandResult failure(const QString &message, const std::optional<fd::kube::KubeError> &error = std::nullopt,
                                 const QJsonObject &object = {})
    {
        return CommandResult{false, message, error, object};
    }
};

} // namespace fd::engine

Q_DECLARE_METATYPE(fd::engine::CommandResult)
