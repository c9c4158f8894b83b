#pragma once

#include "common/Expected.h"

#include <QString>
#include <QStringList>

#include <functional>

// Finds the executable of an exec credential plugin. A desktop app started from a menu or
// the dock does not inherit the PATH of the user's shell, so `kubelogin`, `aws` or
// `gke-gcloud-auth-plugin` that work in a terminal are "not found" in the GUI. The lookup
// order is:
//   1. the per-context override path (a file, or a directory holding the command);
//   2. a command with a '/' is a path (the loader made it absolute against its kubeconfig);
//   3. this process' PATH;
//   4. the login shell's PATH (`$SHELL -lc 'printf …"$PATH"'`, run once, cached, timeout);
//   5. the usual install locations (~/.local/bin, ~/bin, /usr/local/bin, /opt/homebrew/bin,
//      ~/go/bin, ~/.krew/bin, /snap/bin, the Google Cloud SDK bin dirs, ~/.asdf/shims, …).
// The error names every path that was tried, and the plugin's installHint.
// resolve() may block (up to the login shell timeout, once per process): call it off the GUI
// thread.

namespace fd::kube {

struct CommandSearchPaths {
    QString pathVariable; // this process' PATH
    QString homeDir;
    QString shell;        // $SHELL (login shell to ask for its PATH); empty → none
    int loginShellTimeoutMs = 3000;
    // Returns the login shell's PATH entries; defaults to the cached query of `shell`.
    // Tests inject a fixed list (or an empty function to skip the step).
    std::function<QStringList()> loginShellPath;
    QStringList usualLocations; // defaults to ExecCommandResolver::defaultUsualLocations(homeDir)

    // From this process' environment (PATH, HOME, SHELL) with the default lookups.
    static CommandSearchPaths fromSystem();
};

struct ResolvedCommand {
    QString path;     // absolute path of the executable
    QString foundVia; // "override", "path", "PATH", "login shell PATH", "usual location"
    // PATH for the plugin's environment: this process' PATH, then the login shell's entries
    // and the command's own directory when they are missing (so a plugin can find the tools
    // it runs itself, e.g. `aws` needing python).
    QString childPathVariable;
};

class ExecCommandResolver {
public:
    explicit ExecCommandResolver(CommandSearchPaths paths = CommandSearchPaths::fromSystem());

    // error: a translated message naming the command, every path tried and the install hint.
    fd::Expected<ResolvedCommand, QString> resolve(const QString &command, const QString &overridePath = {},
                                                   const QString &installHint = {}) const;

    const CommandSearchPaths &searchPaths() const { return m_paths; }

    static QStringList defaultUsualLocations(const QString &homeDir);
    // Runs `shell -lc` and returns its PATH entries (empty on failure or timeout). No cache.
    static QStringList queryLoginShellPath(const QString &shell, int timeoutMs);
    // Process-wide cache of queryLoginShellPath (one query per shell).
    static QStringList cachedLoginShellPath(const QString &shell, int timeoutMs);
    static void clearLoginShellPathCache();

private:
    CommandSearchPaths m_paths;
};

} // namespace fd::kube
