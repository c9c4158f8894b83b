#include "PatchTestUtil.h"

#include "sim/patch/MergeKeys.h"
#include "sim/patch/StrategicMergePatch.h"

#include <QJsonArray>
#include <QTest>

using fd::sim::PatchErrorKind;
using fd::test::jsonObject;

class TestStrategicMergePatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void merges_data();
    void merges();
    void rejects_data();
    void rejects();
    void strategyTable_data();
    void strategyTable();
    void longListsStayLinear();
};

void TestStrategicMergePatch::merges_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");

    const QString core;
    const QString apps = QStringLiteral("apps");
    const QString pod = QStringLiteral("Pod");
    const QString deployment = QStringLiteral("Deployment");

    const QByteArray twoContainers =
        R"({"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]},{"name":"b","image":"b:1"}]}})";

    QTest::addRow("containers merge by name") << core << pod << twoContainers
                                              << QByteArray(R"({"spec":{"containers":[{"name":"b","image":"b:2"}]}})")
                                              << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]},{"name":"b","image":"b:2"}]}})");
    QTest::addRow("new container goes before live ones (no $setElementOrder)")
        << core << pod << twoContainers << QByteArray(R"({"spec":{"containers":[{"name":"c","image":"c:1"}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"c","image":"c:1"},{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]},{"name":"b","image":"b:1"}]}})");
    QTest::addRow("$patch delete removes a container")
        << core << pod << twoContainers << QByteArray(R"({"spec":{"containers":[{"name":"a","$patch":"delete"}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"b","image":"b:1"}]}})");
    QTest::addRow("$patch replace replaces the list")
        << core << pod << twoContainers << QByteArray(R"({"spec":{"containers":[{"name":"z","image":"z:1"},{"$patch":"replace"}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"z","image":"z:1"}]}})");
    QTest::addRow("env merges by name, null deletes inside an item")
        << core << pod << twoContainers
        << QByteArray(R"({"spec":{"containers":[{"name":"a","env":[{"name":"Y","value":null,"valueFrom":{"fieldRef":{"fieldPath":"x"}}},{"name":"Z","value":"3"}]}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","valueFrom":{"fieldRef":{"fieldPath":"x"}}},{"name":"Z","value":"3"}]},{"name":"b","image":"b:1"}]}})");
    QTest::addRow("ports merge by containerPort")
        << core << pod << QByteArray(R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"web"}]}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"name":"web"},{"containerPort":443}]}]}})");
    QTest::addRow("volumeMounts by mountPath, volumeDevices by devicePath")
        << core << pod
        << QByteArray(R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","name":"v"}],"volumeDevices":[{"devicePath":"/dev/x","name":"d"}]}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","readOnly":true}],"volumeDevices":[{"devicePath":"/dev/x","name":"e"}]}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/d","name":"v","readOnly":true}],"volumeDevices":[{"devicePath":"/dev/x","name":"e"}]}]}})");
    QTest::addRow("initContainers and ephemeralContainers by name")
        << core << pod << QByteArray(R"({"spec":{"initContainers":[{"name":"i","image":"1"}],"ephemeralContainers":[{"name":"e","image":"1"}]}})")
        << QByteArray(R"({"spec":{"initContainers":[{"name":"i","image":"2"}],"ephemeralContainers":[{"name":"e","tty":true}]}})")
        << QByteArray(R"({"spec":{"initContainers":[{"name":"i","image":"2"}],"ephemeralContainers":[{"name":"e","image":"1","tty":true}]}})");
    QTest::addRow("volumes, imagePullSecrets, hostAliases")
        << core << pod
        << QByteArray(R"({"spec":{"volumes":[{"name":"v","emptyDir":{}}],"imagePullSecrets":[{"name":"r1"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["a"]}]}})")
        << QByteArray(R"({"spec":{"volumes":[{"name":"w","secret":{"secretName":"s"}}],"imagePullSecrets":[{"name":"r2"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["b"]}]}})")
        << QByteArray(R"({"spec":{"volumes":[{"name":"w","secret":{"secretName":"s"}},{"name":"v","emptyDir":{}}],"imagePullSecrets":[{"name":"r2"},{"name":"r1"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["b"]}]}})");
    QTest::addRow("$retainKeys on a volume drops the old source")
        << core << pod << QByteArray(R"({"spec":{"volumes":[{"name":"v","emptyDir":{}}]}})")
        << QByteArray(R"({"spec":{"volumes":[{"name":"v","$retainKeys":["name","configMap"],"configMap":{"name":"c"}}]}})")
        << QByteArray(R"({"spec":{"volumes":[{"name":"v","configMap":{"name":"c"}}]}})");
    QTest::addRow("tolerations and args are replaced")
        << core << pod << QByteArray(R"({"spec":{"tolerations":[{"key":"a"}],"containers":[{"name":"a","args":["1","2"]}]}})")
        << QByteArray(R"({"spec":{"tolerations":[{"key":"b"}],"containers":[{"name":"a","args":["3"]}]}})")
        << QByteArray(R"({"spec":{"tolerations":[{"key":"b"}],"containers":[{"name":"a","args":["3"]}]}})");
    QTest::addRow("pod status conditions by type")
        << core << pod << QByteArray(R"({"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Initialized","status":"True"}]}})")
        << QByteArray(R"({"status":{"conditions":[{"type":"Ready","status":"True"}]}})")
        << QByteArray(R"({"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"}]}})");
    QTest::addRow("deployment pod template containers by name")
        << apps << deployment << QByteArray(R"({"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}}})")
        << QByteArray(R"({"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"a","image":"2"}]}}}})")
        << QByteArray(R"({"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"a","image":"2"},{"name":"b","image":"1"}]}}}})");
    QTest::addRow("deployment strategy with $retainKeys")
        << apps << deployment << QByteArray(R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})")
        << QByteArray(R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})")
        << QByteArray(R"({"spec":{"strategy":{"type":"Recreate"}}})");
    QTest::addRow("deployment status conditions by type")
        << apps << deployment << QByteArray(R"({"status":{"conditions":[{"type":"Available","status":"False"}]}})")
        << QByteArray(R"({"status":{"conditions":[{"type":"Progressing","status":"True"}]}})")
        << QByteArray(R"({"status":{"conditions":[{"type":"Progressing","status":"True"},{"type":"Available","status":"False"}]}})");
    QTest::addRow("statefulset, daemonset, replicaset templates")
        << apps << QStringLiteral("StatefulSet") << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"}]}}}})")
        << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"},{"name":"b"}]}}}})");
    QTest::addRow("job template") << QStringLiteral("batch") << QStringLiteral("Job")
                                  << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b"}]}}}})")
                                  << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"}]}}}})")
                                  << QByteArray(R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"},{"name":"b"}]}}}})");
    QTest::addRow("cronjob jobTemplate") << QStringLiteral("batch") << QStringLiteral("CronJob")
                                         << QByteArray(R"({"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b"}]}}}}}})")
                                         << QByteArray(R"({"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"}]}}}}}})")
                                         << QByteArray(R"({"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"2"},{"name":"b"}]}}}}}})");
    QTest::addRow("service ports by port") << core << QStringLiteral("Service")
                                           << QByteArray(R"({"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}})")
                                           << QByteArray(R"({"spec":{"ports":[{"port":80,"targetPort":9090}]}})")
                                           << QByteArray(R"({"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}})");
    QTest::addRow("serviceaccount secrets by name") << core << QStringLiteral("ServiceAccount")
                                                    << QByteArray(R"({"secrets":[{"name":"a"}]})")
                                                    << QByteArray(R"({"secrets":[{"name":"b"}]})")
                                                    << QByteArray(R"({"secrets":[{"name":"b"},{"name":"a"}]})");
    QTest::addRow("rbac rules are atomic") << QStringLiteral("rbac.authorization.k8s.io") << QStringLiteral("Role")
                                           << QByteArray(R"({"rules":[{"verbs":["get"]},{"verbs":["list"]}]})")
                                           << QByteArray(R"({"rules":[{"verbs":["watch"]}]})")
                                           << QByteArray(R"({"rules":[{"verbs":["watch"]}]})");
    QTest::addRow("finalizers merge as a set") << core << QStringLiteral("ConfigMap")
                                               << QByteArray(R"({"metadata":{"finalizers":["a","b"]}})")
                                               << QByteArray(R"({"metadata":{"finalizers":["b","c"]}})")
                                               << QByteArray(R"({"metadata":{"finalizers":["a","b","c"]}})");
    QTest::addRow("$deleteFromPrimitiveList") << core << QStringLiteral("ConfigMap")
                                              << QByteArray(R"({"metadata":{"finalizers":["a","b","c"]}})")
                                              << QByteArray(R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}})")
                                              << QByteArray(R"({"metadata":{"finalizers":["a","c"]}})");
    QTest::addRow("$setElementOrder orders a merged list")
        << core << pod << twoContainers
        << QByteArray(R"({"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"b","image":"b:2"}]}})")
        << QByteArray(R"({"spec":{"containers":[{"name":"b","image":"b:2"},{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]}]}})");
    QTest::addRow("$setElementOrder of primitives") << core << QStringLiteral("ConfigMap")
                                                    << QByteArray(R"({"metadata":{"finalizers":["a","b"]}})")
                                                    << QByteArray(R"({"metadata":{"$setElementOrder/finalizers":["c","b","a"],"finalizers":["c"]}})")
                                                    << QByteArray(R"({"metadata":{"finalizers":["c","b","a"]}})");
    QTest::addRow("ownerReferences by uid") << core << QStringLiteral("ConfigMap")
                                            << QByteArray(R"({"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"b"}]}})")
                                            << QByteArray(R"({"metadata":{"ownerReferences":[{"uid":"2","name":"c"}]}})")
                                            << QByteArray(R"({"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"c"}]}})");
    QTest::addRow("labels: null deletes, others merge") << core << QStringLiteral("Secret")
                                                        << QByteArray(R"({"metadata":{"labels":{"a":"1","b":"2"}},"data":{"k":"dg=="}})")
                                                        << QByteArray(R"({"metadata":{"labels":{"a":null,"c":"3"}},"data":{"l":"dw=="}})")
                                                        << QByteArray(R"({"metadata":{"labels":{"b":"2","c":"3"}},"data":{"k":"dg==","l":"dw=="}})");
    QTest::addRow("$patch replace on a map") << core << QStringLiteral("ConfigMap")
                                             << QByteArray(R"({"data":{"a":"1","b":"2"}})")
                                             << QByteArray(R"({"data":{"$patch":"replace","c":"3"}})")
                                             << QByteArray(R"({"data":{"c":"3"}})");
    QTest::addRow("$patch delete on a map leaves it empty") << core << QStringLiteral("ConfigMap")
                                                            << QByteArray(R"({"data":{"a":"1"}})")
                                                            << QByteArray(R"({"data":{"$patch":"delete"}})")
                                                            << QByteArray(R"({"data":{}})");
    QTest::addRow("unknown list without strategy is replaced") << core << QStringLiteral("Event")
                                                               << QByteArray(R"({"series":[1,2]})")
                                                               << QByteArray(R"({"series":[3]})")
                                                               << QByteArray(R"({"series":[3]})");
    QTest::addRow("pvc status conditions") << core << QStringLiteral("PersistentVolumeClaim")
                                           << QByteArray(R"({"status":{"conditions":[{"type":"Resizing","status":"True"}]}})")
                                           << QByteArray(R"({"status":{"conditions":[{"type":"Resizing","status":"False"}]}})")
                                           << QByteArray(R"({"status":{"conditions":[{"type":"Resizing","status":"False"}]}})");
    QTest::addRow("core group spelled core") << QStringLiteral("core") << pod << twoContainers
                                             << QByteArray(R"({"spec":{"containers":[{"name":"b","image":"b:2"}]}})")
                                             << QByteArray(R"({"spec":{"containers":[{"name":"a","image":"a:1","env":[{"name":"X","value":"1"},{"name":"Y","value":"2"}]},{"name":"b","image":"b:2"}]}})");
    QTest::addRow("null body changes nothing") << core << pod << twoContainers << QByteArray("null") << twoContainers;
}

