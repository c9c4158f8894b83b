// GUI tests of LogWindow against the in-process emulator's demo profile (offscreen): a
// restarted container's previous log opens in a window of its own from the viewer's "Previous
// log" button; a package build shows status.buildlog beside the builder's log, with the
// package's START/END section marked; a function's logs across its pods.
//
// With FD_SCREENSHOT_DIR=<dir> (and a real display, e.g. under xvfb-run with
// QT_QPA_PLATFORM=xcb) the windows are saved as logs-function.png and logs-build-failed.png:
// that is how docs/screenshots/logs-*.png are made.
#include "EngineTestUtil.h"

#include "engine/ClusterSession.h"
#include "engine/logs/LogFollow.h"
#include "ui/logs/LogTableModel.h"
#include "ui/logs/LogViewerWidget.h"
#include "ui/logs/LogWindow.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using fd::engine::LogSource;
using fd::ui::LogTableModel;
using fd::ui::LogWindow;

namespace {

QStringList messages(const LogTableModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, LogTableModel::MessageColumn).data().toString();
    return out;
}

QTreeWidgetItem *containerItem(QTreeWidget *sources, const QString &pod, const QString &container)
{
    for (int i = 0; i < sources->topLevelItemCount(); ++i) {
        QTreeWidgetItem *podItem = sources->topLevelItem(i);
        if (podItem->text(0) != pod)
            continue;
        for (int c = 0; c < podItem->childCount(); ++c) {
            if (podItem->child(c)->text(0) == container)
                return podItem->child(c);
        }
    }
    return nullptr;
}

