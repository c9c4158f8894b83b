// Issue 10's "done means", through real widgets on the in-process demo cluster: a new user creates
// an environment, a package from a folder on this computer, a function and an HTTP trigger in
// team-a with the forms, watches the package build in the troubleshooter, and calls the function
// through the router on the trigger's route.
#include "FormDriving.h"
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "fission/BuildTimeline.h"
#include "fission/FissionIndex.h"
#include "ui/forms/FissionForms.h"
#include "ui/forms/FormBackend.h"
#include "ui/troubleshoot/BuildTroubleshooter.h"
#include "ui/troubleshoot/CallFunctionDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using fd::test::typeInto;

namespace {

constexpr int LongWait = 90000;

template <typename T>
T *field(QWidget *form, const QString &name)
{
    return fd::test::child<T>(form, u"field:"_s + name);
}

// Clicks Apply once the form allows it and waits for the server's answer.
void apply(fd::ui::ObjectFormDialog &form)
{
    QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
    QTRY_VERIFY2_WITH_TIMEOUT(form.applyButton()->isEnabled(), qPrintable(form.statusText()), LongWait);
    QTest::mouseClick(form.applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, LongWait);
}

QString stepState(QWidget *window, const QString &step)
{
    auto *row = window->findChild<QFrame *>(u"step:"_s + step);
    return row ? row->property("state").toString() : QString();
}

} // namespace

class TestNewUserFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<fd::engine::Engine> m_engine;
    fd::engine::ClusterSession *m_session = nullptr;
    fd::ui::SessionFormBackend *m_backend = nullptr;
    QTemporaryDir m_dir;

    const fd::fission::FissionIndex &index() const { return m_session->snapshot()->index; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_engine = std::make_unique<fd::engine::Engine>();
        const auto started = m_engine->startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        m_session = m_engine->session(u"demo"_s);
        QVERIFY(m_session);
        m_backend = new fd::ui::SessionFormBackend(m_session, this);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->snapshot()->connection.state == fd::engine::ConnectionState::Live
                                     && m_session->snapshot()->tenants.tenant(u"team-a"_s),
                                 LongWait);
    }

    void createBuildAndCall()
    {
        // 1. An environment from the Go preset.
        {
            fd::ui::EnvironmentForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"flow-go"_s);
            auto *preset = field<QComboBox>(&form, u"preset"_s);
            const int go = preset->findText(u"Go 1.23"_s);
            QVERIFY(go > 0);
            preset->setCurrentIndex(go);
            Q_EMIT preset->activated(go); // as a user's pick does
            QCOMPARE(field<QLineEdit>(&form, u"builderImage"_s)->text(), u"ghcr.io/fission/go-builder-1.23"_s);
            apply(form);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"flow-go"_s), LongWait);

        // 2. A package from a folder on this computer (zipped off the GUI thread).
        const QString folder = m_dir.filePath(u"hello"_s);
        QVERIFY(QDir().mkpath(folder));
        {
            QFile mod(folder + u"/go.mod"_s);
            QVERIFY(mod.open(QIODevice::WriteOnly));
            mod.write("module example.com/hello\n\ngo 1.23\n");
            QFile main(folder + u"/main.go"_s);
            QVERIFY(main.open(QIODevice::WriteOnly));
            main.write("package main\n\nimport \"net/http\"\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n"
                       "\tw.Write([]byte(\"hello from the flow\"))\n}\n");
        }
        {
            fd::ui::PackageForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"flow-pkg"_s);
            typeInto(field<QComboBox>(&form, u"environment"_s), u"flow-go"_s);
            typeInto(field<QLineEdit>(&form, u"path"_s), folder);
            QTRY_VERIFY_WITH_TIMEOUT(!form.isReadingArchive() && form.archiveSize() > 0, LongWait);
            apply(form);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().packages().get(u"team-a"_s, u"flow-pkg"_s), LongWait);

        // 3. The troubleshooter follows the build to its end.
        auto *troubleshooter = fd::ui::BuildTroubleshooter::open(m_session, u"team-a"_s, u"flow-pkg"_s);
        QVERIFY(troubleshooter);
        QTRY_COMPARE_WITH_TIMEOUT(stepState(troubleshooter, u"finished"_s), u"done"_s, LongWait);
        QCOMPARE(stepState(troubleshooter, u"build"_s), u"done"_s);
        QCOMPARE(stepState(troubleshooter, u"upload"_s), u"done"_s);
        QCOMPARE(index().packages().get(u"team-a"_s, u"flow-pkg"_s)->buildStatus, fd::fission::BuildStatus::Succeeded);
        troubleshooter->close();

        // 4. A function on that package, and 5. an HTTP trigger for it.
        {
            fd::ui::FunctionForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"flow-fn"_s);
            typeInto(field<QComboBox>(&form, u"environment"_s), u"flow-go"_s);
            typeInto(field<QComboBox>(&form, u"package"_s), u"flow-pkg"_s);
            typeInto(field<QLineEdit>(&form, u"entrypoint"_s), u"Handler"_s);
            apply(form);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().functions().get(u"team-a"_s, u"flow-fn"_s), LongWait);
        {
            fd::ui::HttpTriggerForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"flow-route"_s);
            typeInto(field<QComboBox>(&form, u"function"_s), u"flow-fn"_s);
            typeInto(field<QLineEdit>(&form, u"path"_s), u"/team-a/flow"_s);
            apply(form);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().httpTriggers().get(u"team-a"_s, u"flow-route"_s), LongWait);

        // 6. Call it through the router on the trigger's route (the first call specializes a pod).
        auto *dialog = new fd::ui::CallFunctionDialog(m_session, {u"fission.io"_s, u"Function"_s, u"team-a"_s, u"flow-fn"_s, {}},
                                                      [](const QString &) {});
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        auto *path = dialog->findChild<QComboBox *>(u"path"_s);
        QVERIFY(path);
        QTRY_COMPARE_WITH_TIMEOUT(path->currentText(), u"/team-a/flow"_s, LongWait);
        auto *send = dialog->findChild<QPushButton *>(u"send"_s);
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (send->isEnabled() && dialog->lastResult().status != 200)
                    QTest::mouseClick(send, Qt::LeftButton);
                return dialog->lastResult().status == 200;
            },
            LongWait));
        QVERIFY(dialog->findChild<QLabel *>(u"resultStatus"_s)->text().contains(u"200"_s));
        dialog->close();
    }
};

QTEST_MAIN(TestNewUserFlow)
#include "tst_newuserflow.moc"
