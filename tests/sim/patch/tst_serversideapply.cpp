#include "PatchTestUtil.h"

#include "sim/patch/ServerSideApply.h"

#include <QJsonArray>
#include <QTest>

using fd::sim::ApplyOptions;
using fd::sim::PatchErrorKind;
using fd::sim::UpdateOptions;
using fd::test::jsonObject;

// Declared before the JSON literals below: moc cannot parse multi-line raw strings.
class TestServerSideApply : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsWithManagedFields();
    void sameManagerUpdatesAndRemovesOmittedFields();
    void conflicts_data();
    void conflicts();
    void forceMovesOwnership();
    void equalValuesAreShared();
    void omittedFieldOwnedByAnotherManagerStays();
    void noopApplyKeepsTimestamp();
    void associativeListsMergeByKey();
    void statusSubresource();
    void mainApplyIgnoresStatus();
    void beforeFirstApplyOwnsUntrackedFields();
    void customResourceListsAreAtomic();
    void kubectlKeepsLastAppliedInStep();
    void rejects_data();
    void rejects();
    void recordUpdateOnCreate();
    void recordUpdateMovesOwnership();
    void recordUpdateRemovedFieldsLeaveOwners();
    void recordUpdateResetAndUntracked();
    void recordUpdateStatusSubresource();
};

namespace {

const QDateTime kTime1 = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);
const QDateTime kTime2 = QDateTime(QDate(2024, 5, 1), QTime(11, 0, 0), Qt::UTC);

const QByteArray kDeployment = R"({"apiVersion":"apps/v1","kind":"Deployment",
 "metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
  "template":{"metadata":{"labels":{"app":"web"}},
   "spec":{"containers":[{"name":"nginx","image":"nginx:1","ports":[{"containerPort":80}]}]}}}})";

const QByteArray kDeploymentFields = R"({"f:metadata":{"f:labels":{"f:app":{}}},
 "f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},
  "f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{},
   "f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}})";

ApplyOptions applyOptions(const QString &manager, bool force = false, const QDateTime &time = kTime1)
{
    ApplyOptions options;
    options.manager = manager;
    options.force = force;
    options.apiVersion = QStringLiteral("apps/v1");
    options.group = QStringLiteral("apps");
    options.kind = QStringLiteral("Deployment");
    options.time = time;
    return options;
}

UpdateOptions updateOptions(const QString &manager, const QString &apiVersion, const QString &group, const QString &kind,
                            const QDateTime &time = kTime1)
{
    UpdateOptions options;
    options.manager = manager;
    options.apiVersion = apiVersion;
    options.group = group;
    options.kind = kind;
    options.time = time;
    return options;
}

QJsonArray managedFields(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("managedFields")).toArray();
}

QJsonObject entryOf(const QJsonObject &object, const QString &manager, const QString &operation = QStringLiteral("Apply"))
{
    const QJsonArray entries = managedFields(object);
    for (const QJsonValue &entry : entries) {
        const QJsonObject e = entry.toObject();
        if (e.value(QStringLiteral("manager")).toString() == manager && e.value(QStringLiteral("operation")).toString() == operation)
            return e;
    }
    return {};
}

QJsonObject fieldsOf(const QJsonObject &object, const QString &manager, const QString &operation = QStringLiteral("Apply"))
{
    return entryOf(object, manager, operation).value(QStringLiteral("fieldsV1")).toObject();
}

QJsonObject withoutManagedFields(QJsonObject object)
{
    QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    metadata.remove(QStringLiteral("managedFields"));
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QJsonObject mustApply(const std::optional<QJsonObject> &live, const QJsonObject &applied, const ApplyOptions &options)
{
    const auto result = fd::sim::applyServerSide(live, applied, options);
    if (!result.hasValue())
        qFatal("apply failed: %s", qPrintable(result.error().message));
    return result.value();
}

QJsonObject setPath(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(path.first());
        else
            object.insert(path.first(), value);
        return object;
    }
    object.insert(path.first(), setPath(object.value(path.first()).toObject(), path.mid(1), value));
    return object;
}

// A minimal apply configuration of the web Deployment that sets the given field.
QJsonObject partialDeployment(const QStringList &path, const QJsonValue &value)
{
    const QJsonObject base = jsonObject(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"}})");
    return setPath(base, path, value);
}

} // namespace