void saveScreenshot(QWidget &window, const QString &name)
{
    const QString dir = qEnvironmentVariable("FD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(500); // let the views lay out and paint
    QDir().mkpath(dir);
    QVERIFY(window.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestLogWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fd::test::ProfileCluster> m_cluster;
    std::unique_ptr<fd::engine::ClusterSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = std::make_unique<fd::test::ProfileCluster>(u"demo"_s);
        QVERIFY2(m_cluster->error().isEmpty(), qPrintable(m_cluster->error()));
        m_session = m_cluster->session(u"demo"_s);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->connection.state == fd::engine::ConnectionState::Live, 60'000);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_cluster.reset();
    }

    void previousLogOpensInItsOwnWindow()
    {
        const QJsonObject pod{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Pod"_s},
                              {u"metadata"_s, QJsonObject{{u"name"_s, u"crashy-ui"_s}}},
                              {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"app"_s},
                                                                                           {u"image"_s, u"example/crashloop:latest"_s}}}}}}};
        const auto created = m_cluster->sim().post(u"/api/v1/namespaces/default/pods"_s, pod);
        QVERIFY2(created.status == 201, created.body.constData());

        QPointer<LogWindow> window = LogWindow::open(*m_session, LogSource::pod(u"default"_s, u"crashy-ui"_s));
        QVERIFY(window);
        QTreeWidget *sources = window->viewer()->sourceList();
        QToolButton *previousButton = window->findChild<QToolButton *>(u"logPreviousLog"_s);
        QVERIFY(previousButton);
        // The restart count arrives with the pod's status; the container is then selectable.
        QTRY_VERIFY_WITH_TIMEOUT(containerItem(sources, u"crashy-ui"_s, u"app"_s)
                                     && !containerItem(sources, u"crashy-ui"_s, u"app"_s)->text(1).isEmpty(), 30'000);
        sources->setCurrentItem(containerItem(sources, u"crashy-ui"_s, u"app"_s));
        QVERIFY(previousButton->isEnabled());
        QSignalSpy opened(window.data(), &LogWindow::previousLogOpened);
        QTest::mouseClick(previousButton, Qt::LeftButton);
        QCOMPARE(opened.count(), 1);
        QPointer<LogWindow> previous = opened.first().first().value<LogWindow *>();
        QVERIFY(previous && previous != window);
        QVERIFY(previous->isVisible());
        QVERIFY2(previous->windowTitle().contains(u"previous"_s), qPrintable(previous->windowTitle()));
        QVERIFY(previous->viewer()->follow()->options().previous);
        // One ended instance: its three lines, the crash last.
        QTRY_VERIFY_WITH_TIMEOUT(previous->viewer()->follow()->isFinished(), 30'000);
        const QStringList lines = messages(*previous->viewer()->model());
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.first(), u"starting up"_s);
        QVERIFY2(lines.last().contains(u"exiting with code 1"_s), qPrintable(lines.join(u'\n')));
        // Closing the live log leaves the previous one open.
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(!window, 10'000);
        QVERIFY(previous);
        previous->close();
        QTRY_VERIFY_WITH_TIMEOUT(!previous, 10'000);
        m_cluster->sim().request("DELETE", u"/api/v1/namespaces/default/pods/crashy-ui"_s);
    }

    // The go environment's builder pod in team-a reports every container ready.
    bool goBuilderReady()
    {
        const QJsonArray pods = m_cluster->sim().get(u"/api/v1/namespaces/team-a/pods"_s).json().value("items"_L1).toArray();
        for (const QJsonValue &pod : pods) {
            const QJsonObject object = pod.toObject();
            const QJsonObject labels = object.value("metadata"_L1).toObject().value("labels"_L1).toObject();
            if (labels.value("envName"_L1).toString() != u"go") // buildermgr's labels on builder pods
                continue;
            const QJsonArray statuses = object.value("status"_L1).toObject().value("containerStatuses"_L1).toArray();
            bool ready = !statuses.isEmpty();
            for (const QJsonValue &container : statuses)
                ready = ready && container.toObject().value("ready"_L1).toBool();
            if (ready)
                return true;
        }
        return false;
    }

    void packageBuildShowsBuildLogBesideTheBuilder()
    {
        QString error;
        QVERIFY2(fd::test::ensureFailedBuild(m_cluster->sim(), u"team-a"_s, u"inventory-pkg"_s, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(fd::test::packageStatus(m_cluster->sim(), u"team-a"_s, u"inventory-pkg"_s), u"failed"_s, 60'000);
        // With the fast test timings the demo's first build may run before the builder's
        // containers report any status (buildermgr 1.20 then goes ahead, and so does the
        // simulator), so nothing reached the builder's log: rebuild once the builder is ready.
        QTRY_VERIFY_WITH_TIMEOUT(goBuilderReady(), 60'000);
        const QString packagePath = u"/apis/fission.io/v1/namespaces/team-a/packages/inventory-pkg"_s;
        QJsonObject package = m_cluster->sim().get(packagePath).json();
        QJsonObject status = package.value("status"_L1).toObject();
        status.insert(u"buildstatus"_s, u"pending"_s);
        package.insert(u"status"_s, status);
        QCOMPARE(m_cluster->sim().request("PUT", packagePath, QJsonDocument(package).toJson(QJsonDocument::Compact)).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(fd::test::packageStatus(m_cluster->sim(), u"team-a"_s, u"inventory-pkg"_s), u"failed"_s, 60'000);
        const QString buildLog = m_cluster->sim().get(u"/apis/fission.io/v1/namespaces/team-a/packages/inventory-pkg"_s)
                                     .json().value("status"_L1).toObject().value("buildlog"_L1).toString();
        QVERIFY(!buildLog.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->index.packages().get(u"team-a"_s, u"inventory-pkg"_s), 30'000);
        const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::PackageBuild, u"team-a"_s,
                                                         u"inventory-pkg"_s);
        QVERIFY(source);

        LogWindow window;
        QVERIFY(window.follow(*m_session, *source));
        window.show();
        QVERIFY(window.buildLogView());
        QVERIFY(window.buildLogView()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.buildLogView()->toPlainText(), buildLog, 30'000);
        QVERIFY(window.findChild<QLabel *>(u"packageBuildStatus"_s)->text().contains(u"failed"_s));

        // The builder's log, with this package's section marked: START … END, nothing outside.
        const LogTableModel *model = window.viewer()->model();
        const auto sectionRows = [model] {
            QList<int> rows;
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, LogTableModel::MessageColumn).data(LogTableModel::BuildSectionRole).toBool())
                    rows << row;
            }
            return rows;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(sectionRows().size() >= 2
                                      && model->index(sectionRows().last(), LogTableModel::MessageColumn).data().toString()
                                             .startsWith(u"========= END"_s),
                                  qPrintable(messages(*model).join(u'\n')), 30'000);
        const QList<int> rows = sectionRows();
        const QString first = model->index(rows.first(), LogTableModel::MessageColumn).data().toString();
        QVERIFY2(first.startsWith(u"========= START"_s), qPrintable(first));
        QVERIFY(model->index(rows.first(), LogTableModel::MessageColumn).data(Qt::BackgroundRole).isValid());
        // The request line that opened the section names this package.
        bool requestFound = false;
        for (int row = rows.first() - 1; row >= 0 && !requestFound; --row) {
            const QString text = model->index(row, LogTableModel::MessageColumn).data().toString();
            if (text.contains(u"builder received request"_s)) {
                QVERIFY2(text.contains(u"inventory-pkg-"_s), qPrintable(text));
                requestFound = true;
            }
        }
        QVERIFY(requestFound);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row, LogTableModel::MessageColumn).data().toString();
            if (text.contains(u"builder received request"_s))
                QVERIFY(!model->index(row, LogTableModel::MessageColumn).data(LogTableModel::BuildSectionRole).toBool());
        }
        window.viewer()->setFollowing(false);
        window.viewer()->view()->scrollTo(model->index(rows.first(), 0), QAbstractItemView::PositionAtCenter);
        saveScreenshot(window, u"logs-build-failed.png"_s);
    }

    void functionLogsAcrossPods()
    {
        const auto invoke = [this](const QString &tag) {
            return m_cluster->sim().request("GET", u"/api/v1/namespaces/fission/services/router:80/proxy/fission-function/hello/%1"_s.arg(tag)).status == 200;
        };
        QVERIFY(invoke(u"warm-up"_s));
        const auto source = fd::engine::resolveLogSource(*m_session->snapshot(), LogSource::Kind::Function, u"default"_s, u"hello"_s);
        QVERIFY(source);
        LogWindow window;
        QVERIFY(window.follow(*m_session, *source));
        QVERIFY(!window.buildLogView());
        window.resize(1300, 700);
        window.show();
        for (int i = 1; i <= 12; ++i)
            QVERIFY(invoke(u"req-%1"_s.arg(i)));
        const LogTableModel *model = window.viewer()->model();
        QTRY_VERIFY_WITH_TIMEOUT(messages(*model).filter(u"/req-12 "_s).size() == 1, 30'000);
        // Every container of the function's pods is listed (fetcher excluded by default).
        QTreeWidget *sources = window.viewer()->sourceList();
        QVERIFY(sources->topLevelItemCount() >= 1);
        for (int i = 0; i < sources->topLevelItemCount(); ++i) {
            for (int c = 0; c < sources->topLevelItem(i)->childCount(); ++c)
                QVERIFY(sources->topLevelItem(i)->child(c)->text(0) != "fetcher"_L1);
        }
        saveScreenshot(window, u"logs-function.png"_s);
    }
};

QTEST_MAIN(TestLogWindow)
#include "tst_logwindow.moc"
