#pragma once

#include "sim/cluster/SimHost.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace fd::test {

struct CommandResult {
    int exitCode = -1;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    QString describe() const;
};

// A simulated cluster plus what real clients need to use it: a kubeconfig file, an empty
// HOME and discovery cache per test run, and a way to run kubectl/helm against it.
class RefereeHarness {
public:
    explicit RefereeHarness(bool tls = false);
    ~RefereeHarness();

    bool start(QString *error);
    fd::sim::SimHost &host() { return *m_host; }
    QString kubeconfigPath() const;
    QString workDir() const { return m_dir.path(); }

    CommandResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000,
                      const QByteArray &input = {}) const;
    // Starts a long-running client (kubectl get -w, logs -f); the caller owns and kills it.
    QProcess *startBackground(const QString &program, const QStringList &arguments) const;
    QProcessEnvironment environment() const;
    // Writes a file into the work directory and returns its path.
    QString writeFile(const QString &name, const QByteArray &content) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<fd::sim::SimHost> m_host;
};

} // namespace fd::test
