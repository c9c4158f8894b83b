// The object forms filled through their widgets (offscreen) against the real engine and the
// in-process emulator: create, edit (fields the form does not show survive), a conflict with
// "reload and reapply", the server's dry-run error at its field, the not-watched banner, RBAC,
// and delete with the preview of what references the object.
#include "FormDriving.h"
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "fission/FissionIndex.h"
#include "ui/forms/DeleteObjectDialog.h"
#include "ui/forms/FissionForms.h"
#include "ui/forms/FormBackend.h"
#include "ui/forms/FormMenu.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::test::child;
using fd::test::screenshotForm;
using fd::test::typeInto;

namespace {

constexpr int kTimeout = 60000;

// A backend that says "no" to every access review, to see the form disable Apply.
class DeniedBackend : public fd::ui::SessionFormBackend
{
public:
    using SessionFormBackend::SessionFormBackend;
    QFuture<bool> canI(const QString &, const fd::fission::GroupResource &, const QString &) override
    {
        return QtFuture::makeReadyFuture(false);
    }
};

} // namespace

class TestObjectForms : public QObject
{
    Q_OBJECT

private:
    fd::engine::Engine *m_engine = nullptr;
    fd::engine::ClusterSession *m_demo = nullptr;
    fd::engine::ClusterSession *m_modern = nullptr;
    fd::ui::SessionFormBackend *m_backend = nullptr;
    fd::ui::SessionFormBackend *m_modernBackend = nullptr;

    const fd::fission::FissionIndex &index() const { return m_demo->snapshot()->index; }

