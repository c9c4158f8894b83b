#pragma once

#include "kube/config/Kubeconfig.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

// Reads kubeconfig files exactly as kubectl picks and merges them (client-go
// clientcmd/loader.go; kube-protocol.md §1), and resolves every context:
//
//  - files: `explicitFile` (--kubeconfig) alone, which must exist; else KUBECONFIG split on
//    ':' (';' on Windows), de-duplicated, missing files skipped; else ~/.kube/config;
//  - merge: for clusters/users/contexts the first file that defines a name wins the whole
//    entry; current-context and preferences: first non-empty value;
//  - relative certificate-authority, client-certificate, client-key, tokenFile, and
//    exec.command when it contains a '/', resolve against the defining file's directory;
//  - namespace: override → context namespace → "default";
//  - validation as clientcmd/validation.go, plus the TLS rules of client-go's transport
//    (no CA together with insecure-skip-tls-verify; certificate/key PEM must parse and match),
//    and exec plugin lookup (the command must be found, see ExecCommandResolver).
//
// Unlike kubectl, a broken entry does not fail the load: it carries a ConfigProblem naming the
// file, line, entry (`users[2] "alice"`) and field, and every other context still loads. A YAML
// syntax error keeps everything the parser read before it.
//
// Files are only read, never written. load() does file I/O and may run the login shell once to
// find exec plugins (ExecCommandResolver): call it off the GUI thread, or use loadAsync().

namespace fd::kube {

class ExecCommandResolver;

struct LoadOptions {
    QString explicitFile;                 // --kubeconfig FILE
    std::optional<QString> kubeconfigEnv; // KUBECONFIG; nullopt → this process' environment
    QString homeDir;                      // for ~/.kube/config; empty → $HOME
    QString namespaceOverride;            // --namespace
    QString contextOverride;              // --context: becomes the current context
    // Per-context exec plugin path overrides (settings): context name → file or directory.
    QHash<QString, QString> execCommandOverrides;
    // Check that exec plugin commands exist (may query the login shell once, cached).
    bool checkExecCommands = true;
    std::shared_ptr<const ExecCommandResolver> commandResolver; // null → system default
    QDateTime now;                        // for certificate expiry warnings; invalid → current time
    qint64 maxFileSize = 64 * 1024 * 1024;
};

class KubeconfigLoader {
public:
    static KubeconfigSet load(const LoadOptions &options);
    // Runs load() on the global thread pool.
    static QFuture<KubeconfigSet> loadAsync(const LoadOptions &options);

    // The files kubectl would read, in merge order (existing or not), and whether the list
    // came from --kubeconfig, KUBECONFIG or the home default.
    enum class Source { ExplicitFile, Environment, HomeDefault };
    static QStringList candidateFiles(const LoadOptions &options, Source *source = nullptr);

    // DNS-1123 label (what a context namespace must be).
    static bool isDns1123Label(const QString &value);
};

} // namespace fd::kube