void TestStrategicMergePatch::merges()
{
    QFETCH(QString, group);
    QFETCH(QString, kind);
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const auto result = fd::sim::applyStrategicMergePatch(jsonObject(original), patch, group, kind);
    QVERIFY2(result.hasValue(), qPrintable(result.hasValue() ? QString() : result.error().message));
    FD_COMPARE_JSON(result.value(), jsonObject(expected));
}

void TestStrategicMergePatch::rejects_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const QString core;
    const QByteArray pod = R"({"spec":{"containers":[{"name":"a","image":"1"}]}})";
    QTest::addRow("custom resource") << QStringLiteral("fission.io") << pod << QByteArray("{}") << 415
                                     << QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                                                       "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    QTest::addRow("malformed") << core << pod << QByteArray(R"({"spec":)") << 400 << QStringLiteral("invalid JSON patch");
    QTest::addRow("array body") << core << pod << QByteArray("[]") << 400
                                << QStringLiteral("json: cannot unmarshal array into Go value of type map[string]interface {}");
    QTest::addRow("item without merge key") << core << pod << QByteArray(R"({"spec":{"containers":[{"image":"2"}]}})") << 500
                                            << QStringLiteral("map: map[image:2] does not contain declared merge key: name");
    QTest::addRow("unknown $patch in a map") << core << pod << QByteArray(R"({"spec":{"$patch":"bogus"}})") << 500
                                             << QStringLiteral("unknown patch type: bogus in map: map[$patch:bogus]");
    QTest::addRow("$patch merge in a list") << core << pod << QByteArray(R"({"spec":{"containers":[{"$patch":"merge"}]}})") << 500
                                            << QStringLiteral("merging lists cannot yet be specified in the patch");
    QTest::addRow("$retainKeys not a list") << core << pod << QByteArray(R"({"spec":{"$retainKeys":"x"}})") << 400
                                            << QStringLiteral("invalid patch format of retainKeys");
    QTest::addRow("$retainKeys misses a patched key") << core << pod << QByteArray(R"({"spec":{"$retainKeys":["a"],"b":1}})") << 400
                                                      << QStringLiteral("invalid patch format of retainKeys");
    // Directives are only read where the patch meets an existing map.
    QTest::addRow("$deleteFromPrimitiveList without field") << core << QByteArray(R"({"metadata":{"finalizers":["a"]}})")
                                                            << QByteArray(R"({"metadata":{"$deleteFromPrimitiveList":["a"]}})") << 400
                                                            << QStringLiteral("invalid patch format of primitive list");
    QTest::addRow("$setElementOrder without field") << core << pod << QByteArray(R"({"spec":{"$setElementOrderX/c":[]}})") << 400
                                                    << QStringLiteral("invalid patch format of setElementOrder list");
    QTest::addRow("list of lists") << core << QByteArray(R"({"metadata":{"finalizers":[["a"]]}})")
                                   << QByteArray(R"({"metadata":{"finalizers":[["b"]]}})") << 422
                                   << QStringLiteral("the server rejected our request due to an error in our request");
    QTest::addRow("mixed element types") << core << QByteArray(R"({"metadata":{"finalizers":["a"]}})")
                                         << QByteArray(R"({"metadata":{"finalizers":[1]}})") << 500
                                         << QStringLiteral("list element types are not identical: [[a] [1]]");
}