void TestServerSideApply::createsWithManagedFields()
{
    const QJsonObject applied = jsonObject(kDeployment);
    const QJsonObject result = mustApply(std::nullopt, applied, applyOptions(QStringLiteral("kubectl")));
    FD_COMPARE_JSON(withoutManagedFields(result), applied);
    const QJsonArray entries = managedFields(result);
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("manager")).toString(), QStringLiteral("kubectl"));
    QCOMPARE(entry.value(QStringLiteral("operation")).toString(), QStringLiteral("Apply"));
    QCOMPARE(entry.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("apps/v1"));
    QCOMPARE(entry.value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-01T10:00:00Z"));
    QCOMPARE(entry.value(QStringLiteral("fieldsType")).toString(), QStringLiteral("FieldsV1"));
    QVERIFY(!entry.contains(QStringLiteral("subresource")));
    FD_COMPARE_JSON(entry.value(QStringLiteral("fieldsV1")).toObject(), jsonObject(kDeploymentFields));
}

void TestServerSideApply::sameManagerUpdatesAndRemovesOmittedFields()
{
    const QJsonObject created = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    QJsonObject next = jsonObject(kDeployment);
    next = setPath(next, {QStringLiteral("spec"), QStringLiteral("replicas")}, 3);
    next = setPath(next, {QStringLiteral("metadata"), QStringLiteral("labels")}, QJsonValue(QJsonValue::Undefined));
    const QJsonObject result = mustApply(created, next, applyOptions(QStringLiteral("kubectl"), false, kTime2));
    FD_COMPARE_JSON(withoutManagedFields(result), next);
    QCOMPARE(entryOf(result, QStringLiteral("kubectl")).value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-01T11:00:00Z"));
    QVERIFY(!fieldsOf(result, QStringLiteral("kubectl")).value(QStringLiteral("f:metadata")).toObject().contains(QStringLiteral("f:labels")));

    // Dropping a container removes it from the live object too.
    QJsonObject noPorts = next;
    QJsonArray containers{jsonObject(R"({"name":"nginx","image":"nginx:2"})")};
    noPorts = setPath(noPorts, {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")}, containers);
    const QJsonObject third = mustApply(result, noPorts, applyOptions(QStringLiteral("kubectl"), false, kTime2));
    FD_COMPARE_JSON(withoutManagedFields(third), noPorts);
}

void TestServerSideApply::conflicts_data()
{
    QTest::addColumn<QJsonObject>("live");
    QTest::addColumn<QJsonObject>("applied");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("causeFields");
    QTest::addColumn<QString>("causeMessage");

    const QJsonObject byKubectl = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    QTest::addRow("apply manager") << byKubectl << partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 5)
                                   << QStringLiteral("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas")
                                   << QStringList{QStringLiteral(".spec.replicas")} << QStringLiteral("conflict with \"kubectl\"");

    const QJsonObject created = fd::sim::recordUpdate(std::nullopt, jsonObject(kDeployment),
                                                      updateOptions(QStringLiteral("kubectl-create"), QStringLiteral("apps/v1"),
                                                                    QStringLiteral("apps"), QStringLiteral("Deployment")));
    QTest::addRow("update manager") << created << partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 5)
                                    << QStringLiteral("Apply failed with 1 conflict: conflict with \"kubectl-create\" using apps/v1: .spec.replicas")
                                    << QStringList{QStringLiteral(".spec.replicas")}
                                    << QStringLiteral("conflict with \"kubectl-create\" using apps/v1");

    QJsonObject two = partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 5);
    two = setPath(two, {QStringLiteral("metadata"), QStringLiteral("labels")}, QJsonObject{{QStringLiteral("app"), QStringLiteral("other")}});
    QTest::addRow("two fields") << byKubectl << two
                                << QStringLiteral("Apply failed with 2 conflicts: conflicts with \"kubectl\":\n- .metadata.labels.app\n- .spec.replicas")
                                << QStringList{QStringLiteral(".metadata.labels.app"), QStringLiteral(".spec.replicas")}
                                << QStringLiteral("conflict with \"kubectl\"");

    QJsonObject image = partialDeployment({QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")},
                                          QJsonArray{jsonObject(R"({"name":"nginx","image":"nginx:9"})")});
    QTest::addRow("list item field") << byKubectl << image
                                     << QStringLiteral("Apply failed with 1 conflict: conflict with \"kubectl\": "
                                                       ".spec.template.spec.containers[name=\"nginx\"].image")
                                     << QStringList{QStringLiteral(".spec.template.spec.containers[name=\"nginx\"].image")}
                                     << QStringLiteral("conflict with \"kubectl\"");
}

void TestServerSideApply::conflicts()
{
    QFETCH(QJsonObject, live);
    QFETCH(QJsonObject, applied);
    QFETCH(QString, message);
    QFETCH(QStringList, causeFields);
    QFETCH(QString, causeMessage);
    const auto result = fd::sim::applyServerSide(live, applied, applyOptions(QStringLiteral("helm")));
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().kind, PatchErrorKind::Conflict);
    QCOMPARE(result.error().httpStatus(), 409);
    QCOMPARE(result.error().message, message);
    QStringList fields;
    for (const auto &cause : result.error().causes) {
        QCOMPARE(cause.reason, QStringLiteral("FieldManagerConflict"));
        QCOMPARE(cause.message, causeMessage);
        fields.append(cause.field);
    }
    QCOMPARE(fields, causeFields);
    const QJsonObject status = result.error().toStatus();
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("Conflict"));
    QCOMPARE(status.value(QStringLiteral("details")).toObject().value(QStringLiteral("causes")).toArray().size(), causeFields.size());
}

