#include "ClusterSettingsDialog.h"

#include "MainWindow.h"
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "kube/config/ExecCommandResolver.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {

using Resolved = fd::Expected<fd::kube::ResolvedCommand, QString>;

// ExecCommandResolver names its steps with fixed ids; the user reads them translated.
QString foundViaText(const QString &via)
{
    if (via == u"override")
        return ClusterSettingsDialog::tr("the path set here");
    if (via == u"path")
        return ClusterSettingsDialog::tr("the kubeconfig's path");
    if (via == u"PATH")
        return ClusterSettingsDialog::tr("PATH");
    if (via == u"login shell PATH")
        return ClusterSettingsDialog::tr("login shell PATH");
    if (via == u"usual location")
        return ClusterSettingsDialog::tr("a usual install location");
    return via;
}

QStringList lines(const QPlainTextEdit *edit)
{
    return edit->toPlainText().split(u'\n');
}

} // namespace

ClusterSettingsDialog::ClusterSettingsDialog(ClusterSettingsInput input,
                                             std::shared_ptr<const fd::kube::ExecCommandResolver> resolver, QWidget *parent)
    : QDialog(parent), m_input(std::move(input)), m_resolver(std::move(resolver))
{
    if (!m_resolver)
        m_resolver = std::make_shared<const fd::kube::ExecCommandResolver>();
    setObjectName(u"clusterSettingsDialog"_s);
    setWindowTitle(tr("Cluster settings — %1").arg(m_input.contextName));

    // Exec credential plugin.
    auto *execGroup = new QGroupBox(tr("Exec credential plugin"), this);
    m_execPath = new QLineEdit(m_input.settings.execCommandOverride, execGroup);
    m_execPath->setObjectName(u"execPathEdit"_s);
    m_execPath->setPlaceholderText(tr("Found automatically"));
    m_execPath->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), execGroup);
    browse->setObjectName(u"browseButton"_s);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_execPath, 1);
    pathRow->addWidget(browse);
    auto *command = new QLabel(execGroup);
    command->setWordWrap(true);
    m_resolverStatus = new QLabel(execGroup);
    m_resolverStatus->setObjectName(u"resolverStatus"_s);
    m_resolverStatus->setWordWrap(true);
    m_resolverStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *execLayout = new QVBoxLayout(execGroup);
    execLayout->addWidget(command);
    execLayout->addLayout(pathRow);
    execLayout->addWidget(m_resolverStatus);
    if (m_input.execCommand.isEmpty()) {
        command->setText(tr("This context's user does not use an exec credential plugin."));
        m_execPath->setEnabled(false);
        browse->setEnabled(false);
        m_resolverStatus->hide();
    } else {
        command->setText(tr("The kubeconfig runs \"%1\". A desktop app may not see your shell's PATH: set the plugin's "
                            "file (or its directory) here when it is not found.")
                             .arg(m_input.execCommand));
    }

    // Namespaces.
    auto *namespaceGroup = new QGroupBox(tr("Namespaces to watch"), this);
    auto *explain = new QLabel(namespaceGroup);
    explain->setWordWrap(true);
    explain->setText(m_input.contextNamespace.isEmpty()
                         ? tr("Used when your permissions allow neither listing a kind in all namespaces nor listing "
                              "namespaces. One namespace per line.")
                         : tr("Used when your permissions allow neither listing a kind in all namespaces nor listing "
                              "namespaces. The context's namespace (%1) is always watched. One namespace per line.")
                               .arg(m_input.contextNamespace));
    m_namespaces = new QPlainTextEdit(namespaceGroup);
    m_namespaces->setObjectName(u"namespacesEdit"_s);
    m_namespaces->setPlainText(m_input.settings.namespaces.join(u'\n'));
    m_namespaces->setTabChangesFocus(true);
    m_namespaces->setPlaceholderText(tr("team-a\nteam-b"));
    m_namespaces->setMinimumHeight(90);
    auto *namespaceLayout = new QVBoxLayout(namespaceGroup);
    namespaceLayout->addWidget(explain);
    namespaceLayout->addWidget(m_namespaces);
    if (!m_input.scopeNote.isEmpty()) {
        auto *now = new QLabel(tr("Now: %1").arg(m_input.scopeNote), namespaceGroup);
        now->setObjectName(u"scopeNote"_s);
        now->setWordWrap(true);
        namespaceLayout->addWidget(now);
    }

    m_hide = new QCheckBox(tr("&Hide this cluster (it is not connected while hidden)"), this);
    m_hide->setObjectName(u"hideBox"_s);
    m_hide->setChecked(m_input.settings.hidden);

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();

    auto *privacy = new QLabel(tr("Kept in Fission Desk's settings under the context name. No credential is stored; the "
                                  "kubeconfig is never changed."),
                               this);
    privacy->setWordWrap(true);
    privacy->setEnabled(false); // the muted look of a footnote

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClusterSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClusterSettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(execGroup);
    layout->addWidget(namespaceGroup, 1);
    layout->addWidget(m_hide);
    layout->addWidget(m_error);
    layout->addWidget(privacy);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString start = m_execPath->text().isEmpty() ? QString() : QFileInfo(m_execPath->text()).absolutePath();
        const QString file = QFileDialog::getOpenFileName(this, tr("Exec credential plugin"), start);
        if (!file.isEmpty())
            m_execPath->setText(file);
    });
    connect(m_execPath, &QLineEdit::textChanged, this, [this] {
        checkResolver();
        validateAsYouType();
    });
    connect(m_namespaces, &QPlainTextEdit::textChanged, this, &ClusterSettingsDialog::validateAsYouType);
    checkResolver();
}

