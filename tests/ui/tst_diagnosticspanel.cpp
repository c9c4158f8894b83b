// The diagnostics panel on a cluster with many findings: a page of cards at a time (errors
// first, "Show more" adds a page, a new scope starts again at one page), the card of a finding
// that did not change is kept across snapshots (only changed findings get a new card), and every
// card made is shown within a few event-loop turns.

#include "engine/ClusterSnapshot.h"
#include "ui/DiagnosticsPanel.h"

#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>

using namespace Qt::StringLiterals;
namespace fis = fd::fission;
using fd::ui::DiagnosticsPanel;

namespace {

fis::Finding finding(int i, fis::Severity severity, const QString &title = {})
{
    fis::Finding f;
    f.ruleId = u"package-build-failed"_s;
    fis::Evidence evidence;
    evidence.object = fis::ObjectRef{u"fission.io"_s, u"Package"_s, u"team-%1"_s.arg(i % 7), u"pkg-%1"_s.arg(i, 3, 10, QChar(u'0')), {}};
    f.subject = evidence.object.key(); // the panel finds a finding's namespace through its evidence
    f.evidence.append(evidence);
    f.severity = severity;
    f.title = title.isEmpty() ? u"The build of package pkg-%1 failed"_s.arg(i) : title;
    f.explanation = u"The build command exited with status 1."_s;
    return f;
}

fd::engine::ClusterSnapshotPtr snapshotWith(const QList<fis::Finding> &findings)
{
    auto snapshot = fd::engine::makeClusterSnapshot();
    snapshot->contextName = u"fleet"_s;
    snapshot->connection.state = fd::engine::ConnectionState::Live;
    snapshot->findings = findings;
    return snapshot;
}

QList<fis::Finding> errors(int count)
{
    QList<fis::Finding> out;
    for (int i = 0; i < count; ++i)
        out.append(finding(i, fis::Severity::Error));
    return out;
}

QWidget *cardOf(DiagnosticsPanel &panel, const fis::Finding &f)
{
    return panel.findChild<QWidget *>(u"finding:"_s + f.id());
}

} // namespace

class TestDiagnosticsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAPageAtATimeAndMoreOnRequest()
    {
        DiagnosticsPanel panel;
        panel.resize(500, 700);
        panel.show();
        const QList<fis::Finding> findings = errors(60);
        panel.setScope(u"fleet"_s, {}, snapshotWith(findings), nullptr);

        QCOMPARE(panel.shownFindingIds().size(), DiagnosticsPanel::CardsPerPage);
        QCOMPARE(panel.shownFindingIds().first(), findings.first().id());
        auto *more = panel.findChild<QPushButton *>(u"showMoreFindings"_s);
        QVERIFY(more);
        QTRY_VERIFY(more->isVisible());
        QCOMPARE(more->text(), u"Show 25 more"_s);
        QVERIFY(panel.findChild<QLabel *>(u"diagnosticsHeader"_s)->text().contains(u"60"_s));

        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(panel.shownFindingIds().size(), 2 * DiagnosticsPanel::CardsPerPage);
        QCOMPARE(more->text(), u"Show 10 more"_s);
        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(panel.shownFindingIds().size(), 60);
        QVERIFY(!more->isVisible());

        // Every card made is shown, some of them a few event-loop turns later.
        QTRY_VERIFY(std::all_of(findings.cbegin(), findings.cend(), [&](const fis::Finding &f) {
            QWidget *card = cardOf(panel, f);
            return card && card->isVisible();
        }));

        // Another scope starts again with one page.
        panel.setScope(u"fleet"_s, u"team-1"_s, snapshotWith(findings), nullptr);
        QCOMPARE(panel.shownFindingIds().size(), qsizetype(std::count_if(findings.cbegin(), findings.cend(), [](const fis::Finding &f) {
                     return f.evidence.first().object.namespaceName == u"team-1"_s;
                 })));
        panel.setScope(u"fleet"_s, {}, snapshotWith(findings), nullptr);
        QCOMPARE(panel.shownFindingIds().size(), DiagnosticsPanel::CardsPerPage);
    }

    // A keyboard user pages with Space on the focused button; the last page hides it, and the
    // focus stays in the list instead of moving to whatever widget comes next in the window.
    void keyboardFocusStaysInThePanelAfterTheLastPage()
    {
        QWidget window;
        auto *before = new QPushButton(u"before"_s, &window);
        auto *panel = new DiagnosticsPanel(&window);
        auto *after = new QPushButton(u"after"_s, &window);
        before->move(0, 0);
        panel->setGeometry(0, 40, 500, 600);
        after->move(0, 650);
        window.resize(500, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        panel->setScope(u"fleet"_s, {}, snapshotWith(errors(30)), nullptr);
        auto *more = panel->findChild<QPushButton *>(u"showMoreFindings"_s);
        QTRY_VERIFY(more->isVisible());
        more->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), more);

        QTest::keyClick(more, Qt::Key_Space);
        QCOMPARE(panel->shownFindingIds().size(), 30);
        QVERIFY(!more->isVisible());
        QCOMPARE(QApplication::focusWidget(), panel->findChild<QScrollArea *>(u"diagnosticsList"_s));
    }

    void errorsComeFirstWhateverTheOrder()
    {
        DiagnosticsPanel panel;
        QList<fis::Finding> findings{finding(1, fis::Severity::Info), finding(2, fis::Severity::Warning),
                                     finding(3, fis::Severity::Error), finding(4, fis::Severity::Warning)};
        panel.setScope(u"fleet"_s, {}, snapshotWith(findings), nullptr);
        QCOMPARE(panel.shownFindingIds(), (QStringList{findings[2].id(), findings[1].id(), findings[3].id(), findings[0].id()}));
        QVERIFY(!panel.findChild<QPushButton *>(u"showMoreFindings"_s)->isVisibleTo(&panel));
    }

    void keepsTheCardsOfUnchangedFindings()
    {
        DiagnosticsPanel panel;
        panel.show();
        QList<fis::Finding> findings = errors(5);
        panel.setScope(u"fleet"_s, {}, snapshotWith(findings), nullptr);
        QPointer<QWidget> unchanged = cardOf(panel, findings[0]);
        QPointer<QWidget> changed = cardOf(panel, findings[2]);
        QVERIFY(unchanged && changed);

        // A new snapshot: one finding changed its title, one is new, one resolved.
        findings[2].title = u"The build of package pkg-2 failed again"_s;
        findings.removeAt(4);
        findings.append(finding(9, fis::Severity::Error));
        panel.refresh(snapshotWith(findings));
        QCOMPARE(panel.shownFindingIds().size(), 5);
        QCOMPARE(cardOf(panel, findings[0]), unchanged.data());
        QTRY_VERIFY(!changed); // replaced, and deleted once control returns to the event loop
        QWidget *replacement = cardOf(panel, findings[2]);
        QVERIFY(replacement);
        QVERIFY(replacement->findChild<QLabel *>() != nullptr);
        bool titleShown = false;
        for (const QLabel *label : replacement->findChildren<QLabel *>())
            titleShown = titleShown || label->text().contains(u"failed again"_s);
        QVERIFY(titleShown);
        QVERIFY(!cardOf(panel, errors(5)[4]));

        // Nothing changed: no card is made again.
        panel.refresh(snapshotWith(findings));
        QCOMPARE(cardOf(panel, findings[2]), replacement);
    }
};

QTEST_MAIN(TestDiagnosticsPanel)
#include "tst_diagnosticspanel.moc"
