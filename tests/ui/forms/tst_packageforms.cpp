// The Package form, the Function form's "new package" and secret/config-map pickers, the
// message-queue and watch trigger forms and duplicating into another tenant, filled through
// their widgets (offscreen) against the real engine and the in-process demo cluster, whose
// simulated Fission builds what the forms create: a small folder goes inside the Package as a
// literal, a big one through the storage service.
#include "FormDriving.h"
#include "engine/ClusterSession.h"
#include "engine/Engine.h"
#include "fission/FissionIndex.h"
#include "ui/forms/FissionForms.h"
#include "ui/forms/FormBackend.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::test::child;
using fd::test::screenshotForm;
using fd::test::typeInto;

namespace {

constexpr int kTimeout = 60000;

void selectData(QComboBox *combo, const QString &data)
{
    QVERIFY(combo);
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}

// A Go source folder; `padding` bytes of extra (incompressible enough) data make it big.
QString writeGoFolder(const QTemporaryDir &root, const QString &name, qsizetype padding = 0)
{
    const QString dir = root.filePath(name);
    if (!QDir().mkpath(dir + u"/internal"_s))
        return {};
    const auto write = [&dir](const QString &file, const QByteArray &content) {
        QFile f(dir + u'/' + file);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
    };
    write(u"go.mod"_s, "module example.com/hello\n\ngo 1.22\n");
    write(u"main.go"_s, "package main\n\nimport \"net/http\"\n\nfunc Handler(w http.ResponseWriter, r *http.Request) {\n"
                        "\tw.Write([]byte(\"hello\"))\n}\n");
    if (padding > 0) {
        QByteArray data;
        data.reserve(padding);
        quint32 x = 2463534242u;
        while (data.size() < padding) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            data.append(char('a' + x % 26));
        }
        write(u"internal/table.txt"_s, data);
    }
    return dir;
}

} // namespace

class TestPackageForms : public QObject
{
    Q_OBJECT

private:
    fd::engine::Engine *m_engine = nullptr;
    fd::engine::ClusterSession *m_demo = nullptr;
    fd::ui::SessionFormBackend *m_backend = nullptr;
    QTemporaryDir m_dir;

    const fd::fission::FissionIndex &index() const { return m_demo->snapshot()->index; }
    static QJsonObject jsonOf(const fd::fission::FissionObject *o) { return o ? o->object.toJsonObject() : QJsonObject(); }