void TestStrategicMergePatch::rejects()
{
    QFETCH(QString, group);
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto result = fd::sim::applyStrategicMergePatch(jsonObject(original), patch, group, QStringLiteral("Pod"));
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().httpStatus(), status);
    QCOMPARE(result.error().message, message);
}

void TestStrategicMergePatch::strategyTable_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mergeKey");
    QTest::addColumn<QStringList>("mapKeys");

    QTest::addRow("pod env") << QString() << QStringLiteral("Pod") << QStringLiteral("spec.containers.env") << QStringLiteral("name")
                             << QStringList{QStringLiteral("name")};
    QTest::addRow("deployment ports") << QStringLiteral("apps") << QStringLiteral("Deployment")
                                      << QStringLiteral("spec.template.spec.containers.ports") << QStringLiteral("containerPort")
                                      << QStringList{QStringLiteral("containerPort"), QStringLiteral("protocol")};
    QTest::addRow("cronjob volumes") << QStringLiteral("batch") << QStringLiteral("CronJob")
                                     << QStringLiteral("spec.jobTemplate.spec.template.spec.volumes") << QStringLiteral("name")
                                     << QStringList{QStringLiteral("name")};
    QTest::addRow("custom resource owner references") << QStringLiteral("fission.io") << QStringLiteral("Function")
                                                      << QStringLiteral("metadata.ownerReferences") << QStringLiteral("uid")
                                                      << QStringList{QStringLiteral("uid")};
    QTest::addRow("custom resource spec list") << QStringLiteral("fission.io") << QStringLiteral("Function")
                                               << QStringLiteral("spec.containers") << QString() << QStringList();
    QTest::addRow("rbac subjects") << QStringLiteral("rbac.authorization.k8s.io") << QStringLiteral("RoleBinding")
                                   << QStringLiteral("subjects") << QString() << QStringList();
}

