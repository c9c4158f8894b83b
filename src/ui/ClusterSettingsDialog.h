#pragma once

#include "engine/ContextSettings.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace fd {
namespace engine {
class Engine;
}
namespace kube {
class ExecCommandResolver;
}
} // namespace fd

namespace fd {
namespace ui {

class MainWindow;

// What the dialog shows besides the settings themselves.
struct ClusterSettingsInput {
    QString contextName;
    QString contextNamespace; // always watched; empty for clusters without a kubeconfig context
    QString execCommand;      // the kubeconfig's exec plugin command; empty → the user has none
    QString installHint;
    QString scopeNote;        // the session's current "why only these namespaces", if any
    fd::engine::ContextSettings settings;
};

// "Cluster settings…": the exec plugin path (with a file picker, and what the resolver finds with
// it right now and how, or every path it tried), the namespaces to watch when the user's RBAC
// cannot list namespaces (one per line, checked as you type), and "hide". OK validates: on an
// error the dialog stays open with the input as typed and says what is wrong.
class ClusterSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `resolver`: null → the system's (PATH, login shell PATH, usual locations).
    ClusterSettingsDialog(ClusterSettingsInput input, std::shared_ptr<const fd::kube::ExecCommandResolver> resolver,
                          QWidget *parent = nullptr);
    ~ClusterSettingsDialog() override;

    // The validated settings (after accept()), or what the fields hold now.
    fd::engine::ContextSettings settings() const;
    QString contextName() const { return m_input.contextName; }

    QLineEdit *execPathEdit() const { return m_execPath; }
    QPlainTextEdit *namespacesEdit() const { return m_namespaces; }
    QCheckBox *hideBox() const { return m_hide; }
    QLabel *resolverLabel() const { return m_resolverStatus; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

Q_SIGNALS:
    // The resolver's answer for the current path is shown (tests wait for it).
    void resolverChecked();

private:
    void checkResolver();
    void validateAsYouType();
    fd::engine::ContextSettings fromFields() const;

    ClusterSettingsInput m_input;
    std::shared_ptr<const fd::kube::ExecCommandResolver> m_resolver;
    QLineEdit *m_execPath = nullptr;
    QLabel *m_resolverStatus = nullptr;
    QPlainTextEdit *m_namespaces = nullptr;
    QCheckBox *m_hide = nullptr;
    QLabel *m_error = nullptr;
    quint64 m_check = 0; // drops answers for paths typed over meanwhile
    fd::engine::ContextSettings m_accepted;
    bool m_isAccepted = false;
};

// Opens the dialog for the window's "Cluster settings…" and applies what the user accepts: the
// hidden flag through the window (tree and View menu follow), the rest through the engine's
// ContextSettingsStore (the engine reconnects the session). Also tells the engine when the View
// menu hides or shows a cluster, so a hidden cluster does not connect.
class ClusterSettingsController : public QObject
{
    Q_OBJECT
public:
    ClusterSettingsController(MainWindow *window, fd::engine::Engine *engine,
                              std::shared_ptr<const fd::kube::ExecCommandResolver> resolver = {});

    // Opens (window-modal, deleted on close) the dialog for a context; null for an unknown one.
    ClusterSettingsDialog *open(const QString &contextName);

private:
    void apply(const QString &contextName, const fd::engine::ContextSettings &settings);

    QPointer<MainWindow> m_window;
    fd::engine::Engine *m_engine;
    std::shared_ptr<const fd::kube::ExecCommandResolver> m_resolver;
};

} // namespace ui
} // namespace fd