    // Fills a Package form for team-a/go from a folder and applies it.
    void createPackage(fd::ui::PackageForm &form, const QString &name, const QString &folder, const QString &sizeWord)
    {
        typeInto(form.nameEdit(), name);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"go"_s);
        typeInto(child<QLineEdit>(&form, u"field:path"_s), folder);
        QVERIFY(form.fieldMessage(u"path"_s).contains(u"reading"_s, Qt::CaseInsensitive)); // not applicable yet
        QTRY_VERIFY_WITH_TIMEOUT(!form.isReadingArchive() && form.archiveSize() > 0, kTimeout);
        QVERIFY2(form.sizeText().contains(sizeWord), qPrintable(form.sizeText()));
        QVERIFY2(form.fieldMessage(u"path"_s).isEmpty(), qPrintable(form.fieldMessage(u"path"_s)));
        QVERIFY(form.fieldMessage(u"environment"_s).isEmpty());
        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_engine = new fd::engine::Engine(this);
        const auto started = m_engine->startDemo({u"demo"_s});
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        m_demo = m_engine->session(u"demo"_s);
        QVERIFY(m_demo);
        m_backend = new fd::ui::SessionFormBackend(m_demo, this);
        QTRY_VERIFY_WITH_TIMEOUT(m_demo->snapshot()->connection.state == fd::engine::ConnectionState::Live
                                     && m_demo->snapshot()->tenants.tenant(u"team-a"_s),
                                 kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"team-a"_s, u"go"_s), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().functions().get(u"team-a"_s, u"orders"_s), kTimeout);
    }

    void packageFormValidatesItsFields()
    {
        fd::ui::PackageForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"checked-pkg"_s);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"no-such-env"_s);
        QVERIFY(form.fieldMessage(u"environment"_s).contains(u"no-such-env"_s));
        QVERIFY(!form.fieldMessage(u"path"_s).isEmpty()); // nothing picked yet
        typeInto(child<QLineEdit>(&form, u"field:path"_s), m_dir.filePath(u"does-not-exist"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!form.isReadingArchive(), kTimeout);
        QVERIFY2(form.fieldMessage(u"path"_s).contains(u"does-not-exist"_s), qPrintable(form.fieldMessage(u"path"_s)));
        // From a URL: the scheme and the checksum are checked as typed.
        selectData(child<QComboBox>(&form, u"field:origin"_s), u"url"_s);
        QVERIFY(!child<QWidget>(&form, u"field:path"_s)->isVisibleTo(&form));
        QVERIFY(form.fieldMessage(u"path"_s).isEmpty());
        typeInto(child<QLineEdit>(&form, u"field:url"_s), u"ftp://example.com/x.zip"_s);
        QVERIFY(!form.fieldMessage(u"url"_s).isEmpty());
        typeInto(child<QLineEdit>(&form, u"field:url"_s), u"https://example.com/x.zip"_s);
        QVERIFY(form.fieldMessage(u"url"_s).isEmpty());
        typeInto(child<QLineEdit>(&form, u"field:checksum"_s), u"abc"_s);
        QVERIFY(form.fieldMessage(u"checksum"_s).contains(u"64"_s));
        typeInto(child<QLineEdit>(&form, u"field:checksum"_s), QString(64, u'a'));
        QVERIFY(form.fieldMessage(u"checksum"_s).isEmpty());
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"go"_s);
        const QJsonObject object = form.buildObject();
        const QJsonObject source = object.value("spec"_L1).toObject().value("source"_L1).toObject();
        QCOMPARE(source.value("type"_L1).toString(), u"url"_s);
        QCOMPARE(source.value("url"_L1).toString(), u"https://example.com/x.zip"_s);
        QCOMPARE(source.value("checksum"_L1).toObject().value("sum"_L1).toString(), QString(64, u'a'));
        // A deployment archive has no build command.
        selectData(child<QComboBox>(&form, u"field:archiveRole"_s), u"deployment"_s);
        QVERIFY(!child<QWidget>(&form, u"field:buildcmd"_s)->isVisibleTo(&form));
        QVERIFY(form.buildObject().value("spec"_L1).toObject().contains("deployment"_L1));
        QVERIFY(!form.buildObject().value("spec"_L1).toObject().contains("source"_L1));
    }

    void smallFolderGoesLiteralAndBuilds()
    {
        const QString folder = writeGoFolder(m_dir, u"small"_s);
        QVERIFY(!folder.isEmpty());
        fd::ui::PackageForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(child<QLineEdit>(&form, u"field:buildcmd"_s), u"./build.sh"_s);
        createPackage(form, u"forms-small-pkg"_s, folder, u"literal"_s);
        QVERIFY(form.uploadedUrl().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(index().packages().get(u"team-a"_s, u"forms-small-pkg"_s), kTimeout);
        const fd::fission::Package *pkg = index().packages().get(u"team-a"_s, u"forms-small-pkg"_s);
        QCOMPARE(pkg->source.type, fd::fission::Archive::Type::Literal);
        QCOMPARE(pkg->buildCommand, u"./build.sh"_s);
        QCOMPARE(pkg->environment.name, u"go"_s);
        QTRY_COMPARE_WITH_TIMEOUT(index().packages().get(u"team-a"_s, u"forms-small-pkg"_s)->buildStatus,
                                  fd::fission::BuildStatus::Succeeded, kTimeout);
    }

    void bigFolderGoesThroughTheStorageService()
    {
        const QString folder = writeGoFolder(m_dir, u"big"_s, 300 * 1024);
        fd::ui::PackageForm form(m_backend, u"team-a"_s);
        form.show();
        createPackage(form, u"forms-big-pkg"_s, folder, u"storage service"_s);
        QVERIFY2(form.uploadedUrl().startsWith(u"http://storagesvc.fission/v1/archive?id="_s), qPrintable(form.uploadedUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(index().packages().get(u"team-a"_s, u"forms-big-pkg"_s), kTimeout);
        const fd::fission::Package *pkg = index().packages().get(u"team-a"_s, u"forms-big-pkg"_s);
        QCOMPARE(pkg->source.type, fd::fission::Archive::Type::Url);
        QCOMPARE(pkg->source.url, form.uploadedUrl());
        QCOMPARE(pkg->source.checksumType, u"sha256"_s);
        QVERIFY(!pkg->source.storageArchiveId().isEmpty());
        // The simulated builder fetched the upload from the storage service (a missing archive
        // or a checksum mismatch would fail the build: tst_sim_fission_storage).
        QTRY_COMPARE_WITH_TIMEOUT(index().packages().get(u"team-a"_s, u"forms-big-pkg"_s)->buildStatus,
                                  fd::fission::BuildStatus::Succeeded, kTimeout);
    }

    void largeArchiveIsWarnedAbout()
    {
        const QString file = m_dir.filePath(u"huge.zip"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(17 * 1024 * 1024));
        }
        fd::ui::PackageForm form(m_backend, u"team-a"_s);
        typeInto(child<QLineEdit>(&form, u"field:path"_s), file);
        QTRY_VERIFY_WITH_TIMEOUT(!form.isReadingArchive() && form.archiveSize() > 0, kTimeout);
        QVERIFY2(form.sizeText().contains(u"17.0 MiB"_s) && form.sizeText().contains(u"large archive"_s), qPrintable(form.sizeText()));
    }

    void screenshotOfThePackageForm()
    {
        const QString folder = writeGoFolder(m_dir, u"hello-go"_s);
        fd::ui::PackageForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"hello-go"_s);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"go"_s);
        typeInto(child<QLineEdit>(&form, u"field:path"_s), folder);
        QTRY_VERIFY_WITH_TIMEOUT(!form.isReadingArchive() && form.archiveSize() > 0, kTimeout);
        typeInto(child<QLineEdit>(&form, u"field:buildcmd"_s), u"./build.sh"_s);
        QVERIFY(form.fieldMessage(u"path"_s).isEmpty());
        screenshotForm(&form, u"package"_s);
    }

    void functionFormMakesItsPackageAndPicksSecrets()
    {
        // A secret in team-a, made as an admin would.
        const QJsonObject secret{{u"apiVersion"_s, u"v1"_s},
                                 {u"kind"_s, u"Secret"_s},
                                 {u"metadata"_s, QJsonObject{{u"namespace"_s, u"team-a"_s}, {u"name"_s, u"forms-creds"_s}}},
                                 {u"stringData"_s, QJsonObject{{u"password"_s, u"not-for-the-form"_s}}}};
        auto created = m_demo->createObject(secret);
        QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), kTimeout);
        QVERIFY2(created.result().ok, qPrintable(created.result().message));
        // Names only come back from the session.
        auto listed = m_demo->listNames(fd::fission::kinds::secrets().gr, u"team-a"_s);
        QTRY_VERIFY_WITH_TIMEOUT(listed.isFinished(), kTimeout);
        QVERIFY(listed.result().ok);
        QCOMPARE(listed.result().object.keys(), QStringList{u"names"_s});
        QVERIFY(listed.result().object.value("names"_L1).toArray().contains(u"forms-creds"_s));
        QVERIFY(!QJsonDocument(listed.result().object).toJson().contains("not-for-the-form"));

        fd::ui::FunctionForm form(m_backend, u"team-a"_s);
        form.show();
        typeInto(form.nameEdit(), u"forms-made"_s);
        typeInto(child<QComboBox>(&form, u"field:environment"_s), u"go"_s);
        typeInto(child<QLineEdit>(&form, u"field:entrypoint"_s), u"Handler"_s);
        // "New from a file or folder…" opens the Package form, prefilled.
        fd::ui::PackageForm *packageForm = form.openNewPackageForm();
        QVERIFY(packageForm);
        QCOMPARE(packageForm->nameEdit()->text(), u"forms-made-pkg"_s);
        QCOMPARE(child<QComboBox>(packageForm, u"field:environment"_s)->currentText(), u"go"_s);
        typeInto(child<QLineEdit>(packageForm, u"field:path"_s), writeGoFolder(m_dir, u"made"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!packageForm->isReadingArchive() && packageForm->archiveSize() > 0, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(packageForm->applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(packageForm->applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(&form, u"field:package"_s)->currentText(), u"forms-made-pkg"_s, kTimeout);
        QVERIFY2(form.fieldMessage(u"package"_s).isEmpty(), qPrintable(form.fieldMessage(u"package"_s)));

        // Secrets picked from the namespace's list.
        QTest::mouseClick(child<QPushButton>(&form, u"pick:secrets"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(form.mountMenu(false), kTimeout);
        QAction *credsAction = nullptr;
        for (QAction *a : form.mountMenu(false)->actions()) {
            if (a->text() == u"forms-creds")
                credsAction = a;
        }
        QVERIFY(credsAction);
        credsAction->trigger();
        form.mountMenu(false)->close();
        QCOMPARE(child<QLineEdit>(&form, u"field:secrets"_s)->text(), u"forms-creds"_s);
        QVERIFY(form.fieldMessage(u"secrets"_s).isEmpty());
        // Once listed, a name that is not there is pointed out.
        typeInto(child<QLineEdit>(&form, u"field:secrets"_s), u"forms-creds, no-such-secret"_s);
        QVERIFY(form.fieldMessage(u"secrets"_s).contains(u"no-such-secret"_s));
        typeInto(child<QLineEdit>(&form, u"field:secrets"_s), u"forms-creds"_s);

        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().functions().get(u"team-a"_s, u"forms-made"_s), kTimeout);
        const fd::fission::Function *fn = index().functions().get(u"team-a"_s, u"forms-made"_s);
        QCOMPARE(fn->package.name, u"forms-made-pkg"_s);
        QCOMPARE(fn->secrets.size(), 1);
        QCOMPARE(fn->secrets.first().name, u"forms-creds"_s);
    }

    void messageQueueTriggerRoundTrip()
    {
        {
            fd::ui::MessageQueueTriggerForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"forms-mq"_s);
            typeInto(child<QComboBox>(&form, u"field:function"_s), u"orders"_s);
            typeInto(child<QComboBox>(&form, u"field:messageQueueType"_s), u"kafka"_s);
            typeInto(child<QLineEdit>(&form, u"field:topic"_s), u"orders in"_s);
            QVERIFY(!form.fieldMessage(u"topic"_s).isEmpty());
            typeInto(child<QLineEdit>(&form, u"field:topic"_s), u"orders.in"_s);
            typeInto(child<QLineEdit>(&form, u"field:respTopic"_s), u"orders.in"_s);
            QVERIFY(form.fieldMessage(u"respTopic"_s).contains(u"own topic"_s));
            typeInto(child<QLineEdit>(&form, u"field:respTopic"_s), u"orders.out"_s);
            typeInto(child<QLineEdit>(&form, u"field:errorTopic"_s), u"orders.err"_s);
            child<QSpinBox>(&form, u"field:maxRetries"_s)->setValue(3);
            typeInto(child<QComboBox>(&form, u"field:contentType"_s), u"json"_s);
            QVERIFY(!form.fieldMessage(u"contentType"_s).isEmpty());
            typeInto(child<QComboBox>(&form, u"field:contentType"_s), u"application/json"_s);
            typeInto(child<QLineEdit>(&form, u"field:metadata"_s), u"bootstrapServers"_s);
            QVERIFY(!form.fieldMessage(u"metadata"_s).isEmpty());
            typeInto(child<QLineEdit>(&form, u"field:metadata"_s), u"bootstrapServers=kafka.kafka:9092, consumerGroup=orders"_s);
            QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
            QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
            QTest::mouseClick(form.applyButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().messageQueueTriggers().get(u"team-a"_s, u"forms-mq"_s), kTimeout);
        const fd::fission::MessageQueueTrigger *t = index().messageQueueTriggers().get(u"team-a"_s, u"forms-mq"_s);
        QCOMPARE(t->function.name, u"orders"_s);
        QCOMPARE(t->messageQueueType, u"kafka"_s);
        QCOMPARE(t->topic, u"orders.in"_s);
        QCOMPARE(t->responseTopic, u"orders.out"_s);
        QCOMPARE(t->errorTopic, u"orders.err"_s);
        QCOMPARE(t->maxRetries, 3);
        QCOMPARE(t->contentType, u"application/json"_s);
        QCOMPARE(t->mqtKind, u"keda"_s);
        QCOMPARE(jsonOf(t).value("spec"_L1).toObject().value("metadata"_L1).toObject().value("consumerGroup"_L1).toString(), u"orders"_s);

        // Edit: the form starts from the object and changes only what the user changed.
        fd::ui::MessageQueueTriggerForm edit(m_backend, u"team-a"_s, jsonOf(t));
        edit.show();
        QCOMPARE(child<QLineEdit>(&edit, u"field:topic"_s)->text(), u"orders.in"_s);
        QCOMPARE(child<QSpinBox>(&edit, u"field:maxRetries"_s)->value(), 3);
        child<QSpinBox>(&edit, u"field:maxRetries"_s)->setValue(5);
        QSignalSpy applied(&edit, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(edit.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(edit.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(index().messageQueueTriggers().get(u"team-a"_s, u"forms-mq"_s)->maxRetries, 5, kTimeout);
        QCOMPARE(index().messageQueueTriggers().get(u"team-a"_s, u"forms-mq"_s)->responseTopic, u"orders.out"_s);
    }

    void watchTriggerRoundTrip()
    {
        {
            fd::ui::WatchTriggerForm form(m_backend, u"team-a"_s);
            form.show();
            typeInto(form.nameEdit(), u"forms-watch"_s);
            typeInto(child<QComboBox>(&form, u"field:function"_s), u"notify"_s);
            QCOMPARE(child<QLineEdit>(&form, u"field:watchNamespace"_s)->text(), u"team-a"_s);
            selectData(child<QComboBox>(&form, u"field:type"_s), u"service"_s);
            typeInto(child<QLineEdit>(&form, u"field:labelSelector"_s), u"app=web, tier"_s);
            QVERIFY(!form.fieldMessage(u"labelSelector"_s).isEmpty());
            typeInto(child<QLineEdit>(&form, u"field:labelSelector"_s), u"app=web, tier=frontend"_s);
            QVERIFY(form.fieldMessage(u"labelSelector"_s).isEmpty());
            QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
            QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
            QTest::mouseClick(form.applyButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().watchTriggers().get(u"team-a"_s, u"forms-watch"_s), kTimeout);
        const fd::fission::KubernetesWatchTrigger *t = index().watchTriggers().get(u"team-a"_s, u"forms-watch"_s);
        QCOMPARE(t->function.name, u"notify"_s);
        QCOMPARE(t->watchNamespace, u"team-a"_s);
        QCOMPARE(t->watchType, u"service"_s);
        QCOMPARE(t->labelSelector.value(u"tier"_s), u"frontend"_s);

        fd::ui::WatchTriggerForm edit(m_backend, u"team-a"_s, jsonOf(t));
        edit.show();
        QCOMPARE(child<QComboBox>(&edit, u"field:type"_s)->currentData().toString(), u"service"_s);
        QCOMPARE(child<QLineEdit>(&edit, u"field:labelSelector"_s)->text(), u"app=web, tier=frontend"_s);
        typeInto(child<QLineEdit>(&edit, u"field:labelSelector"_s), u"app=api"_s);
        QSignalSpy applied(&edit, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(edit.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(edit.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().watchTriggers().get(u"team-a"_s, u"forms-watch"_s)->labelSelector
                                     == (QMap<QString, QString>{{u"app"_s, u"api"_s}}),
                                 kTimeout);
    }

    void duplicateEnvironmentThenFunction()
    {
        const fd::fission::Environment *go = index().environments().get(u"team-a"_s, u"go"_s);
        QVERIFY(go);
        QVERIFY(!index().environments().get(u"default"_s, u"go"_s));
        {
            fd::ui::DuplicateObjectForm form(m_backend, jsonOf(go), u"default"_s);
            form.show();
            QCOMPARE(form.nameEdit()->text(), u"go"_s);
            const QJsonObject object = form.buildObject();
            QCOMPARE(object.value("metadata"_L1).toObject().value("namespace"_L1).toString(), u"default"_s);
            QVERIFY(!object.value("metadata"_L1).toObject().contains("uid"_L1));
            QVERIFY(!object.value("metadata"_L1).toObject().contains("resourceVersion"_L1));
            QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
            QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
            QTest::mouseClick(form.applyButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        }
        QTRY_VERIFY_WITH_TIMEOUT(index().environments().get(u"default"_s, u"go"_s), kTimeout);
        QCOMPARE(jsonOf(index().environments().get(u"default"_s, u"go"_s)).value("spec"_L1).toObject().value("runtime"_L1),
                 jsonOf(index().environments().get(u"team-a"_s, u"go"_s)).value("spec"_L1).toObject().value("runtime"_L1));

        // Held: the session publishes new snapshots (and frees old ones) while the test waits.
        const fd::engine::ClusterSnapshotPtr held = m_demo->snapshot();
        const fd::fission::Function *orders = held->index.functions().get(u"team-a"_s, u"orders"_s);
        QVERIFY(orders);
        fd::ui::DuplicateObjectForm form(m_backend, jsonOf(orders), u"default"_s);
        form.show();
        // The environment exists there now; the package does not: warned, not refused.
        QVERIFY2(form.warningText().contains(u"orders-pkg"_s), qPrintable(form.warningText()));
        QVERIFY2(!form.warningText().contains(u"\"go\""_s), qPrintable(form.warningText()));
        typeInto(form.nameEdit(), u"orders-copy"_s);
        QSignalSpy applied(&form, &fd::ui::ObjectFormDialog::applied);
        QTRY_VERIFY_WITH_TIMEOUT(form.applyButton()->isEnabled(), kTimeout);
        QTest::mouseClick(form.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(index().functions().get(u"default"_s, u"orders-copy"_s), kTimeout);
        const fd::fission::Function *copy = index().functions().get(u"default"_s, u"orders-copy"_s);
        QCOMPARE(copy->environment.namespaceName, u"default"_s);
        QCOMPARE(copy->environment.name, u"go"_s);
        QCOMPARE(copy->package.namespaceName, u"default"_s);
        QCOMPARE(copy->entryPoint, orders->entryPoint);
        QCOMPARE(copy->maxScale, orders->maxScale);
    }
};

QTEST_MAIN(TestPackageForms)
#include "tst_packageforms.moc"
