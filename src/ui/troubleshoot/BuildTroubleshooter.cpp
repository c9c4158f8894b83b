#include "BuildTroubleshooter.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogSource.h"
#include "fission/Kinds.h"
#include "ui/FixActions.h"
#include "ui/StatusIcons.h"
#include "ui/forms/FormMenu.h"
#include "ui/forms/WhenFinished.h"
#include "ui/logs/LogWindow.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QFrame>
#include <QLocale>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

using fd::fission::BuildStep;
using fd::fission::BuildTimeline;
using fd::ui::forms::whenFinished;

namespace {

// Snapshots carry no pods: while the window is open, the builder's state is re-read this often.
constexpr int PollIntervalMs = 3000;

QString stepIcon(BuildStep::State state)
{
    switch (state) {
    case BuildStep::State::Done: return u"ok"_s;
    case BuildStep::State::Current: return u"pending"_s;
    case BuildStep::State::Failed: return u"error"_s;
    case BuildStep::State::Skipped: return u"info"_s;
    case BuildStep::State::NotReached: break;
    }
    return u"unknown"_s;
}

QString localTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

BuildTroubleshooter::BuildTroubleshooter(fd::engine::ClusterSession *session, const QString &namespaceName,
                                         const QString &packageName, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session), m_namespace(namespaceName), m_package(packageName)
{
    setObjectName(u"buildTroubleshooter"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    resize(720, 680);

    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(u"title"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"verdict"_s);
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_steps = new QWidget(scroll);
    m_steps->setObjectName(u"steps"_s);
    m_stepsLayout = new QVBoxLayout(m_steps);
    m_stepsLayout->setSpacing(2);
    m_stepsLayout->addStretch(1);
    scroll->setWidget(m_steps);
    layout->addWidget(scroll, 3);

    m_explanation = new QLabel(this);
    m_explanation->setObjectName(u"explanation"_s);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setFrameShape(QFrame::StyledPanel);
    m_explanation->setMargin(8);
    layout->addWidget(m_explanation);
    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(u"output"_s);
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumHeight(160);
    layout->addWidget(m_output, 1);

    auto *buttons = new QHBoxLayout;
    m_rebuild = new QPushButton(this);
    m_rebuild->setObjectName(u"rebuild"_s);
    m_log = new QPushButton(this);
    m_log->setObjectName(u"openBuilderLog"_s);
    m_editPackage = new QPushButton(this);
    m_editPackage->setObjectName(u"editPackage"_s);
    m_editEnvironment = new QPushButton(this);
    m_editEnvironment->setObjectName(u"editEnvironment"_s);
    for (QPushButton *b : {m_rebuild, m_log, m_editPackage, m_editEnvironment})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_rebuild, &QPushButton::clicked, this, &BuildTroubleshooter::rebuild);
    connect(m_log, &QPushButton::clicked, this, &BuildTroubleshooter::openBuilderLog);
    connect(m_editPackage, &QPushButton::clicked, this, [this] { edit(u"Package"_s, m_namespace, m_package); });
    connect(m_editEnvironment, &QPushButton::clicked, this,
            [this] { edit(u"Environment"_s, m_environmentNamespace, m_environmentName); });
    if (session)
        connect(session, &fd::engine::ClusterSession::snapshotPublished, this, &BuildTroubleshooter::onSnapshot);
    connect(&m_poll, &QTimer::timeout, this, &BuildTroubleshooter::reload);
    m_poll.start(PollIntervalMs);

    retranslate();
    render();
    reload();
    checkPermissions();
}

BuildTroubleshooter::~BuildTroubleshooter() = default;

BuildTroubleshooter *BuildTroubleshooter::open(fd::engine::ClusterSession *session, const QString &namespaceName,
                                               const QString &packageName, QWidget *parent)
{
    // One window per package: a second request raises the first.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        auto *existing = qobject_cast<BuildTroubleshooter *>(w);
        if (existing && existing->m_session == session && existing->m_namespace == namespaceName
            && existing->m_package == packageName) {
            existing->show();
            existing->raise();
            existing->activateWindow();
            return existing;
        }
    }
    auto *window = new BuildTroubleshooter(session, namespaceName, packageName, parent);
    window->show();
    return window;
}

void BuildTroubleshooter::retranslate()
{
    setWindowTitle(tr("Build of %1/%2").arg(m_namespace, m_package));
    m_title->setText(tr("Why is the build of %1/%2 not done?").arg(m_namespace, m_package));
    m_rebuild->setText(tr("Rebuild"));
    m_log->setText(tr("Open builder log"));
    m_editPackage->setText(tr("Edit package…"));
    m_editEnvironment->setText(tr("Edit environment…"));
}

void BuildTroubleshooter::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        render();
    }
    QWidget::changeEvent(event);
}

