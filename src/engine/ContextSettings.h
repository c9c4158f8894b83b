#pragma once

#include "common/Expected.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSettings;

namespace fd::engine {

// What the user set for one kubeconfig context (issue 4: "let the user set it per context").
// Only paths, namespace names and a flag: never a server, user name, token or other credential.
struct ContextSettings {
    // The exec credential plugin to run instead of looking the command up (a file, or a directory
    // holding the command); empty → ExecCommandResolver searches PATH, the login shell's PATH and
    // the usual locations.
    QString execCommandOverride;
    // Watched when the user's RBAC can neither list a kind cluster-wide nor list namespaces, in
    // addition to the context's namespace (InformerScopeSettings::namespaces). DNS-1123 labels.
    QStringList namespaces;
    // Left out of the tree and not connected (the Engine stops its session).
    bool hidden = false;

    bool operator==(const ContextSettings &other) const = default;
};

// Reads and writes ContextSettings in QSettings, keyed by context name:
//   contexts/<percent-encoded name>/execCommand, …/namespaces   (a context name may hold '/')
//   clusters/hidden                                             (sorted list of context names,
//                                                                shared with ui::ClusterVisibility)
// Nothing is cached: every read asks QSettings, so writers elsewhere in the process (the View →
// Clusters menu) are seen at once. Lives on the GUI thread.
class ContextSettingsStore : public QObject
{
    Q_OBJECT

public:
    // The application's settings (QSettings()).
    explicit ContextSettingsStore(QObject *parent = nullptr);
    // An ini file (tests, or a portable install).
    explicit ContextSettingsStore(const QString &iniFile, QObject *parent = nullptr);
    ~ContextSettingsStore() override;

    ContextSettings settings(const QString &contextName) const;
    // Validates (see validated()), saves, and emits settingsChanged when something changed.
    // On error nothing is saved; the message is translated.
    Expected<void, QString> setSettings(const QString &contextName, const ContextSettings &settings);
    bool isHidden(const QString &contextName) const;
    void setHidden(const QString &contextName, bool hidden);
    QStringList hiddenContexts() const;
    // Every context with an exec plugin override, for LoadOptions::execCommandOverrides.
    QHash<QString, QString> execCommandOverrides() const;

    // Trimmed, empty lines dropped, duplicates removed (first kept), each name a DNS-1123 label;
    // else a translated message naming the first bad entry.
    static Expected<ContextSettings, QString> validated(ContextSettings settings);
    // Why `name` is not a valid namespace name (translated), or nullopt when it is one.
    static std::optional<QString> namespaceProblem(const QString &name);

Q_SIGNALS:
    void settingsChanged(const QString &contextName);

private:
    std::unique_ptr<QSettings> open() const;

    QString m_iniFile;
};

} // namespace fd::engine
