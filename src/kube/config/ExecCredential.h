#pragma once

#include "common/Expected.h"
#include "kube/config/Kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The ExecCredential wire format of client-go exec plugins (kube-protocol.md §2): the
// KUBERNETES_EXEC_INFO input and the plugin's stdout reply. Pure functions; the process
// handling is in ExecCredentialPlugin.

namespace fd::kube {

inline const QString kExecCredentialV1 = QStringLiteral("client.authentication.k8s.io/v1");
inline const QString kExecCredentialV1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");

struct ExecCredential {
    QString token;                  // bearer token; may be empty when a certificate is returned
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expirationTimestamp;  // UTC; invalid → no expiry (cached until a 401)
    QDateTime obtainedAt;           // when the plugin returned it (plugin's clock)
    quint64 generation = 0;         // increases with every successful run of one plugin

    bool hasClientCertificate() const { return !clientCertificatePem.isEmpty(); }
    QStringList secretValues() const;
};

bool isSupportedExecApiVersion(const QString &apiVersion);

// KUBERNETES_EXEC_INFO: {"apiVersion":…,"kind":"ExecCredential","spec":{"interactive":false,
// "cluster":{…}}}; `cluster` only with provideClusterInfo (keys as in kubeconfig,
// certificate-authority-data base64, `config` = the client.authentication.k8s.io/exec extension).
QByteArray buildExecInfo(const ExecConfig &exec, const ResolvedCluster *cluster, bool interactive = false);

// Parses the plugin's stdout as client-go does: the reply's apiVersion must equal the configured
// one; a status with a token or a certificate+key pair (both or neither; the pair must parse
// and match); expirationTimestamp in RFC 3339. Error texts are translated and never contain
// credential values. YAML output is accepted too (client-go's universal decoder does).
fd::Expected<ExecCredential, QString> parseExecCredential(const QByteArray &output, const QString &expectedApiVersion);

} // namespace fd::kube