void BuildTroubleshooter::onSnapshot(const fd::engine::ClusterSnapshotPtr &, const fd::engine::SnapshotChange &change)
{
    if (change.everything || change.changedNamespaces.contains(m_namespace)
        || change.changedNamespaces.contains(m_builderNamespace) || !change.findings.isEmpty())
        reload();
}

void BuildTroubleshooter::reload()
{
    if (!m_session)
        return;
    if (m_loading) {
        m_dirty = true; // one more read when the running one is back
        return;
    }
    m_loading = true;
    m_dirty = false;
    const int request = ++m_request;
    whenFinished(this, m_session->buildTimelineInput(m_namespace, m_package),
                 [this, request](const std::optional<fd::fission::BuildTimelineInput> &input) {
                     m_loading = false;
                     if (request == m_request)
                         showInput(input);
                     if (m_dirty)
                         reload();
                 });
}

void BuildTroubleshooter::showInput(const std::optional<fd::fission::BuildTimelineInput> &input)
{
    if (!input) {
        m_hasTimeline = false;
        m_timeline = {};
    } else {
        const bool environmentChanged = m_environmentName != input->package.environment.name;
        m_environmentNamespace = input->package.environment.namespaceName;
        m_environmentName = input->package.environment.name;
        m_builderNamespace = input->builderNamespace;
        m_timeline = BuildTimeline::assemble(*input);
        m_hasTimeline = true;
        if (environmentChanged)
            checkPermissions();
    }
    render();
    Q_EMIT timelineShown();
}

QWidget *BuildTroubleshooter::stepRow(const BuildStep &step, bool stoppedHere)
{
    auto *row = new QFrame(m_steps);
    row->setObjectName(u"step:"_s + fd::fission::buildStepId(step.id));
    row->setProperty("state", fd::fission::buildStepStateId(step.state));
    row->setProperty("stoppedHere", stoppedHere);
    if (stoppedHere) {
        // The step where the build stopped stands out: a coloured frame, whatever the theme.
        const bool failed = step.state == BuildStep::State::Failed;
        row->setFrameShape(QFrame::StyledPanel);
        // `.QFrame` matches the row only, not its labels (QLabel derives from QFrame).
        row->setStyleSheet(failed ? u".QFrame { background: rgba(220, 50, 47, 40); border: 1px solid #dc322f; }"_s
                                  : u".QFrame { background: rgba(38, 139, 210, 40); border: 1px solid #268bd2; }"_s);
    }
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(6, 4, 6, 4);
    auto *icon = new QLabel(row);
    icon->setPixmap(statusIcon(stepIcon(step.state)).pixmap(20, 20));
    icon->setAlignment(Qt::AlignTop);
    h->addWidget(icon);
    auto *text = new QVBoxLayout;
    auto *title = new QLabel(row);
    title->setObjectName(u"stepTitle"_s);
    QString stateText;
    switch (step.state) {
    case BuildStep::State::Done: stateText = tr("done"); break;
    case BuildStep::State::Current: stateText = tr("in progress"); break;
    case BuildStep::State::Failed: stateText = tr("failed"); break;
    case BuildStep::State::NotReached: stateText = tr("not reached"); break;
    case BuildStep::State::Skipped: stateText = tr("not needed"); break;
    }
    QString heading = u"<b>%1</b> — %2"_s.arg(step.title().toHtmlEscaped(), stateText.toHtmlEscaped());
    if (step.time.isValid())
        heading += u" <span style='color:gray'>%1</span>"_s.arg(localTime(step.time).toHtmlEscaped());
    title->setText(heading);
    text->addWidget(title);
    if (!step.evidence.isEmpty() && step.state != BuildStep::State::NotReached) {
        auto *evidence = new QLabel(step.evidence.join(u'\n'), row);
        evidence->setObjectName(u"stepEvidence"_s);
        evidence->setWordWrap(true);
        evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        evidence->setStyleSheet(u"color: gray"_s);
        text->addWidget(evidence);
    }
    h->addLayout(text, 1);
    return row;
}

