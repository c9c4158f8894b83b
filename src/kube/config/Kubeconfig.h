#pragma once

#include "kube/config/Pem.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// The result of reading the user's kubeconfig files: every context, resolved as kubectl would
// resolve it, plus a precise list of what is wrong with each one. Unlike kubectl, one broken
// entry never hides the others: a context is usable when its own entry, its cluster and its
// user are free of errors (see ContextEntry::isUsable()).
//
// Nothing here holds secrets in a way that could leak by accident: there is no QDebug
// operator for the user types, and ConfigProblem texts never contain credential values.

namespace fd::kube {

// One thing wrong (or suspicious) in a kubeconfig, located as precisely as possible.
struct ConfigProblem {
    enum class Severity {
        Error,   // the entry cannot be used (as kubectl would refuse it, or worse)
        Warning, // it is used, but something is odd (ignored duplicate, unknown field, expired cert…)
    };
    Severity severity = Severity::Error;
    QString file;    // absolute path of the kubeconfig file; empty for set-level problems
    int line = 0;    // 1-based; 0 = unknown
    int column = 0;  // 1-based; 0 = unknown
    QString entry;   // e.g. `users[2] "alice"`, `contexts[0] "dev"`; empty for file-level problems
    QString message; // translated, names the field: `client-key: file /x/y.key does not exist`

    bool isError() const { return severity == Severity::Error; }
    // "<file>:<line>:<column>: <entry>: <message>" (parts that are unknown are left out).
    QString toString() const;
};

// `client.authentication.k8s.io/v1` | `v1beta1` exec plugin settings (kube-protocol.md §2).
enum class ExecInteractiveMode { Never, IfAvailable, Always };

struct ExecEnvVar {
    QString name;
    QString value; // may be a secret: never log it (Redaction: redactKnownSecrets)
};

struct ExecConfig {
    QString command;        // absolute when it contained a '/' (resolved against the file's dir)
    QStringList args;
    QList<ExecEnvVar> env;
    QString apiVersion;     // client.authentication.k8s.io/v1 or /v1beta1
    QString installHint;
    bool provideClusterInfo = false;
    ExecInteractiveMode interactiveMode = ExecInteractiveMode::IfAvailable;
    QString commandOverride; // per-context override path from the settings (LoadOptions)
    QString sourceFile;      // the kubeconfig file that defined the user

    QStringList secretValues() const; // env values, for redactKnownSecrets()
};

struct BasicAuth {
    QString username;
    QString password;
};

// `as`, `as-groups`, `as-uid`, `as-user-extra` → Impersonate-* headers.
struct Impersonation {
    QString user;
    QStringList groups;
    QString uid;
    QMap<QString, QStringList> extra;

    bool isSet() const { return !user.isEmpty(); }
};

// The legacy `auth-provider: {name: oidc}` entry: `id-token` is sent as a bearer token.
struct OidcAuthProvider {
    QString idToken;
    QString refreshToken;
    QString issuerUrl; // idp-issuer-url
    QString clientId;
    QString clientSecret;
    QDateTime idTokenExpiry; // from the (unverified) JWT exp claim; invalid when unknown
};

struct ResolvedCluster {
    QString name;
    QString sourceFile;
    // Base URL; may carry a path prefix (Rancher `https://h/k8s/clusters/c-x`): use apiUrl().
    QUrl server;
    QByteArray caPem;   // PEM; empty → system roots
    QString caFile;     // where caPem came from (absolute), empty for -data
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QUrl proxyUrl;      // empty → HTTPS_PROXY/NO_PROXY from the environment
    bool disableCompression = false;
    // `extensions[name=client.authentication.k8s.io/exec].extension` → exec spec.cluster.config
    std::optional<QJsonValue> execClusterConfig;
    QJsonObject extensions; // every extension by name (JSON)

    // server + apiPath, keeping the server's path prefix: apiUrl("/api/v1/pods").
    QUrl apiUrl(const QString &apiPath) const;
};

// How the user authenticates, after kubectl's precedence rules (exec.go UpdateTransportConfig:
// a token, token file, basic auth or client certificate disables the exec plugin).
enum class AuthMethod { None, ClientCertificate, Token, TokenFile, Basic, Exec, Oidc };

struct ResolvedUser {
    QString name;
    QString sourceFile;

    QByteArray clientCertPem;
    QByteArray clientKeyPem;
    QString clientCertFile; // where they came from (absolute), empty for -data
    QString clientKeyFile;
    KeyAlgorithm clientKeyAlgorithm = KeyAlgorithm::Unknown;
    QDateTime clientCertNotAfter; // UTC, invalid when there is no certificate

    QString token;     // static bearer token (`token`, or the content of `tokenFile` at load)
    QString tokenFile; // absolute; client-go re-reads it about every minute
    std::optional<BasicAuth> basicAuth;
    std::optional<ExecConfig> exec; // only when it is in effect (not disabled by the above)
    std::optional<OidcAuthProvider> oidc;
    QString oidcIdToken;            // == oidc->idToken, for convenience
    Impersonation impersonation;

    bool hasClientCertificate() const { return !clientCertPem.isEmpty() && !clientKeyPem.isEmpty(); }
    // The method that puts credentials on requests (a client certificate may come with a
    // token; then Token is reported).
    AuthMethod primaryAuthMethod() const;
    // Every secret value this user holds (token, password, id/refresh token, exec env
    // values, key PEM), for redactKnownSecrets().
    QStringList secretValues() const;
};

struct ContextEntry {
    QString name;
    QString clusterName;
    QString userName;
    QString namespaceName;      // override → context namespace → "default"
    QString contextNamespace;   // as written in the context (may be empty)
    bool isCurrent = false;
    QString sourceFile;         // the file that defined the context
    int line = 0;
    std::optional<ResolvedCluster> cluster; // absent when missing or unusable
    std::optional<ResolvedUser> user;       // absent when missing or unusable
    // Problems of the context entry, its cluster and its user (errors first).
    QList<ConfigProblem> problems;

    bool isUsable() const;
    // The first error, if any (what a one-line STATE column shows).
    std::optional<ConfigProblem> firstError() const;
    QList<ConfigProblem> warnings() const;
};

struct KubeconfigSet {
    QStringList files;        // files that were read, in merge order
    QStringList missingFiles; // KUBECONFIG entries that do not exist (skipped)
    QString currentContext;   // after the override; may name a context that does not exist
    QList<ContextEntry> contexts; // in merge order (first file first, file order within)
    QJsonObject preferences;
    // Problems outside any context: unreadable or unparsable files, a current-context that
    // does not exist, errors in clusters/users that no context uses.
    QList<ConfigProblem> problems;

    const ContextEntry *context(const QString &name) const;
    const ContextEntry *current() const;
    bool hasAnyFile() const { return !files.isEmpty(); }
    bool allUsable() const; // every context usable and no set-level error
};

QString authMethodName(AuthMethod method);
QString interactiveModeName(ExecInteractiveMode mode);

} // namespace fd::kube