ClusterSettingsDialog::~ClusterSettingsDialog() = default;

void ClusterSettingsDialog::checkResolver()
{
    if (m_input.execCommand.isEmpty())
        return;
    const quint64 check = ++m_check;
    m_resolverStatus->setText(tr("Looking for \"%1\"…").arg(m_input.execCommand));
    // resolve() may run the login shell (once per process, with a timeout): off the GUI thread.
    auto *watcher = new QFutureWatcher<Resolved>(this);
    connect(watcher, &QFutureWatcher<Resolved>::finished, this, [this, watcher, check] {
        watcher->deleteLater();
        if (check != m_check)
            return;
        const Resolved resolved = watcher->result();
        if (resolved)
            m_resolverStatus->setText(tr("Found via %1: %2").arg(foundViaText(resolved->foundVia), resolved->path));
        else
            m_resolverStatus->setText(tr("Not found. %1").arg(resolved.error()));
        Q_EMIT resolverChecked();
    });
    watcher->setFuture(QtConcurrent::run([resolver = m_resolver, command = m_input.execCommand,
                                          path = m_execPath->text().trimmed(), hint = m_input.installHint] {
        return resolver->resolve(command, path, hint);
    }));
}

fd::engine::ContextSettings ClusterSettingsDialog::fromFields() const
{
    fd::engine::ContextSettings settings;
    settings.execCommandOverride = m_execPath->text();
    settings.namespaces = lines(m_namespaces);
    settings.hidden = m_hide->isChecked();
    return settings;
}

fd::engine::ContextSettings ClusterSettingsDialog::settings() const
{
    return m_isAccepted ? m_accepted : fromFields();
}

void ClusterSettingsDialog::validateAsYouType()
{
    // Namespace names as typed; the path only when OK is pressed (it may be half typed).
    QString problem;
    for (const QString &line : lines(m_namespaces)) {
        const QString name = line.trimmed();
        if (name.isEmpty())
            continue;
        if (const auto p = fd::engine::ContextSettingsStore::namespaceProblem(name)) {
            problem = *p;
            break;
        }
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
}

void ClusterSettingsDialog::accept()
{
    const auto valid = fd::engine::ContextSettingsStore::validated(fromFields());
    if (!valid) {
        // Keep everything as typed; say what is wrong.
        m_error->setText(valid.error());
        m_error->show();
        return;
    }
    m_accepted = *valid;
    m_isAccepted = true;
    QDialog::accept();
}

ClusterSettingsController::ClusterSettingsController(MainWindow *window, fd::engine::Engine *engine,
                                                     std::shared_ptr<const fd::kube::ExecCommandResolver> resolver)
    : QObject(window), m_window(window), m_engine(engine), m_resolver(std::move(resolver))
{
    connect(window, &MainWindow::clusterSettingsRequested, this, [this](const QString &context) { open(context); });
    connect(window, &MainWindow::clusterHiddenChanged, this,
            [this](const QString &context) { m_engine->applyContextSettings(context); });
}

ClusterSettingsDialog *ClusterSettingsController::open(const QString &contextName)
{
    fd::engine::ClusterSession *session = m_engine->session(contextName);
    if (!session || !m_window)
        return nullptr;
    ClusterSettingsInput input;
    input.contextName = contextName;
    input.settings = m_engine->contextSettings()->settings(contextName);
    input.scopeNote = session->snapshot()->scopeNote;
    if (const fd::kube::ContextEntry *context = m_engine->kubeconfig().context(contextName)) {
        input.contextNamespace = context->namespaceName;
        if (context->user && context->user->exec) {
            input.execCommand = context->user->exec->command;
            input.installHint = context->user->exec->installHint;
        }
    } else {
        input.contextNamespace = u"default"_s; // the demo clusters
    }
    auto *dialog = new ClusterSettingsDialog(input, m_resolver, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { apply(dialog->contextName(), dialog->settings()); });
    dialog->open();
    return dialog;
}

void ClusterSettingsController::apply(const QString &contextName, const fd::engine::ContextSettings &settings)
{
    // Hidden first, through the window: the tree, the View menu and the engine follow at once.
    if (m_window)
        m_window->setClusterHidden(contextName, settings.hidden);
    const auto saved = m_engine->contextSettings()->setSettings(contextName, settings);
    if (!saved && m_window) {
        QMessageBox::warning(m_window, tr("Cluster settings"), saved.error());
        return;
    }
    if (m_window)
        m_window->statusBar()->showMessage(tr("Settings of %1 saved.").arg(contextName), 5000);
}

} // namespace ui
} // namespace fd

#include "moc_ClusterSettingsDialog.cpp"
