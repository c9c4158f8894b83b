#pragma once

#include "common/Expected.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

namespace fd::sim {
class ObjectService;
}

namespace fd::sim::fissioninstall {

// `fleet`: a big Fission 1.20 installation for benchmarks. The population is written
// straight into the store, complete with status (packages built, pods Running and Ready),
// so the cluster starts in seconds instead of growing it through controllers. The pods
// have no owners and are found already running by the kubelet, which takes them over
// without starting anything. The control plane's Deployments exist (watching every tenant
// namespace) but are scaled to zero unless `controlplane=1`: the simulated Fission
// components would otherwise start reconciling — and multiplying — the population.
struct FleetOptions {
    int tenants = 500;
    int environments = 2000;
    int packages = 10000;
    int functions = 10000;
    int pods = 20000;
    int triggers = 5000;     // HTTPTriggers
    int churn = 0;           // object events per second after start-up (0 = a still cluster)
    bool controlPlane = false;

    // "tenants=500,pods=20000,churn=50" (any subset; unknown keys and bad numbers fail).
    static Expected<FleetOptions, QString> parse(const QString &text);
    QString describe() const;
};

// Keeps the fleet moving: `churn` events per second, spread over pods (annotation bumps,
// the most common event a real cluster streams), Functions and Packages.
class FleetChurn : public QObject {
    Q_OBJECT
public:
    struct Target {
        QString storageKey;
        QString namespaceName;
        QString name;
    };

    FleetChurn(ObjectService *objects, std::vector<Target> targets, int eventsPerSecond, QObject *parent = nullptr);

    qint64 eventsWritten() const { return m_written; }

private:
    void tick();

    ObjectService *m_objects;
    std::vector<Target> m_targets;
    int m_perTick = 0;
    int m_remainder = 0;
    int m_fraction = 0;
    qint64 m_written = 0;
    size_t m_cursor = 0;
    QTimer m_timer;
};

// Installs CRDs, the release and the population. With churn > 0 a FleetChurn is created as
// a child of `owner` (the cluster), so it lives and dies with it.
Expected<void, QString> installFleet(ObjectService *objects, const FleetOptions &options, QObject *owner);

} // namespace fd::sim::fissioninstall
