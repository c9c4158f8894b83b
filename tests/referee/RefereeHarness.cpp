#include "RefereeHarness.h"

#include "sim/cluster/KubeconfigWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace fd::test {

QString CommandResult::describe() const
{
    return QStringLiteral("exit %1%2\nstdout:\n%3\nstderr:\n%4")
        .arg(exitCode)
        .arg(timedOut ? QStringLiteral(" (timed out)") : QString())
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

RefereeHarness::RefereeHarness(bool tls)
{
    fd::sim::SimClusterOptions options;
    options.name = QStringLiteral("referee");
    options.tls = tls;
    m_host = std::make_unique<fd::sim::SimHost>(options);
}

RefereeHarness::~RefereeHarness() = default;

bool RefereeHarness::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    auto started = m_host->start();
    if (!started) {
        *error = started.error();
        return false;
    }
    const QByteArray kubeconfig = fd::sim::writeKubeconfig(
        {{QStringLiteral("referee"), m_host->url(), m_host->caCertificatePem(), m_host->users()}});
    writeFile(QStringLiteral("kubeconfig"), kubeconfig);
    QDir(m_dir.path()).mkpath(QStringLiteral("home"));
    QDir(m_dir.path()).mkpath(QStringLiteral("cache"));
    return true;
}

QString RefereeHarness::kubeconfigPath() const
{
    return m_dir.filePath(QStringLiteral("kubeconfig"));
}

QString RefereeHarness::writeFile(const QString &name, const QByteArray &content) const
{
    QFile file(m_dir.filePath(name));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
    return file.fileName();
}

QProcessEnvironment RefereeHarness::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfigPath());
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("KUBECACHEDIR"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("HELM_CACHE_HOME"), m_dir.filePath(QStringLiteral("home/.cache/helm")));
    env.insert(QStringLiteral("HELM_CONFIG_HOME"), m_dir.filePath(QStringLiteral("home/.config/helm")));
    env.insert(QStringLiteral("HELM_DATA_HOME"), m_dir.filePath(QStringLiteral("home/.local/share/helm")));
    env.insert(QStringLiteral("KUBECTL_COMMAND_HEADERS"), QStringLiteral("false"));
    env.remove(QStringLiteral("KUBERNETES_SERVICE_HOST"));
    return env;
}

CommandResult RefereeHarness::run(const QString &program, const QStringList &arguments, int timeoutMs,
                                  const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_dir.path());
    process.start(program, arguments);
    CommandResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QProcess *RefereeHarness::startBackground(const QString &program, const QStringList &arguments) const
{
    auto *process = new QProcess;
    process->setProcessEnvironment(environment());
    process->setWorkingDirectory(m_dir.path());
    process->start(program, arguments);
    process->waitForStarted(10000);
    return process;
}

} // namespace fd::test
