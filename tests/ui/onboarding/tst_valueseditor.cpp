// The values editor, the diff view and the release history view as real widgets, without a
// cluster: validation as you type (malformed YAML and invalid names, with line/column in the list
// and as underlines; activating an issue moves the cursor), the namespace panel splicing the text
// (comments kept, one undo step), the panel waiting while the YAML is broken, the cluster marks,
// and the history's values, diffs and rollback confirmation from stored revisions.
#include "engine/onboarding/RevisionCompare.h"
#include "ui/onboarding/DiffView.h"
#include "ui/onboarding/ReleaseHistoryView.h"
#include "ui/onboarding/ValuesEditor.h"

#include <QApplication>

#include <algorithm>
#include <QComboBox>
#include <QJsonArray>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using fd::helm::ValuesIssue;
using fd::ui::ValuesEditor;

namespace {

const QString kValues = u"# Fission values for prod\n"
                        "defaultNamespace: default\n"
                        "# tenants, in the order they were onboarded\n"
                        "additionalFissionNamespaces:\n"
                        "  - team-a # payments\n"
                        "  - team-b\n"
                        "executor:\n"
                        "  adoptExistingResources: false\n"_s;

QString deployment(const QString &name, const QString &namespaces)
{
    return u"---\n# Source: fission-all/templates/%1.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %1\n"
           "spec:\n  template:\n    spec:\n      containers:\n        - name: %1\n          env:\n"
           "            - name: FISSION_RESOURCE_NAMESPACES\n              value: \"%2\"\n"_s.arg(name, namespaces);
}

fd::helm::Release revision(int version, const QStringList &namespaces, fd::helm::ReleaseStatus status)
{
    fd::helm::Release release;
    release.name = u"fission"_s;
    release.namespaceName = u"fission"_s;
    release.version = version;
    release.info.status = status;
    release.info.statusText = fd::helm::releaseStatusName(status);
    release.info.description = version == 1 ? u"Install complete"_s : u"Upgrade complete"_s;
    release.chart.metadata.name = u"fission-all"_s;
    release.chart.metadata.version = u"v1.20.5"_s;
    release.chart.metadata.appVersion = u"v1.20.5"_s;
    release.chart.values = QJsonObject{{u"defaultNamespace"_s, u"default"_s}};
    if (!namespaces.isEmpty())
        release.config = QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray::fromStringList(namespaces)}};
    const QString watched = (QStringList{u"default"_s} + namespaces).join(u',');
    release.manifest = deployment(u"executor"_s, watched) + deployment(u"router"_s, watched)
                       + u"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: router\nspec:\n  ports: []\n"_s;
    return release;
}

fd::helm::ReleaseRevisions history()
{
    fd::helm::ReleaseRevisions revisions;
    revisions.namespaceName = u"fission"_s;
    revisions.name = u"fission"_s;
    revisions.revisions = {revision(1, {}, fd::helm::ReleaseStatus::Superseded),
                           revision(2, {u"team-a"_s}, fd::helm::ReleaseStatus::Deployed)};
    return revisions;
}

bool hasError(const ValuesEditor &editor, int line)
{
    for (const ValuesIssue &issue : editor.issues()) {
        if (issue.severity == ValuesIssue::Severity::Error && issue.line == line)
            return true;
    }
    return false;
}

} // namespace

class TestValuesEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void malformedYamlIsReportedWithPositionAndThePanelWaits()
    {
        ValuesEditor editor;
        editor.resize(900, 500);
        editor.show();
        editor.setBaseText(kValues);
        QVERIFY(!editor.hasErrors());
        QVERIFY(editor.isPanelEnabled());
        QCOMPARE(editor.namespaceList()->count(), 2);

        // Type a broken line at the end, as a user would.
        editor.textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.textEdit(), u"broken: [unclosed"_s);
        QTest::keyClick(editor.textEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(editor.hasErrors(), 10000);
        QVERIFY(!editor.issueList()->isHidden());
        QVERIFY(editor.issueList()->count() >= 1);
        const ValuesIssue first = editor.issues().first();
        QVERIFY(first.line >= 9);
        QVERIFY2(editor.issueList()->item(0)->text().contains(u"line %1"_s.arg(first.line)), qPrintable(editor.issueList()->item(0)->text()));
        QVERIFY(!editor.textEdit()->extraSelections().isEmpty()); // the underline
        // The panel says why it cannot apply and refuses edits until the text is fixed.
        QVERIFY(!editor.isPanelEnabled());
        QVERIFY(editor.panelMessage().contains(u"line"_s));
        QVERIFY(!editor.addNamespace(u"team-c"_s));
        QVERIFY(!editor.text().contains(u"team-c"_s));

        // Activating the issue moves the cursor to its line.
        editor.textEdit()->moveCursor(QTextCursor::Start);
        QTest::mouseClick(editor.issueList()->viewport(), Qt::LeftButton, {},
                          editor.issueList()->visualItemRect(editor.issueList()->item(0)).center());
        QCOMPARE(editor.textEdit()->textCursor().blockNumber() + 1, first.line);

        // Fixing the text brings the panel back.
        editor.setText(kValues);
        QVERIFY(!editor.hasErrors());
        QVERIFY(editor.isPanelEnabled());
        QVERIFY(editor.addNamespace(u"team-c"_s));
    }

    void invalidNamesAndDuplicatesAreErrorsOnTheirLine()
    {
        ValuesEditor editor;
        editor.setBaseText(u"additionalFissionNamespaces:\n  - Team_A\n  - team-b\n  - team-b\n"_s);
        QVERIFY(editor.hasErrors());
        QVERIFY(hasError(editor, 2)); // not a DNS-1123 label
        QVERIFY(hasError(editor, 4)); // listed twice
        QVERIFY(!hasError(editor, 3));
        QCOMPARE(editor.textEdit()->extraSelections().size(), editor.issues().size());
    }

    void panelEditsSpliceTheTextAndKeepComments()
    {
        ValuesEditor editor;
        editor.setBaseText(kValues);
        editor.setClusterNamespaces({u"default"_s, u"team-a"_s, u"team-b"_s, u"team-c"_s}, {{u"team-a"_s, 3}});
        QVERIFY(editor.addNamespace(u"team-c"_s));
        QCOMPARE(editor.text(), QString(kValues).replace(u"  - team-b\n"_s, u"  - team-b\n  - team-c\n"_s));
        QVERIFY(editor.isModified());
        QVERIFY(editor.moveNamespace(u"team-a"_s, +1));
        // The item keeps its trailing comment when it moves; the comments elsewhere stay.
        QVERIFY2(editor.text().contains(u"  - team-b\n  - team-a # payments\n  - team-c\n"_s), qPrintable(editor.text()));
        QVERIFY(editor.text().startsWith(u"# Fission values for prod\n"_s));
        QVERIFY(editor.text().contains(u"# tenants, in the order they were onboarded\n"_s));
        QVERIFY(editor.removeNamespace(u"team-b"_s));
        QCOMPARE(*editor.panelNamespaces(), (QStringList{u"team-a"_s, u"team-c"_s}));
        // Each panel edit is one undo step of the text.
        editor.textEdit()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(*editor.panelNamespaces(), (QStringList{u"team-b"_s, u"team-a"_s, u"team-c"_s}), 10000);

        // The panel marks what the cluster has.
        QStringList rows;
        for (int i = 0; i < editor.namespaceList()->count(); ++i)
            rows.append(editor.namespaceList()->item(i)->text());
        QVERIFY2(rows.at(1).contains(u"3 function"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.at(2).contains(u"no Fission functions"_s), qPrintable(rows.join(u'\n')));

        // A namespace the cluster does not have is marked and warned about.
        QVERIFY(editor.addNamespace(u"team-z"_s));
        QVERIFY(editor.namespaceList()->item(3)->text().contains(u"does not exist"_s));
        QVERIFY(std::any_of(editor.issues().begin(), editor.issues().end(),
                            [](const ValuesIssue &i) { return i.message.contains(u"team-z"_s); }));

        // Buttons do the same as the calls.
        editor.namespaceList()->setCurrentRow(3);
        QTest::mouseClick(editor.removeButton(), Qt::LeftButton);
        QVERIFY(!editor.text().contains(u"team-z"_s));
        editor.namespacePicker()->setEditText(u"team-d"_s);
        QTest::mouseClick(editor.addButton(), Qt::LeftButton);
        QVERIFY(editor.text().contains(u"  - team-d\n"_s));

        // Text edits refresh the panel.
        editor.setText(u"additionalFissionNamespaces: [x1, x2]\n"_s);
        QCOMPARE(*editor.panelNamespaces(), (QStringList{u"x1"_s, u"x2"_s}));
        QCOMPARE(editor.namespaceList()->count(), 2);
        QTest::mouseClick(editor.revertButton(), Qt::LeftButton);
        QCOMPARE(editor.text(), kValues);
        QVERIFY(!editor.isModified());
    }

    void diffViewColoursAddedAndRemovedLines()
    {
        fd::ui::DiffView view;
        view.showDiff(u"a: 1\nb: 2\n"_s, u"a: 1\nb: 3\nc: 4\n"_s, u"revision 1"_s, u"revision 2"_s);
        QCOMPARE(view.addedLines(), 2);
        QCOMPARE(view.removedLines(), 1);
        QVERIFY(view.toPlainText().startsWith(u"--- revision 1\n+++ revision 2\n@@"_s));
        QCOMPARE(view.extraSelections().size(), 4); // the hunk header and three changed lines
        view.showDiff(u"a\n"_s, u"a\n"_s, u"x"_s, u"y"_s);
        QVERIFY(view.isIdentical());
        QVERIFY(view.extraSelections().isEmpty());
    }

    void historyShowsRevisionsValuesDiffsAndWhatARollbackRestarts()
    {
        fd::ui::ReleaseHistoryView view;
        view.resize(900, 600);
        view.show();
        QStringList questions;
        view.confirm = [&questions](const QString &, const QString &question) {
            questions.append(question);
            return false; // say no: nothing runs
        };
        view.setRevisions(history());
        QCOMPARE(view.historyTree()->topLevelItemCount(), 2);
        QCOMPARE(view.historyTree()->topLevelItem(0)->text(0), u"2"_s); // newest first
        QCOMPARE(view.historyTree()->topLevelItem(0)->text(2), u"deployed"_s);
        QCOMPARE(view.historyTree()->topLevelItem(0)->text(3), u"fission-all-v1.20.5"_s);
        QCOMPARE(view.historyTree()->topLevelItem(1)->text(5), u"Install complete"_s);
        QCOMPARE(view.selectedRevision(), 2);
        QVERIFY(view.valuesView()->toPlainText().contains(u"team-a"_s));
        QVERIFY(!view.rollbackButton()->isEnabled()); // the latest revision

        // Selecting a revision diffs it against the one before.
        QVERIFY(view.diffView()->toPlainText().contains(u"+additionalFissionNamespaces:"_s));
        view.compare(2, 1);
        QVERIFY(view.diffView()->toPlainText().contains(u"-additionalFissionNamespaces:"_s));

        // The edited values against the deployed revision.
        view.setEditedValues(u"additionalFissionNamespaces:\n  - team-a\n  - test\n"_s);
        view.compareEditedWithDeployed();
        QCOMPARE(view.fromBox()->currentData().toInt(), 2);
        QCOMPARE(view.toBox()->currentData().toInt(), int(fd::ui::ReleaseHistoryView::EditedValues));
        QVERIFY2(view.diffView()->toPlainText().contains(u"+  - test"_s), qPrintable(view.diffView()->toPlainText()));
        QCOMPARE(view.diffView()->addedLines(), 1);

        // Rolling back to revision 1 restarts what reads the namespace list, and says so.
        view.selectRevision(1);
        QVERIFY(view.rollbackButton()->isEnabled());
        QTest::mouseClick(view.rollbackButton(), Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(u"Deployment/executor, Deployment/router"_s), qPrintable(questions.first()));
        QVERIFY2(questions.first().contains(u"[team-a] → []"_s), qPrintable(questions.first()));
        QVERIFY(!view.isRollingBack());
    }

    void revisionCompareFindsRollingWorkloads()
    {
        const fd::helm::ReleaseRevisions revisions = history();
        const auto change = fd::engine::onboarding::compareRevisions(revisions.revisions.at(0), revisions.revisions.at(1));
        QCOMPARE(change.rolling, (QStringList{u"Deployment/executor"_s, u"Deployment/router"_s}));
        QVERIFY(change.created.isEmpty());
        QCOMPARE(change.namespacesAfter, QStringList{u"team-a"_s});
        const auto same = fd::engine::onboarding::compareRevisions(revisions.revisions.at(1), revisions.revisions.at(1));
        QVERIFY(same.rolling.isEmpty());
    }
};

QTEST_MAIN(TestValuesEditor)
#include "tst_valueseditor.moc"
