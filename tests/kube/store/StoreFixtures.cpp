// JSON fixtures kept out of the moc'd test sources (moc mis-reads \" inside raw strings).
#include "StoreFixtures.h"

namespace fd::kube::fixtures {

QByteArray fullPod()
{
    return QByteArrayLiteral(
    R"({"metadata":{"name":"web-1","generateName":"web-","namespace":"shop","uid":"11111111-2222-3333-4444-555555555555",)"
    R"("resourceVersion":"4242","generation":3,"creationTimestamp":"2025-10-01T10:00:00Z",)"
    R"("deletionTimestamp":"2025-10-02T10:00:00Z","labels":{"app":"web","tier":"front","empty":""},)"
    R"("annotations":{"note":"x"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-rs",)"
    R"("uid":"owner-1","controller":true},{"kind":"Other","name":"o","uid":"owner-2"}],)"
    R"("managedFields":[{"manager":"kubelet","operation":"Update","fieldsV1":{"f:status":{"k:{\"type\":\"Ready\"}":{}}}}]},)"
    R"("spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"containerPort":80}]}],"nodeName":"n1"},)"
    R"("status":{"phase":"Running","ready":true,"ratio":0.25,"nothing":null,"big":12345678901234,)"
    R"("containerStatuses":[{"restartCount":2}],"conditions":[]}})");
}

QByteArray escapedConfigMap()
{
    return QByteArrayLiteral(
            R"({"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"caf\u00e9-\"q\"","namespace":"n\u00e4",)"
            R"("labels":{"k\u0031":"v\n1","plain":"ok","ümlaut":"wert"},"ownerReferences":[{"uid":"u\/1"}]},)"
            R"("data":{"emoji":"😀"}})");
}

} // namespace fd::kube::fixtures