void TestServerSideApply::forceMovesOwnership()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject result = mustApply(live, partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 5),
                                         applyOptions(QStringLiteral("helm"), true, kTime2));
    QCOMPARE(result.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 5);
    QVERIFY(!fieldsOf(result, QStringLiteral("kubectl")).value(QStringLiteral("f:spec")).toObject().contains(QStringLiteral("f:replicas")));
    FD_COMPARE_JSON(fieldsOf(result, QStringLiteral("helm")), jsonObject(R"({"f:spec":{"f:replicas":{}}})"));
    // The old owner now applying without the field no longer removes it.
    QJsonObject again = jsonObject(kDeployment);
    again = setPath(again, {QStringLiteral("spec"), QStringLiteral("replicas")}, QJsonValue(QJsonValue::Undefined));
    const QJsonObject after = mustApply(result, again, applyOptions(QStringLiteral("kubectl"), false, kTime2));
    QCOMPARE(after.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 5);
}

void TestServerSideApply::equalValuesAreShared()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject result = mustApply(live, partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 2),
                                         applyOptions(QStringLiteral("helm")));
    QVERIFY(fieldsOf(result, QStringLiteral("kubectl")).value(QStringLiteral("f:spec")).toObject().contains(QStringLiteral("f:replicas")));
    QVERIFY(fieldsOf(result, QStringLiteral("helm")).value(QStringLiteral("f:spec")).toObject().contains(QStringLiteral("f:replicas")));
    // Entries are sorted by operation, then time, then manager.
    QCOMPARE(managedFields(result).at(0).toObject().value(QStringLiteral("manager")).toString(), QStringLiteral("helm"));
    // A shared field stays when one sharer stops applying it…
    QJsonObject without = jsonObject(kDeployment);
    without = setPath(without, {QStringLiteral("spec"), QStringLiteral("replicas")}, QJsonValue(QJsonValue::Undefined));
    const QJsonObject kept = mustApply(result, without, applyOptions(QStringLiteral("kubectl")));
    QCOMPARE(kept.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 2);
    // …and goes when the last one does.
    QJsonObject helmEmpty = partialDeployment({QStringLiteral("spec"), QStringLiteral("paused")}, false);
    const QJsonObject gone = mustApply(kept, helmEmpty, applyOptions(QStringLiteral("helm")));
    QVERIFY(!gone.value(QStringLiteral("spec")).toObject().contains(QStringLiteral("replicas")));
}