void TestStrategicMergePatch::strategyTable()
{
    QFETCH(QString, group);
    QFETCH(QString, kind);
    QFETCH(QString, path);
    QFETCH(QString, mergeKey);
    QFETCH(QStringList, mapKeys);
    const fd::sim::FieldStrategy *strategy = fd::sim::fieldStrategy(group, kind, path.split(QLatin1Char('.')));
    if (mergeKey.isEmpty()) {
        QVERIFY(!strategy);
        return;
    }
    QVERIFY(strategy);
    QCOMPARE(strategy->smpMergeKey, mergeKey);
    QCOMPARE(strategy->listMapKeys, mapKeys);
}

void TestStrategicMergePatch::longListsStayLinear()
{
    // Quadratic merging would make these take minutes; ctest's timeout then fails the test.
    constexpr int count = 20000;
    QJsonArray live;
    QJsonArray patch;
    QJsonArray containers;
    QJsonArray patchContainers;
    for (int i = 0; i < count; ++i) {
        live.append(QStringLiteral("f%1").arg(i));
        patch.append(QStringLiteral("f%1").arg(i + count / 2));
        containers.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("c%1").arg(i)}});
        patchContainers.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("c%1").arg(i + count / 2)},
                                           {QStringLiteral("image"), QStringLiteral("x")}});
    }
    const QJsonObject original{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("finalizers"), live}}},
                               {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), containers}}}};
    const QJsonObject body{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("finalizers"), patch}}},
                           {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), patchContainers}}}};
    const auto result = fd::sim::applyStrategicMergePatch(original, fd::test::compactJson(body), QString(), QStringLiteral("Pod"));
    QVERIFY(result.hasValue());
    QCOMPARE(result.value().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("finalizers")).toArray().size(),
             count + count / 2);
    QCOMPARE(result.value().value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray().size(),
             count + count / 2);
}

QTEST_GUILESS_MAIN(TestStrategicMergePatch)
#include "tst_strategicmergepatch.moc"