    // The server's current JSON of a Fission object, from the session's snapshot.
    static QJsonObject jsonOf(const fd::fission::FissionObject *o) { return o ? o->object.toJsonObject() : QJsonObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_engine = new fd::engine::Engine(this);
        const auto started = m_engine->startDemo({u"demo"_s, u"demo-modern"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        m_demo = m_engine->session(u"demo"_s);
        m_modern = m_engine->session(u"demo-modern"_s);
        QVERIFY(m_demo && m_modern);
        m_backend = new fd::ui::SessionFormBackend(m_demo, this);
        m_modernBackend = new fd::ui::SessionFormBackend(m_modern, this);
        for (auto *s : {m_demo, m_modern}) {
            QTRY_VERIFY_WITH_TIMEOUT(s->snapshot()->connection.state == fd::engine::ConnectionState::Live
                                         && s->snapshot()->tenants.tenant(u"team-a"_s),
                                     kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"go"_s), kTimeout);
        qInfo("demo clusters live");
    }

    void functionFormValidatesAndCreates()
    {
        fd::ui::FunctionForm form(m_backend, u"team-a"_s);
        form.show();
        // Malformed input: messages next to the fields, Apply refuses.
        typeInto(form.nameEdit(), u"Bad_Name"_s);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"no-such-env"_s);
        QVERIFY(!form.fieldMessage(u"name"_s).isEmpty());
        QVERIFY(form.fieldMessage(u"environment"_s).contains(u"no-such-env"_s));
        QVERIFY(form.bannerText().isEmpty()); // team-a is served
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QCOMPARE(form.statusText(), u"Fix the marked fields first."_s);

        typeInto(form.nameEdit(), u"forms-fn"_s);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"go"_s);
        typeInto(child<QComboBox>(&form, u"field:package"_s), u"orders-pkg"_s);
        typeInto(child<QLineEdit>(&form, u"field:entrypoint"_s), u"Handler"_s);
        auto *executor = child<QComboBox>(&form, u"field:executor"_s);
        executor->setCurrentIndex(executor->findData(u"newdeploy"_s));
        child<QSpinBox>(&form, u"field:maxScale"_s)->setValue(4);
        typeInto(child<QLineEdit>(&form, u"field:secrets"_s), u"other/creds"_s); // another namespace: refused
        QVERIFY(!form.fieldMessage(u"secrets"_s).isEmpty());
        typeInto(child<QLineEdit>(&form, u"field:secrets"_s), QString());
        QVERIFY(form.fieldMessage(u"name"_s).isEmpty());
        QVERIFY(form.statusText().isEmpty()); // "fix the marked fields" went with the errors
        QVERIFY(form.fieldMessage(u"environment"_s).isEmpty());
        QVERIFY(form.fieldMessage(u"package"_s).isEmpty());
        QVERIFY(!child<QWidget>(&form, u"field:image"_s)->isVisibleTo(&form)); // container-only field hidden
        screenshotForm(&form, u"function"_s);

        // The YAML preview shows exactly what will be sent.
        auto *tabs = child<QTabWidget>(&form, u"formTabs"_s);
        tabs->setCurrentIndex(1);
        const QString yaml = child<QPlainTextEdit>(&form, u"yamlPreview"_s)->toPlainText();
        screenshotForm(&form, u"function-yaml"_s);
        QVERIFY2(yaml.contains(u"name: forms-fn"_s) && yaml.contains(u"ExecutorType: newdeploy"_s) && yaml.contains(u"MaxScale: 4"_s),
                 qPrintable(yaml));
        tabs->setCurrentIndex(0);

        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().functions().get(u"team-a"_s, u"forms-fn"_s), kTimeout);
        const fd::fission::Function *fn = index().functions().get(u"team-a"_s, u"forms-fn"_s);
        QCOMPARE(fn->executorType, fd::fission::ExecutorType::NewDeploy);
        QCOMPARE(fn->environment.name, u"go"_s);
        QCOMPARE(fn->package.name, u"orders-pkg"_s);
        QCOMPARE(fn->entryPoint, u"Handler"_s);
        QCOMPARE(fn->maxScale, 4);
    }

    void httpTriggerFormCreates()
    {
        fd::ui::HttpTriggerForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"forms-route"_s);
        typeInto(child<QComboBox>(&form, u"field:function"_s), u"forms-fn"_s);
        typeInto(child<QLineEdit>(&form, u"field:path"_s), u"/fission-function/forms"_s);
        QVERIFY(!form.fieldMessage(u"path"_s).isEmpty());
        typeInto(child<QLineEdit>(&form, u"field:path"_s), u"/team-a/forms"_s);
        QVERIFY(form.fieldMessage(u"path"_s).isEmpty());
        child<QCheckBox>(&form, u"method:GET"_s)->setChecked(false);
        QVERIFY(!form.fieldMessage(u"methods"_s).isEmpty());
        QTest::mouseClick(child<QCheckBox>(&form, u"method:POST"_s), Qt::LeftButton);
        QVERIFY(form.fieldMessage(u"methods"_s).isEmpty());
        QVERIFY(form.fieldMessage(u"function"_s).isEmpty());
        screenshotForm(&form, u"http-trigger"_s);
        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().httpTriggers().get(u"team-a"_s, u"forms-route"_s), kTimeout);
        const fd::fission::HttpTrigger *t = index().httpTriggers().get(u"team-a"_s, u"forms-route"_s);
        QCOMPARE(t->relativeUrl, u"/team-a/forms"_s);
        QCOMPARE(t->function.name, u"forms-fn"_s);
        QCOMPARE(jsonOf(t).value("spec"_L1).toObject().value("methods"_L1).toArray(), QJsonArray{u"POST"_s});
    }

    void timeTriggerFormReadsTheSchedule()
    {
        fd::ui::TimeTriggerForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"forms-nightly"_s);
        typeInto(child<QComboBox>(&form, u"field:function"_s), u"forms-fn"_s);
        typeInto(child<QLineEdit>(&form, u"field:cron"_s), u"0 25 * * *"_s);
        QVERIFY(form.fieldMessage(u"cron"_s).contains(u"25"_s));
        typeInto(child<QLineEdit>(&form, u"field:cron"_s), u"0 9 * * 1-5"_s);
        QVERIFY(form.fieldMessage(u"cron"_s).isEmpty());
        QVERIFY2(form.scheduleReading().contains(u"At 09:00, on Monday through Friday"_s), qPrintable(form.scheduleReading()));
        QCOMPARE(form.scheduleReading().count(u"09:00:00"_s), 5); // the next five runs
        screenshotForm(&form, u"time-trigger"_s);
        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().timeTriggers().get(u"team-a"_s, u"forms-nightly"_s), kTimeout);
        QCOMPARE(index().timeTriggers().get(u"team-a"_s, u"forms-nightly"_s)->cron, u"0 9 * * 1-5"_s);
    }

    void environmentCreateEditKeepsUnshownFieldsAndHandlesConflict()
    {
        {
            fd::ui::EnvironmentForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"forms-py"_s);
            auto *preset = child<QComboBox>(&form, u"field:preset"_s);
            preset->setCurrentIndex(1);
            Q_EMIT preset->activated(1); // as a user's pick does
            QCOMPARE(child<QLineEdit>(&form, u"field:runtimeImage"_s)->text(), u"ghcr.io/fission/python-env"_s);
            typeInto(child<QLineEdit>(&form, u"field:memoryLimit"_s), u"512MB"_s);
            QVERIFY(!form.fieldMessage(u"memoryLimit"_s).isEmpty());
            typeInto(child<QLineEdit>(&form, u"field:memoryLimit"_s), u"512Mi"_s);
            QVERIFY(form.fieldMessage(u"memoryLimit"_s).isEmpty());
            child<QSpinBox>(&form, u"field:poolSize"_s)->setValue(2);
            QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
            QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
            QTest::mouseClick(form.applyButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"forms-py"_s), kTimeout);

        // Someone adds a field the form does not show; the edit form must keep it.
        QJsonObject env = jsonOf(index().environments().get(u"team-a"_s, u"forms-py"_s));
        QJsonObject spec = env.value("spec"_L1).toObject();
        spec.insert(u"allowAccessToExternalNetwork"_s, true);
        env.insert(u"spec"_s, spec);
        auto replaced = m_demo->replaceObject(env);
        QTRY_VERIFY_WITH_TIMEOUT(replaced.isFinished(), kTimeout);
        QVERIFY2(replaced.result().ok, qPrintable(replaced.result().message));
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"forms-py"_s)->object.resourceVersion()
                                     == replaced.result().object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString(),
                                 kTimeout);

        fd::ui::EnvironmentForm edit(m_backend, u"team-a"_s, jsonOf(index().environments().get(u"team-a"_s, u"forms-py"_s)));
        edit.show();
        QVERIFY(edit.nameEdit()->isReadOnly());
        QCOMPARE(child<QSpinBox>(&edit, u"field:poolSize"_s)->value(), 2);
        QCOMPARE(child<QLineEdit>(&edit, u"field:memoryLimit"_s)->text(), u"512Mi"_s);

        // Meanwhile another writer changes the object: the form's resourceVersion is stale.
        QJsonObject other = jsonOf(index().environments().get(u"team-a"_s, u"forms-py"_s));
        QJsonObject meta = other.value("metadata"_L1).toObject();
        meta.insert(u"labels"_s, QJsonObject{{u"owner"_s, u"someone-else"_s}});
        other.insert(u"metadata"_s, meta);
        auto otherWrite = m_demo->replaceObject(other);
        QTRY_VERIFY_WITH_TIMEOUT(otherWrite.isFinished(), kTimeout);
        QVERIFY2(otherWrite.result().ok, qPrintable(otherWrite.result().message));
        const QString otherVersion = otherWrite.result().object.value("metadata"_L1).toObject().value("resourceVersion"_L1).toString();

        child<QSpinBox>(&edit, u"field:poolSize"_s)->setValue(5);
        QVERIFY(edit.reloadButton()->isHidden()); // offered only after a conflict
        QSignalSpy failed(&edit, &fd::ui::ObjectFormDialog::applyFailed);
        QSignalSpy applied(&edit, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(edit.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(edit.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
        QVERIFY2(edit.statusText().contains(u"changed by someone else"_s), qPrintable(edit.statusText()));
        QVERIFY(!edit.reloadButton()->isHidden());
        screenshotForm(&edit, u"environment-conflict"_s);
        QCOMPARE(child<QSpinBox>(&edit, u"field:poolSize"_s)->value(), 5); // the user's input is kept
        QCOMPARE(applied.size(), 0);

        // Reload and reapply: the other writer's label and the form's pool size both land.
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"forms-py"_s)->object.resourceVersion() == otherVersion,
                                 kTimeout);
        QTest::mouseClick(edit.reloadButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"forms-py"_s)->poolsize, 5, kTimeout);
        const QJsonObject saved = jsonOf(index().environments().get(u"team-a"_s, u"forms-py"_s));
        QCOMPARE(saved.value("metadata"_L1).toObject().value("labels"_L1).toObject().value("owner"_L1).toString(), u"someone-else"_s);
        QCOMPARE(saved.value("spec"_L1).toObject().value("allowAccessToExternalNetwork"_L1).toBool(), true);
        QCOMPARE(saved.value("spec"_L1).toObject().value("resources"_L1).toObject().value("limits"_L1).toObject().value("memory"_L1).toString(),
                 u"512Mi"_s);
    }

    void dryRunErrorIsShownAtTheField()
    {
        // main's CRD allows only single|infinite; the form leaves that judgement to the server.
        fd::ui::EnvironmentForm form(m_modernBackend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"forms-dry"_s);
        typeInto(child<QLineEdit>(&form, u"field:runtimeImage"_s), u"ghcr.io/fission/node-env"_s);
        typeInto(child<QComboBox>(&form, u"field:functionsPerContainer"_s), u"many"_s);
        QVERIFY(form.fieldMessage(u"functionsPerContainer"_s).isEmpty());
        QSignalSpy failed(&form, &fd::ui::ObjectFormDialog::applyFailed);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeout);
        QVERIFY2(!form.fieldMessage(u"functionsPerContainer"_s).isEmpty(), qPrintable(form.statusText()));
        QVERIFY2(form.statusText().contains(u"dry run"_s), qPrintable(form.statusText()));
        QCOMPARE(child<QComboBox>(&form, u"field:functionsPerContainer"_s)->currentText(), u"many"_s); // input kept
        screenshotForm(&form, u"environment-dry-run-error"_s);
        QVERIFY(!m_modern->snapshot()->index.environments().get(u"team-a"_s, u"forms-dry"_s));
        // Editing the field clears the server's message.
        typeInto(child<QComboBox>(&form, u"field:functionsPerContainer"_s), u"single"_s);
        QVERIFY(form.fieldMessage(u"functionsPerContainer"_s).isEmpty());
    }

    void sessionDryRunPersistsNothing()
    {
        // The engine's dryRun=All: a valid object passes but is not stored. A real create made
        // afterwards shows up in the snapshot, so by then the dry one would have, too.
        const auto envObject = [](const QString &name) {
            return QJsonObject{{u"apiVersion"_s, u"fission.io/v1"_s},
                               {u"kind"_s, u"Environment"_s},
                               {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"team-a"_s}}},
                               {u"spec"_s, QJsonObject{{u"version"_s, 3}, {u"runtime"_s, QJsonObject{{u"image"_s, u"ghcr.io/fission/node-env"_s}}}}}};
        };
        auto dry = m_demo->createObject(envObject(u"forms-dry-only"_s), true);
        QTRY_VERIFY_WITH_TIMEOUT(dry.isFinished(), kTimeout);
        QVERIFY2(dry.result().ok, qPrintable(dry.result().message));
        QVERIFY(dry.result().message.contains(u"dry run"_s));
        auto real = m_demo->createObject(envObject(u"forms-marker"_s), false);
        QTRY_VERIFY_WITH_TIMEOUT(real.isFinished(), kTimeout);
        QVERIFY2(real.result().ok, qPrintable(real.result().message));
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"forms-marker"_s), kTimeout);
        QVERIFY(!index().environments().get(u"team-a"_s, u"forms-dry-only"_s));
    }

    void warnsWhenTheTenantIsNotWatched()
    {
        fd::ui::FunctionForm form(m_backend, u"test"_s);
        QVERIFY2(form.bannerText().contains(u"does not watch"_s), qPrintable(form.bannerText()));
        screenshotForm(&form, u"not-watched"_s);
    }

    void applyIsDisabledWithoutPermission()
    {
        DeniedBackend denied(m_demo);
        fd::ui::HttpTriggerForm form(&denied, u"team-a"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!form.applyButton()->isEnabled(), kTimeout);
        QVERIFY2(form.applyButton()->toolTip().contains(u"create httptriggers.fission.io in team-a"_s),
                 qPrintable(form.applyButton()->toolTip()));
        typeInto(form.nameEdit(), u"still-disabled"_s);
        QVERIFY(!form.applyButton()->isEnabled());
    }

    void treeMenuOpensTheForms()
    {
        QWidget window;
        QMenu tenantMenu;
        fd::ui::addObjectFormActions(&tenantMenu, &window, m_demo, u"team-a"_s, nullptr);
        QStringList labels;
        for (QAction *a : tenantMenu.actions()) {
            if (!a->isSeparator())
                labels << a->text();
        }
        QCOMPARE(labels, (QStringList{u"New function…"_s, u"New HTTP trigger…"_s, u"New environment…"_s, u"New time trigger…"_s,
                                      u"New package…"_s, u"New message queue trigger…"_s, u"New Kubernetes watch trigger…"_s}));
        tenantMenu.actions().at(1)->trigger(); // the separator comes first
        auto *created = window.findChild<fd::ui::FunctionForm *>();
        QVERIFY(created);
        QCOMPARE(created->mode(), fd::ui::ObjectFormDialog::Mode::Create);
        QCOMPARE(created->namespaceName(), u"team-a"_s);

        QMenu objectMenu;
        const fd::fission::ObjectRef orders{u"fission.io"_s, u"Function"_s, u"team-a"_s, u"orders"_s, {}};
        fd::ui::addObjectFormActions(&objectMenu, &window, m_demo, u"team-a"_s, &orders);
        QAction *edit = nullptr;
        for (QAction *a : objectMenu.actions()) {
            if (a->text() == u"Edit…"_s)
                edit = a;
        }
        QVERIFY(edit);
        edit->trigger();
        fd::ui::FunctionForm *editing = nullptr;
        for (auto *f : window.findChildren<fd::ui::FunctionForm *>()) {
            if (f->mode() == fd::ui::ObjectFormDialog::Mode::Edit)
                editing = f;
        }
        QVERIFY(editing);
        QCOMPARE(editing->nameEdit()->text(), u"orders"_s);
        QCOMPARE(child<QComboBox>(editing, u"field:environment"_s)->currentText(), u"go"_s);
        QCOMPARE(child<QComboBox>(editing, u"field:executor"_s)->currentData().toString(), u"newdeploy"_s);
        // Unchanged, the edit form sends the object back as it is (bar the server-owned fields).
        const QJsonObject server = jsonOf(index().functions().get(u"team-a"_s, u"orders"_s));
        QCOMPARE(editing->buildObject().value("spec"_L1).toObject().value("environment"_L1),
                 server.value("spec"_L1).toObject().value("environment"_L1));
        QCOMPARE(editing->buildObject().value("spec"_L1).toObject().value("package"_L1),
                 server.value("spec"_L1).toObject().value("package"_L1));
        // Fields the user did not touch and the object does not carry stay absent (no defaults
        // written into someone else's object).
        QJsonObject bare = server;
        QJsonObject bareSpec = bare.value("spec"_L1).toObject();
        bareSpec.remove(u"concurrency"_s);
        bareSpec.remove(u"idletimeout"_s);
        bare.insert(u"spec"_s, bareSpec);
        fd::ui::FunctionForm bareEdit(m_backend, u"team-a"_s, bare);
        QVERIFY(!bareEdit.buildObject().value("spec"_L1).toObject().contains("concurrency"_L1));
        QVERIFY(!bareEdit.buildObject().value("spec"_L1).toObject().contains("idletimeout"_L1));
        QCOMPARE(bareEdit.buildObject().value("spec"_L1).toObject().value("functionTimeout"_L1), bareSpec.value("functionTimeout"_L1));
        child<QSpinBox>(&bareEdit, u"field:concurrency"_s)->setValue(7); // a change is written
        QCOMPARE(bareEdit.buildObject().value("spec"_L1).toObject().value("concurrency"_L1).toInt(), 7);
    }

    void deletePreviewsReferencesAndDeletes()
    {
        {
            fd::ui::DeleteObjectDialog envDialog(m_backend, u"Environment"_s, u"team-a"_s, u"go"_s);
            QVERIFY2(envDialog.references().contains(u"Function team-a/orders"_s), qPrintable(envDialog.references().join(u", "_s)));
            QVERIFY(envDialog.references().contains(u"Function team-a/forms-fn"_s));
            QVERIFY(envDialog.references().contains(u"Package team-a/orders-pkg"_s));
        }
        fd::ui::DeleteObjectDialog dialog(m_backend, u"Function"_s, u"team-a"_s, u"forms-fn"_s);
        QCOMPARE(dialog.references(), (QStringList{u"HTTPTrigger team-a/forms-route"_s, u"TimeTrigger team-a/forms-nightly"_s}));
        screenshotForm(&dialog, u"delete"_s);
        QSignalSpy deleted(&dialog, &fd::ui::DeleteObjectDialog::deleted);
        QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!index().functions().get(u"team-a"_s, u"forms-fn"_s), kTimeout);
    }
};

QTEST_MAIN(TestObjectForms)
#include "tst_objectforms.moc"
