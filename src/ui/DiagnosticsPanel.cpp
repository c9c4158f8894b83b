#include "DiagnosticsPanel.h"

#include "ClusterHandle.h"
#include "FindingLookup.h"
#include "FixActions.h"
#include "StatusIcons.h"
#include "TreeSpecBuilder.h"
#include "ui/forms/WhenFinished.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
namespace fis = fd::fission;

namespace fd {
namespace ui {

namespace {

// Errors first, then warnings, then information; the engine's order within one severity.
QList<fis::Finding> inSeverityOrder(const QList<fis::Finding> &findings)
{
    QList<fis::Finding> ordered;
    ordered.reserve(findings.size());
    for (fis::Severity severity : {fis::Severity::Error, fis::Severity::Warning, fis::Severity::Info}) {
        for (const fis::Finding &f : findings) {
            if (f.severity == severity)
                ordered.append(f);
        }
    }
    return ordered;
}

int headingSlot(fis::Severity severity)
{
    return severity == fis::Severity::Error ? 0 : severity == fis::Severity::Warning ? 1 : 2;
}

} // namespace

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QWidget(parent), m_header(new QLabel(this)), m_content(new QWidget), m_list(new QVBoxLayout(m_content)),
      m_moreRow(new QWidget(m_content)), m_moreText(new QLabel(m_moreRow)), m_moreButton(new QPushButton(m_moreRow)),
      m_scroll(new QScrollArea(this))
{
    setObjectName(u"diagnosticsPanel"_s);
    m_header->setObjectName(u"diagnosticsHeader"_s);
    m_header->setWordWrap(true);
    m_list->setContentsMargins(4, 4, 4, 4);
    m_list->setSpacing(8);
    for (fis::Severity severity : {fis::Severity::Error, fis::Severity::Warning, fis::Severity::Info}) {
        auto *heading = new QLabel(u"<b>%1</b>"_s.arg(severityText(severity).toHtmlEscaped()), m_content);
        heading->hide();
        m_severityHeadings[headingSlot(severity)] = heading;
    }
    m_moreRow->setObjectName(u"moreFindings"_s);
    m_moreText->setWordWrap(true);
    m_moreButton->setObjectName(u"showMoreFindings"_s);
    connect(m_moreButton, &QPushButton::clicked, this, &DiagnosticsPanel::showMore);
    auto *moreLayout = new QHBoxLayout(m_moreRow);
    moreLayout->setContentsMargins(0, 0, 0, 0);
    moreLayout->addWidget(m_moreText, 1);
    moreLayout->addWidget(m_moreButton, 0, Qt::AlignTop);
    m_moreRow->hide();
    m_list->addWidget(m_moreRow);
    m_list->addStretch();
    m_scroll->setObjectName(u"diagnosticsList"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_scroll);
    showFindings({});
}

DiagnosticsPanel::~DiagnosticsPanel() = default;

void DiagnosticsPanel::setScope(const QString &context, const QString &namespaceName,
                                const fd::engine::ClusterSnapshotPtr &snapshot, ClusterHandle *handle)
{
    const bool sameScope = context == m_context && namespaceName == m_namespace && handle == m_handle;
    m_context = context;
    m_namespace = namespaceName;
    m_snapshot = snapshot;
    m_handle = handle;
    if (!sameScope) {
        // Another cluster's cards carry its fix buttons and permission answers: none is reused.
        dropAllCards();
        m_cardLimit = CardsPerPage;
    }
    showFindings(findingsInScope());
}

void DiagnosticsPanel::refresh(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    showFindings(findingsInScope());
}

QStringList DiagnosticsPanel::shownFindingIds() const
{
    QStringList ids;
    ids.reserve(m_cards.size());
    for (const Card &card : m_cards)
        ids.append(card.finding.id());
    return ids;
}

QList<fis::Finding> DiagnosticsPanel::findingsInScope() const
{
    if (!m_snapshot)
        return {};
    if (m_namespace.isEmpty())
        return m_snapshot->findings;
    QList<fis::Finding> out;
    for (const fis::Finding &f : m_snapshot->findings) {
        if (FindingLookup::namespaceOf(f) == m_namespace)
            out.append(f);
    }
    return out;
}

void DiagnosticsPanel::showFindings(const QList<fis::Finding> &findings)
{
    updateHeader(findings.size());
    const QList<fis::Finding> ordered = inSeverityOrder(findings);
    const QList<fis::Finding> visible = ordered.mid(0, m_cardLimit);

    bool same = visible.size() == m_cards.size();
    for (qsizetype i = 0; same && i < visible.size(); ++i)
        same = visible[i].id() == m_cards[i].finding.id() && visible[i].sameContent(m_cards[i].finding);
    if (!same)
        relayout(visible);

    const qsizetype hidden = ordered.size() - visible.size();
    m_moreRow->setVisible(hidden > 0);
    if (hidden > 0) {
        m_moreText->setText(tr("%1 of %n finding(s) shown.", nullptr, int(ordered.size())).arg(visible.size()));
        m_moreButton->setText(tr("Show %n more", nullptr, int(qMin<qsizetype>(hidden, CardsPerPage))));
    }
}

void DiagnosticsPanel::updateHeader(qsizetype findingCount)
{
    const QString scope = m_context.isEmpty() ? QString()
                          : m_namespace.isEmpty() ? tr("cluster %1").arg(m_context)
                                                  : tr("tenant %1 on %2").arg(m_namespace, m_context);
    const bool live = m_snapshot && m_snapshot->connection.state == fd::engine::ConnectionState::Live;
    if (scope.isEmpty())
        m_header->setText(tr("Select a cluster or tenant to see its diagnostics."));
    else if (!live && m_snapshot)
        // Never "no problems" for a cluster we cannot see.
        m_header->setText(tr("%1 is not live (%2): findings may be missing or out of date. %3")
                              .arg(m_context, connectionStateText(m_snapshot->connection.state), m_snapshot->connection.message));
    else if (findingCount == 0)
        m_header->setText(tr("No problems found for %1.").arg(scope));
    else
        m_header->setText(tr("%n finding(s) for %1", nullptr, int(findingCount)).arg(scope));
}

void DiagnosticsPanel::relayout(const QList<fis::Finding> &visible)
{
    // Cards whose finding is unchanged move; changed and new ones are made; the rest go.
    QHash<QString, qsizetype> oldCardById;
    oldCardById.reserve(m_cards.size());
    for (qsizetype i = 0; i < m_cards.size(); ++i)
        oldCardById.insert(m_cards[i].finding.id(), i);
    QList<bool> reused(m_cards.size(), false);
    QList<Card> cards;
    cards.reserve(visible.size());
    for (const fis::Finding &f : visible) {
        const qsizetype old = oldCardById.value(f.id(), -1);
        if (old >= 0 && m_cards[old].finding.sameContent(f)) {
            reused[old] = true;
            cards.append(Card{f, m_cards[old].widget});
        } else {
            cards.append(Card{f, card(f)});
        }
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        if (!reused[i])
            dropCard(m_cards[i].widget);
    }
    m_cards = std::move(cards);

    // Everything above "more" and the stretch is taken out and put back in order; the widgets
    // stay where they are parented, so nothing is re-created.
    while (m_list->count() > 2)
        delete m_list->takeAt(0);
    for (QLabel *heading : m_severityHeadings)
        heading->hide();
    m_cardsToShow.clear(); // every card still hidden is queued again below
    int insertAt = 0;
    int lastSlot = -1;
    for (const Card &shown : std::as_const(m_cards)) {
        const int slot = headingSlot(shown.finding.severity);
        if (slot != lastSlot) {
            m_list->insertWidget(insertAt++, m_severityHeadings[slot]);
            m_severityHeadings[slot]->show();
            lastSlot = slot;
        }
        m_list->insertWidget(insertAt++, shown.widget);
        if (shown.widget->isHidden())
            m_cardsToShow.append(shown.widget);
    }
    showQueuedCards();
}

void DiagnosticsPanel::showQueuedCards()
{
    // Laying out a card's word-wrapped labels takes a few milliseconds: a page of new cards
    // appears over a few event-loop turns instead of in one long stall. The list is laid out
    // after each card, so that the time counted is all the time spent (the deferred layout
    // pass would otherwise lay out every card shown in this turn at once, after the budget).
    constexpr qint64 BudgetMs = 8;
    QElapsedTimer spent;
    spent.start();
    while (!m_cardsToShow.isEmpty() && (spent.elapsed() < BudgetMs)) {
        const QPointer<QWidget> next = m_cardsToShow.takeFirst();
        if (!next)
            continue; // dropped meanwhile: gone with its card
        next->show();
        if (isVisible())
            m_list->activate();
    }
    if (!m_cardsToShow.isEmpty() && !m_showTimerPending) {
        m_showTimerPending = true;
        QTimer::singleShot(0, this, [this] {
            m_showTimerPending = false;
            showQueuedCards();
        });
    }
}

void DiagnosticsPanel::dropCard(QWidget *widget)
{
    // Later, not now: the click of one of its buttons may be what led here. Unparented, so
    // nobody finds it meanwhile.
    m_list->removeWidget(widget);
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

void DiagnosticsPanel::dropAllCards()
{
    for (const Card &shown : std::as_const(m_cards))
        dropCard(shown.widget);
    m_cards.clear();
    for (QLabel *heading : m_severityHeadings)
        heading->hide();
}

void DiagnosticsPanel::showMore()
{
    const bool hadFocus = m_moreButton->hasFocus();
    m_cardLimit += CardsPerPage;
    showFindings(findingsInScope());
    // The last page hides the button, and Qt hands the focus of a hidden widget to the next one
    // in the window (the tree's filter box): a keyboard user keeps reading the list instead.
    if (hadFocus && m_moreRow->isHidden())
        m_scroll->setFocus(Qt::OtherFocusReason);
}

QWidget *DiagnosticsPanel::card(const fis::Finding &finding)
{
    auto *frame = new QFrame(m_content);
    frame->setObjectName(u"finding:"_s + finding.id());
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);

    auto *titleRow = new QHBoxLayout;
    auto *icon = new QLabel(frame);
    icon->setPixmap(statusIcon(severityIconId(int(finding.severity))).pixmap(16, 16));
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(finding.title.toHtmlEscaped()), frame);
    title->setWordWrap(true);
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    titleRow->addWidget(title, 1);
    layout->addLayout(titleRow);