void TestServerSideApply::omittedFieldOwnedByAnotherManagerStays()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject labelled = mustApply(
        live, partialDeployment({QStringLiteral("metadata"), QStringLiteral("labels")}, QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("team"), QStringLiteral("a")}}),
        applyOptions(QStringLiteral("helm")));
    QJsonObject without = jsonObject(kDeployment);
    without = setPath(without, {QStringLiteral("metadata"), QStringLiteral("labels")}, QJsonValue(QJsonValue::Undefined));
    const QJsonObject result = mustApply(labelled, without, applyOptions(QStringLiteral("kubectl")));
    FD_COMPARE_JSON(result.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("labels")).toObject(),
                    jsonObject(R"({"app":"web","team":"a"})"));
    // Helm later dropping "team" removes it; "app" too, as nobody owns it any more.
    const QJsonObject dropped = mustApply(result, partialDeployment({QStringLiteral("spec"), QStringLiteral("paused")}, false),
                                          applyOptions(QStringLiteral("helm")));
    QVERIFY(!dropped.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("labels")));
}

void TestServerSideApply::noopApplyKeepsTimestamp()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject again = mustApply(live, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl"), false, kTime2));
    FD_COMPARE_JSON(again, live);
}

void TestServerSideApply::associativeListsMergeByKey()
{
    QJsonObject live = jsonObject(kDeployment);
    live = setPath(live, {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")},
                   QJsonArray{jsonObject(R"({"name":"a","image":"a"})"), jsonObject(R"({"name":"b","image":"b"})")});
    live = mustApply(std::nullopt, live, applyOptions(QStringLiteral("kubectl")));
    const QJsonObject applied = partialDeployment(
        {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")},
        QJsonArray{jsonObject(R"({"name":"b","image":"b"})"), jsonObject(R"({"name":"c","image":"c"})")});
    const QJsonObject result = mustApply(live, applied, applyOptions(QStringLiteral("sidecar-injector")));
    const QJsonArray containers = result.value(QStringLiteral("spec")).toObject().value(QStringLiteral("template")).toObject()
                                      .value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray();
    QStringList names;
    for (const QJsonValue &c : containers)
        names.append(c.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    FD_COMPARE_JSON(fieldsOf(result, QStringLiteral("sidecar-injector")),
                    jsonObject(R"({"f:spec":{"f:template":{"f:spec":{"f:containers":{)"
                               R"("k:{\"name\":\"b\"}":{".":{},"f:image":{},"f:name":{}},"k:{\"name\":\"c\"}":{".":{},"f:image":{},"f:name":{}}}}}}})"));
}

void TestServerSideApply::statusSubresource()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    ApplyOptions options = applyOptions(QStringLiteral("controller"));
    options.scope.subresource = QStringLiteral("status");
    QJsonObject applied = partialDeployment({QStringLiteral("status"), QStringLiteral("replicas")}, 2);
    applied = setPath(applied, {QStringLiteral("spec"), QStringLiteral("replicas")}, 9); // ignored on /status
    const QJsonObject result = mustApply(live, applied, options);
    QCOMPARE(result.value(QStringLiteral("status")).toObject().value(QStringLiteral("replicas")).toInt(), 2);
    QCOMPARE(result.value(QStringLiteral("spec")).toObject().value(QStringLiteral("replicas")).toInt(), 2);
    const QJsonObject entry = entryOf(result, QStringLiteral("controller"));
    QCOMPARE(entry.value(QStringLiteral("subresource")).toString(), QStringLiteral("status"));
    FD_COMPARE_JSON(entry.value(QStringLiteral("fieldsV1")).toObject(), jsonObject(R"({"f:status":{"f:replicas":{}}})"));
}

void TestServerSideApply::mainApplyIgnoresStatus()
{
    QJsonObject applied = jsonObject(kDeployment);
    applied = setPath(applied, {QStringLiteral("status"), QStringLiteral("replicas")}, 7);
    const QJsonObject result = mustApply(std::nullopt, applied, applyOptions(QStringLiteral("kubectl")));
    QVERIFY(!result.contains(QStringLiteral("status")));
    FD_COMPARE_JSON(fieldsOf(result, QStringLiteral("kubectl")), jsonObject(kDeploymentFields));

    // Kinds without a status subresource treat status as a plain field.
    ApplyOptions plain = applyOptions(QStringLiteral("kubectl"));
    plain.scope.statusSubresource = false;
    const QJsonObject withStatus = mustApply(std::nullopt, applied, plain);
    QCOMPARE(withStatus.value(QStringLiteral("status")).toObject().value(QStringLiteral("replicas")).toInt(), 7);
}

