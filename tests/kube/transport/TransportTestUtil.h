#pragma once

#include "SimTestClient.h"

#include "kube/config/Kubeconfig.h"
#include "kube/transport/KubeRequest.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>

namespace fd::kube {
class KubeSession;
class RestClient;
} // namespace fd::kube

// Helpers for the transport tests: an in-process emulator (HTTP or TLS), kubeconfig values that
// point at it, and blocking waits that keep the test thread's event loop running.

namespace fd::test {

std::unique_ptr<SimTestCluster> startSim(bool tls, fd::sim::SimClusterOptions options = {});

// The emulator as a kubeconfig cluster entry (with its CA when it speaks TLS).
fd::kube::ResolvedCluster simCluster(SimTestCluster &sim);
// A token user (`viewer`, `developer`, or `admin` over HTTP).
fd::kube::ResolvedUser tokenUser(SimTestCluster &sim, const QString &user);
// The `admin` client-certificate user (TLS only).
fd::kube::ResolvedUser certificateUser(SimTestCluster &sim);

std::unique_ptr<fd::kube::KubeSession> makeSession(SimTestCluster &sim, const fd::kube::ResolvedUser &user);

// Sends one call and spins the event loop until it is done (or `timeoutMs` passed: Timeout).
fd::kube::KubeResult call(fd::kube::RestClient *client, const fd::kube::KubeRequest &request, int timeoutMs = 60'000);
fd::kube::KubeResult get(fd::kube::RestClient *client, const QString &path);
fd::kube::KubeResult postJson(fd::kube::RestClient *client, const QString &path, const QJsonObject &object);

// Spins the event loop until `done` or the timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 30'000);

// Runs `work` on the emulator's thread (fault knobs, logs, tokens).
void onSim(SimTestCluster &sim, const std::function<void(fd::sim::SimCluster &)> &work);

QJsonObject configMap(const QString &name, const QJsonObject &data = {});
// CRD widgets.example.fission-desk.io (kind Widget, namespaced, v1, spec.size, /status).
QJsonObject widgetCrd();
// Creates it and waits until the server serves the group-version.
bool installWidgetCrd(fd::kube::RestClient *client);
QString errorText(const fd::kube::KubeResult &result);

} // namespace fd::test