    auto *explanation = new QLabel(finding.explanation, frame);
    explanation->setWordWrap(true);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(explanation);

    if (!finding.symptoms.isEmpty()) {
        QString items;
        for (const fis::Symptom &s : finding.symptoms)
            items += u"<li>%1</li>"_s.arg(s.text.toHtmlEscaped());
        auto *symptoms = new QLabel(u"%1<ul style='margin-top:0px'>%2</ul>"_s.arg(tr("What you see:").toHtmlEscaped(), items), frame);
        symptoms->setWordWrap(true);
        layout->addWidget(symptoms);
    }

    // The evidence: which object shows what (a failed build's log lines, a Deployment's env).
    // Multi-line values keep their lines, in a fixed-width font, as a terminal shows them.
    QString evidence;
    for (const fis::Evidence &e : finding.evidence) {
        QString fields;
        for (const fis::EvidenceField &f : e.fields) {
            if (f.value.isEmpty())
                continue;
            fields += f.value.contains(u'\n')
                ? u"<div><tt>%1</tt>:<pre style='margin:2px 0 4px 12px'>%2</pre></div>"_s.arg(f.path.toHtmlEscaped(), f.value.toHtmlEscaped())
                : u"<div><tt>%1</tt> = <tt>%2</tt></div>"_s.arg(f.path.toHtmlEscaped(), f.value.toHtmlEscaped());
        }
        if (fields.isEmpty() && e.note.isEmpty())
            continue;
        const QString who = e.object.namespaceName.isEmpty() ? e.object.name : e.object.namespaceName + u'/' + e.object.name;
        evidence += u"<div style='margin-top:4px'><b>%1 %2</b>%3%4</div>"_s.arg(
            e.object.kind.toHtmlEscaped(), who.toHtmlEscaped(),
            e.note.isEmpty() ? QString() : u": "_s + e.note.toHtmlEscaped(), fields);
    }
    if (!evidence.isEmpty()) {
        auto *evidenceLabel = new QLabel(tr("Evidence:").toHtmlEscaped() + evidence, frame);
        evidenceLabel->setObjectName(u"evidence"_s);
        evidenceLabel->setWordWrap(true);
        evidenceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(evidenceLabel);
    }

