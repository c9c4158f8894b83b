#pragma once

#include <QByteArray>

// JSON fixtures with escaped quotes live in StoreFixtures.cpp: moc mis-reads \" inside raw string
// literals of the files it scans.
namespace fd::kube::fixtures {

// A pod with every header field, managedFields with escaped keys, and varied value types.
QByteArray fullPod();
// A ConfigMap whose name, namespace, labels and owner uid need JSON unescaping.
QByteArray escapedConfigMap();

} // namespace fd::kube::fixtures