void TestServerSideApply::beforeFirstApplyOwnsUntrackedFields()
{
    QJsonObject live = jsonObject(kDeployment);
    live = setPath(live, {QStringLiteral("metadata"), QStringLiteral("uid")}, QStringLiteral("u-1"));
    const auto conflict = fd::sim::applyServerSide(live, partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 4),
                                                   applyOptions(QStringLiteral("kubectl")));
    QVERIFY(!conflict.hasValue());
    QCOMPARE(conflict.error().message,
             QStringLiteral("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas"));
    const QJsonObject same = mustApply(live, partialDeployment({QStringLiteral("spec"), QStringLiteral("replicas")}, 2),
                                       applyOptions(QStringLiteral("kubectl")));
    QVERIFY(!entryOf(same, QStringLiteral("before-first-apply"), QStringLiteral("Update")).isEmpty());
    QVERIFY(!entryOf(same, QStringLiteral("kubectl")).isEmpty());
}

void TestServerSideApply::customResourceListsAreAtomic()
{
    ApplyOptions options;
    options.manager = QStringLiteral("helm");
    options.apiVersion = QStringLiteral("fission.io/v1");
    options.group = QStringLiteral("fission.io");
    options.kind = QStringLiteral("Function");
    options.time = kTime1;
    const QJsonObject applied = jsonObject(R"({"apiVersion":"fission.io/v1","kind":"Function","metadata":{"name":"f","finalizers":["x"]},)"
                                           R"("spec":{"environment":{"name":"go"},"secrets":[{"name":"s"}]}})");
    const QJsonObject result = mustApply(std::nullopt, applied, options);
    FD_COMPARE_JSON(fieldsOf(result, QStringLiteral("helm")),
                    jsonObject(R"({"f:metadata":{"f:finalizers":{"v:\"x\"":{}}},"f:spec":{"f:environment":{"f:name":{}},"f:secrets":{}}})"));
}