void BuildTroubleshooter::render()
{
    // Rows are rebuilt: nine small widgets, and a timeline changes as a whole.
    while (m_stepsLayout->count() > 1) {
        QLayoutItem *item = m_stepsLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    if (!m_hasTimeline) {
        m_verdict->setText(m_session ? tr("Package %1/%2 is not in this cluster (yet).").arg(m_namespace, m_package)
                                     : tr("The cluster was removed."));
        m_explanation->hide();
        m_output->hide();
        m_rebuild->setEnabled(false);
        return;
    }
    m_verdict->setText(u"<b>%1</b>: %2"_s.arg(fd::fission::buildVerdictDisplay(m_timeline.verdict).toHtmlEscaped(),
                                              m_timeline.summary.toHtmlEscaped()));
    m_verdict->setProperty("verdict", fd::fission::buildVerdictId(m_timeline.verdict));
    for (qsizetype i = 0; i < m_timeline.steps.size(); ++i)
        m_stepsLayout->insertWidget(int(i), stepRow(m_timeline.steps.at(i), i == m_timeline.stoppedAt));
    const BuildStep *stopped = m_timeline.stopped();
    if (stopped && !stopped->explanation.isEmpty()) {
        m_explanation->setText(u"<b>%1</b><br>%2"_s.arg(stopped->title().toHtmlEscaped(), stopped->explanation.toHtmlEscaped()));
        m_explanation->setProperty("findingId", stopped->findingId);
        m_explanation->show();
    } else {
        m_explanation->hide();
    }
    if (stopped && !stopped->output.isEmpty()) {
        if (m_output->toPlainText() != stopped->output.join(u'\n'))
            m_output->setPlainText(stopped->output.join(u'\n'));
        m_output->show();
    } else {
        m_output->hide();
    }
    // Fission rebuilds only failed packages (`fission package rebuild` refuses the others).
    const bool failed = m_timeline.verdict == BuildTimeline::Verdict::Failed;
    m_rebuild->setEnabled(failed && m_canRebuild);
    m_rebuild->setToolTip(!m_canRebuild ? tr("Not allowed: %1").arg(m_rebuildMissing)
                          : failed      ? tr("Set the build back to pending: buildermgr builds it again.")
                                        : tr("Only a failed build can be rebuilt."));
    m_editEnvironment->setVisible(!m_environmentName.isEmpty());
}

void BuildTroubleshooter::checkPermissions()
{
    if (!m_session)
        return;
    // The rebuild writes the package's status (or the package on 1.20): the same check as the
    // diagnostics' fix button.
    const fd::fission::FixAction rebuild = fd::fission::RebuildPackageAction{m_namespace, m_package};
    const RequiredPermission needed = requiredPermission(rebuild);
    whenFinished(this, m_session->canI(needed.verb, fd::fission::GroupResource{needed.group, needed.resource}, needed.namespaceName),
                 [this, needed](bool allowed) {
                     m_canRebuild = allowed;
                     m_rebuildMissing = allowed ? QString() : needed.describe();
                     render();
                 });
    const auto checkEdit = [this](QPushButton *button, const fd::fission::KindInfo &kind, const QString &ns) {
        whenFinished(this, m_session->canI(u"update"_s, kind.gr, ns), [button, kind, ns](bool allowed) {
            button->setEnabled(allowed);
            button->setToolTip(allowed ? QString()
                                       : BuildTroubleshooter::tr("Your permissions do not allow updating %1 in %2.").arg(kind.gr.resource, ns));
        });
    };
    checkEdit(m_editPackage, fd::fission::kinds::packages(), m_namespace);
    if (!m_environmentName.isEmpty())
        checkEdit(m_editEnvironment, fd::fission::kinds::environments(), m_environmentNamespace);
}

void BuildTroubleshooter::rebuild()
{
    if (!m_session)
        return;
    m_rebuild->setEnabled(false);
    m_status->setText(tr("Rebuilding…"));
    whenFinished(this, m_session->rebuildPackage(m_namespace, m_package), [this](const fd::engine::CommandResult &result) {
        m_status->setText(result.message);
        Q_EMIT rebuildFinished(result.ok, result.message);
        reload();
    });
}

void BuildTroubleshooter::openBuilderLog()
{
    if (!m_session)
        return;
    const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), fd::engine::LogSource::Kind::PackageBuild,
                                                     m_namespace, m_package);
    if (!source) {
        m_status->setText(tr("Cannot show the builder's log: %1").arg(source.error()));
        return;
    }
    if (!LogWindow::open(*m_session, *source, this))
        m_status->setText(tr("The logs cannot be followed on this cluster."));
}

void BuildTroubleshooter::edit(const QString &kind, const QString &ns, const QString &name)
{
    if (!m_session || name.isEmpty())
        return;
    // The forms open through their menu entries (src/ui/forms/FormMenu): the same "Edit…" the
    // tree offers, so this window does not need to know how each form is built.
    QMenu menu;
    const fd::fission::ObjectRef ref{u"fission.io"_s, kind, ns, name, {}};
    addObjectFormActions(&menu, window(), m_session, ns, &ref);
    const QString editText = QCoreApplication::translate("fd::ui::FormMenu", "Edit…");
    for (QAction *action : menu.actions()) {
        if (action->text().remove(u'&') == editText) {
            action->trigger();
            return;
        }
    }
    m_status->setText(tr("%1 %2/%3 cannot be edited here.").arg(kind, ns, name));
}

} // namespace ui
} // namespace fd

#include "moc_BuildTroubleshooter.cpp"