    auto *buttons = new QHBoxLayout;
    QStringList unavailable;
    for (const fis::FixAction &action : finding.fixes) {
        if (QPushButton *button = fixButton(finding, action))
            buttons->addWidget(button);
        else if (!std::holds_alternative<fis::InspectObjectAction>(action))
            unavailable.append(fis::fixActionTitle(action));
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    if (!unavailable.isEmpty()) {
        // Said, not offered: a button here would do nothing.
        auto *note = new QLabel(u"<i>%1</i>"_s.arg(tr("Not available from this window yet: %1.")
                                                      .arg(unavailable.join(u", "_s))
                                                      .toHtmlEscaped()),
                                frame);
        note->setObjectName(u"unavailableFixes"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }

    auto *result = new QLabel(m_lastResult.value(finding.id()), frame);
    result->setObjectName(u"fixResult"_s);
    result->setWordWrap(true);
    result->setVisible(!result->text().isEmpty());
    layout->addWidget(result);
    return frame;
}

QPushButton *DiagnosticsPanel::fixButton(const fis::Finding &finding, const fis::FixAction &action)
{
    const FixRoute route = fixRoute(action, m_handle && m_handle->supports(action));
    if (route == FixRoute::Hidden)
        return nullptr; // never show an action that does nothing
    if (route == FixRoute::Inspect && !(m_inspectable && m_inspectable(m_context, inspectTarget(action))))
        return nullptr; // the object is not one the tree shows
    auto *button = new QPushButton(fis::fixActionTitle(action));
    button->setObjectName(u"fix:"_s + fis::fixActionType(action));
    button->setProperty("findingId", finding.id());
    const QString findingId = finding.id();
    if (route == FixRoute::Inspect) {
        const fis::ObjectRef target = inspectTarget(action);
        connect(button, &QPushButton::clicked, this, [this, target] { Q_EMIT inspectRequested(m_context, target); });
        return button;
    }
    connect(button, &QPushButton::clicked, this, [this, button, findingId, action] { runFix(button, findingId, action); });
    const RequiredPermission needed = requiredPermission(action);
    if (!needed.resource.isEmpty() && m_handle) {
        // A card that was dropped meanwhile took its button along: the guard is then null.
        QPointer<QPushButton> guard(button);
        forms::whenFinished(this, m_handle->checkPermission(action), [guard, needed](const PermissionAnswer &answer) {
            if (!guard || !answer.known || answer.allowed)
                return;
            guard->setEnabled(false);
            guard->setToolTip(tr("You are not allowed to do this: missing permission to %1.")
                                  .arg(answer.missing.isEmpty() ? needed.describe() : answer.missing));
        });
    }
    return button;
}

void DiagnosticsPanel::runFix(QPushButton *button, const QString &findingId, const fis::FixAction &action)
{
    if (!m_handle)
        return;
    // No question here: the fixes that change much (onboarding) open a dialog of their own that
    // shows the plan and asks before anything changes. A snapshot arriving while the fix runs
    // rebuilds the findings and deletes `button`, so only the guard is used afterwards.
    QPointer<QPushButton> guard(button);
    if (guard) {
        guard->setEnabled(false);
        guard->setText(tr("%1 (running…)").arg(fis::fixActionTitle(action)));
    }
    forms::whenFinished(this, m_handle->runFix(action), [this, guard, findingId, action](const CommandOutcome &outcome) {
        const QString text = outcome.ok ? tr("Done: %1").arg(outcome.message) : tr("Failed: %1").arg(outcome.message);
        m_lastResult.insert(findingId, text);
        if (guard) {
            guard->setEnabled(true);
            guard->setText(fis::fixActionTitle(action));
            if (auto *result = guard->parentWidget()->findChild<QLabel *>(u"fixResult"_s)) {
                result->setText(text);
                result->setVisible(true);
            }
        }
        Q_EMIT fixFinished(outcome.ok, outcome.message);
    });
}

} // namespace ui
} // namespace fd

#include "moc_DiagnosticsPanel.cpp"
