#pragma once

#include "sim/controllers/SimTiming.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fd::sim {

// What the simulated kubelet knows about a container instance it is about to start.
struct ContainerContext {
    QString namespaceName;
    QString podName;
    QString podUid;
    QString containerName;
    QString image;
    QJsonObject container;   // the container's spec
    QJsonObject pod;         // the pod as last seen
    QString restartPolicy;   // Always | OnFailure | Never
    bool initContainer = false;
    int restartCount = 0;    // instances that ran before this one
};

// How one container instance behaves. The kubelet turns it into container states,
// LogStore lines and events.
struct ContainerPlan {
    // Set: the image cannot be pulled; the text is the runtime's error (ErrImagePull),
    // the container never starts and the kubelet backs off (ImagePullBackOff).
    std::optional<QString> pullError;
    QList<QByteArray> startupLines;          // logged when the instance starts
    int periodicIntervalMs = 0;              // > 0: periodicLine(n) is logged every interval
    std::function<QByteArray(int tick)> periodicLine;
    std::optional<int> readyAfterMs;         // unset: probe present ? timing.containerReadyDelayMs : 0
    std::optional<int> exitCode;             // unset: runs until the pod is deleted
    int exitAfterMs = 0;
    QList<QByteArray> exitLines;             // logged just before the exit
    int terminationExitCode = 0;             // exit code when the kubelet stops it (SIGTERM)
};

// A behaviour hook (the Fission simulator registers its own for its images).
class ContainerBehavior {
public:
    virtual ~ContainerBehavior() = default;
    virtual ContainerPlan plan(const ContainerContext &context, const SimTiming &timing) const = 0;
};

// Behaviours by image predicate; the latest registration that matches wins, so later
// registrations override the built-ins:
//   default            start line, runs forever (restartPolicy Always) or exits 0 after
//                      timing.jobRunTimeMs (OnFailure/Never, and init containers)
//   *does-not-exist*   ErrImagePull / ImagePullBackOff
//   *crashloop*        exits 1 after timing.crashAfterMs (CrashLoopBackOff under Always)
class ContainerBehaviors {
public:
    using ImagePredicate = std::function<bool(const QString &image)>;

    ContainerBehaviors();

    void add(ImagePredicate predicate, std::shared_ptr<const ContainerBehavior> behavior);
    ContainerPlan planFor(const ContainerContext &context, const SimTiming &timing) const;

    // The built-in default, for behaviours that only want to decorate it.
    static ContainerPlan defaultPlan(const ContainerContext &context, const SimTiming &timing);

private:
    struct Entry {
        ImagePredicate predicate;
        std::shared_ptr<const ContainerBehavior> behavior;
    };
    std::vector<Entry> m_entries;
};

// "nginx" -> "docker.io/library/nginx:latest", as containerd reports images.
QString normalizedImageName(const QString &image);

} // namespace fd::sim