void TestServerSideApply::kubectlKeepsLastAppliedInStep()
{
    QJsonObject live = jsonObject(kDeployment);
    live = setPath(live, {QStringLiteral("metadata"), QStringLiteral("annotations")},
                   QJsonObject{{QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"), QStringLiteral("{}")}});
    // Written by a client-side apply, then taken over by `kubectl apply --server-side --force-conflicts`.
    live = fd::sim::recordUpdate(std::nullopt, live,
                                 updateOptions(QStringLiteral("kubectl-client-side-apply"), QStringLiteral("apps/v1"),
                                               QStringLiteral("apps"), QStringLiteral("Deployment")));
    const QJsonObject applied = setPath(jsonObject(kDeployment), {QStringLiteral("spec"), QStringLiteral("replicas")}, 3);
    const QJsonObject result = mustApply(live, applied, applyOptions(QStringLiteral("kubectl"), true));
    const QString annotation = result.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("annotations")).toObject()
                                   .value(QStringLiteral("kubectl.kubernetes.io/last-applied-configuration")).toString();
    QVERIFY(annotation.endsWith(QLatin1Char('\n')));
    FD_COMPARE_JSON(jsonObject(annotation.toUtf8()), applied);
}

void TestServerSideApply::rejects_data()
{
    QTest::addColumn<QJsonObject>("applied");
    QTest::addColumn<QString>("manager");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const QJsonObject deployment = jsonObject(kDeployment);
    QTest::addRow("no manager") << deployment << QString() << 422
                                << QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    QTest::addRow("manager too long") << deployment << QString(129, QLatin1Char('m')) << 422
                                      << QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be more than 128 bytes");
    QTest::addRow("manager not printable") << deployment << QStringLiteral("a\u0007b") << 422
                                           << QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Invalid value: \"a\\ab\": "
                                                             "invalid character U+0007 (at position 1)");
    QTest::addRow("other kind") << setPath(deployment, {QStringLiteral("kind")}, QStringLiteral("StatefulSet")) << QStringLiteral("m") << 400
                                << QStringLiteral("invalid object type: apps/v1, Kind=StatefulSet");
    QTest::addRow("other version") << setPath(deployment, {QStringLiteral("apiVersion")}, QStringLiteral("v1")) << QStringLiteral("m") << 400
                                   << QStringLiteral("invalid object type: /v1, Kind=Deployment");
    QTest::addRow("managedFields in config") << setPath(deployment, {QStringLiteral("metadata"), QStringLiteral("managedFields")}, QJsonArray())
                                             << QStringLiteral("m") << 400 << QStringLiteral("metadata.managedFields must be nil");
    QTest::addRow("duplicate list keys")
        << setPath(deployment, {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")},
                   QJsonArray{jsonObject(R"({"name":"a"})"), jsonObject(R"({"name":"a"})")})
        << QStringLiteral("m") << 500
        << QStringLiteral("failed to create typed patch object (default/web; apps/v1, Kind=Deployment): "
                          ".spec.template.spec.containers: duplicate entries for key [name=\"a\"]");
    QTest::addRow("list item without key")
        << setPath(deployment, {QStringLiteral("spec"), QStringLiteral("template"), QStringLiteral("spec"), QStringLiteral("containers")},
                   QJsonArray{jsonObject(R"({"image":"x"})")})
        << QStringLiteral("m") << 500
        << QStringLiteral("failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: "
                          "element 0: associative list with keys has an element that omits all key fields [\"name\"] "
                          "(and doesn't have default values for any key fields)");
    QTest::addRow("set item is a map") << setPath(deployment, {QStringLiteral("metadata"), QStringLiteral("finalizers")},
                                                  QJsonArray{QJsonObject()})
                                       << QStringLiteral("m") << 500
                                       << QStringLiteral("failed to create typed patch object (default/web; apps/v1, Kind=Deployment): "
                                                         ".metadata.finalizers: element 0: associative list without keys has an element "
                                                         "that's a map type");
}

void TestServerSideApply::rejects()
{
    QFETCH(QJsonObject, applied);
    QFETCH(QString, manager);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto result = fd::sim::applyServerSide(std::nullopt, applied, applyOptions(manager));
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().httpStatus(), status);
    QCOMPARE(result.error().message, message);
}

void TestServerSideApply::recordUpdateOnCreate()
{
    const QJsonObject configMap = jsonObject(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default",)"
                                             R"("uid":"u","resourceVersion":"1","creationTimestamp":"2024-05-01T10:00:00Z","labels":{"a":"b"}},)"
                                             R"("data":{"k":"v"}})");
    const QJsonObject result = fd::sim::recordUpdate(std::nullopt, configMap,
                                                     updateOptions(QStringLiteral("kubectl-create"), QStringLiteral("v1"), QString(),
                                                                   QStringLiteral("ConfigMap")));
    FD_COMPARE_JSON(withoutManagedFields(result), configMap);
    const QJsonObject entry = entryOf(result, QStringLiteral("kubectl-create"), QStringLiteral("Update"));
    QCOMPARE(entry.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("v1"));
    QCOMPARE(entry.value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-01T10:00:00Z"));
    FD_COMPARE_JSON(entry.value(QStringLiteral("fieldsV1")).toObject(),
                    jsonObject(R"({"f:data":{".":{},"f:k":{}},"f:metadata":{"f:labels":{".":{},"f:a":{}}}})"));

    // No manager name: the apiserver records "unknown".
    const QJsonObject anonymous = fd::sim::recordUpdate(std::nullopt, configMap,
                                                        updateOptions(QString(), QStringLiteral("v1"), QString(), QStringLiteral("ConfigMap")));
    QVERIFY(!entryOf(anonymous, QStringLiteral("unknown"), QStringLiteral("Update")).isEmpty());
}

void TestServerSideApply::recordUpdateMovesOwnership()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject scaled = setPath(live, {QStringLiteral("spec"), QStringLiteral("replicas")}, 4);
    const QJsonObject result = fd::sim::recordUpdate(live, scaled,
                                                     updateOptions(QStringLiteral("kubectl-scale"), QStringLiteral("apps/v1"),
                                                                   QStringLiteral("apps"), QStringLiteral("Deployment"), kTime2));
    FD_COMPARE_JSON(fieldsOf(result, QStringLiteral("kubectl-scale"), QStringLiteral("Update")),
                    jsonObject(R"({"f:spec":{"f:replicas":{}}})"));
    QVERIFY(!fieldsOf(result, QStringLiteral("kubectl")).value(QStringLiteral("f:spec")).toObject().contains(QStringLiteral("f:replicas")));
    // Now applying the old value conflicts with the updater.
    const auto conflict = fd::sim::applyServerSide(result, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    QVERIFY(!conflict.hasValue());
    QCOMPARE(conflict.error().message,
             QStringLiteral("Apply failed with 1 conflict: conflict with \"kubectl-scale\" using apps/v1: .spec.replicas"));
    // A write that changes nothing leaves the entries alone.
    const QJsonObject unchanged = fd::sim::recordUpdate(result, result,
                                                        updateOptions(QStringLiteral("other"), QStringLiteral("apps/v1"),
                                                                      QStringLiteral("apps"), QStringLiteral("Deployment")));
    FD_COMPARE_JSON(unchanged, result);
}

void TestServerSideApply::recordUpdateRemovedFieldsLeaveOwners()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    const QJsonObject unlabelled = setPath(live, {QStringLiteral("metadata"), QStringLiteral("labels")}, QJsonValue(QJsonValue::Undefined));
    const QJsonObject result = fd::sim::recordUpdate(live, unlabelled,
                                                     updateOptions(QStringLiteral("editor"), QStringLiteral("apps/v1"),
                                                                   QStringLiteral("apps"), QStringLiteral("Deployment")));
    QVERIFY(!fieldsOf(result, QStringLiteral("kubectl")).contains(QStringLiteral("f:metadata")));
    // Only removals: the editor owns nothing and gets no entry.
    QVERIFY(entryOf(result, QStringLiteral("editor"), QStringLiteral("Update")).isEmpty());
}

void TestServerSideApply::recordUpdateResetAndUntracked()
{
    QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    live = setPath(live, {QStringLiteral("metadata"), QStringLiteral("uid")}, QStringLiteral("u-1"));
    const UpdateOptions options = updateOptions(QStringLiteral("kubectl-edit"), QStringLiteral("apps/v1"), QStringLiteral("apps"),
                                                QStringLiteral("Deployment"));
    const QJsonObject reset = fd::sim::recordUpdate(
        live, setPath(live, {QStringLiteral("metadata"), QStringLiteral("managedFields")}, QJsonArray()), options);
    QVERIFY(managedFields(reset).isEmpty());
    QVERIFY(!reset.value(QStringLiteral("metadata")).toObject().contains(QStringLiteral("managedFields")));
    // An untracked existing object stays untracked through updates.
    const QJsonObject edited = fd::sim::recordUpdate(reset, setPath(reset, {QStringLiteral("spec"), QStringLiteral("replicas")}, 9), options);
    QVERIFY(managedFields(edited).isEmpty());
    // A client-sent, valid managedFields list replaces the live one.
    const QJsonArray custom{jsonObject(R"({"manager":"mine","operation":"Update","apiVersion":"apps/v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:paused":{}}}})")};
    const QJsonObject replaced = fd::sim::recordUpdate(
        live, setPath(live, {QStringLiteral("metadata"), QStringLiteral("managedFields")}, custom), options);
    QCOMPARE(managedFields(replaced).size(), 1);
    QCOMPARE(managedFields(replaced).first().toObject().value(QStringLiteral("manager")).toString(), QStringLiteral("mine"));
}

void TestServerSideApply::recordUpdateStatusSubresource()
{
    const QJsonObject live = mustApply(std::nullopt, jsonObject(kDeployment), applyOptions(QStringLiteral("kubectl")));
    QJsonObject after = setPath(live, {QStringLiteral("status"), QStringLiteral("replicas")}, 2);
    UpdateOptions options = updateOptions(QStringLiteral("kube-controller-manager"), QStringLiteral("apps/v1"), QStringLiteral("apps"),
                                          QStringLiteral("Deployment"));
    options.scope.subresource = QStringLiteral("status");
    const QJsonObject result = fd::sim::recordUpdate(live, after, options);
    const QJsonObject entry = entryOf(result, QStringLiteral("kube-controller-manager"), QStringLiteral("Update"));
    QCOMPARE(entry.value(QStringLiteral("subresource")).toString(), QStringLiteral("status"));
    FD_COMPARE_JSON(entry.value(QStringLiteral("fieldsV1")).toObject(), jsonObject(R"({"f:status":{".":{},"f:replicas":{}}})"));
    // A main-resource write ignores status changes.
    options.scope.subresource.clear();
    const QJsonObject main = fd::sim::recordUpdate(live, after, options);
    QVERIFY(entryOf(main, QStringLiteral("kube-controller-manager"), QStringLiteral("Update")).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerSideApply)
#include "tst_serversideapply.moc"
