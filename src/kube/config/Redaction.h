#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// One place that scrubs credentials from text before it reaches a log, an error message, a
// setting or an export. Everything that may carry a secret (kubeconfig snippets, HTTP
// headers, exec plugin stderr, command lines, URLs) goes through redactSecrets(); when the
// exact secret values are known (a token we hold, exec env values), redactKnownSecrets()
// removes them wherever they occur, whatever the surrounding text looks like.
//
// What redactSecrets() recognises (the value is replaced by kRedacted, the key is kept):
//  - `Authorization:` / `Proxy-Authorization:` header values (any scheme), and
//    `Bearer <token>` elsewhere when the token looks like one (>= 16 chars with a digit);
//  - YAML `key: value`, JSON `"key": "value"` and `key=value` for the credential keys:
//    token, id-token, refresh-token, access-token (and their _ / camelCase spellings),
//    password, passwd, client-secret, client-key-data, client-certificate-data, secret,
//    api-key, private-key, session-token, clientKeyData, clientCertificateData;
//  - command-line flags `--token=…`, `--token …`, `--password`, `--client-secret`, …;
//  - user:password in URLs (`http://user:pass@host` → `http://user:[REDACTED]@host`) and
//    credential query parameters (`access_token=`, `X-Amz-Signature=`, …);
//  - exec env entries (`- name: X` followed by `value: …`, JSON `{"name":…,"value":…}`)
//    and shell-style `SOME_TOKEN=…` / `AWS_SECRET_ACCESS_KEY=…` assignments;
//  - PEM private key blocks and base64-encoded PEM (`LS0tLS1CRUdJTi…`);
//  - JWTs (`eyJ….….…`), AWS `k8s-aws-v1.…` tokens, Kubernetes bootstrap tokens.
// Paths (tokenFile, client-key: /path), user names, server URLs, timestamps and ordinary
// prose ("the bearer token expired", "password authentication failed") stay intact.

namespace fd::kube {

inline const QString kRedacted = QStringLiteral("[REDACTED]");

QString redactSecrets(const QString &text);

// Replaces every occurrence of each known secret (longest first). Values shorter than
// 4 characters are ignored (they would shred ordinary text); empty values are skipped.
QString redactKnownSecrets(const QString &text, const QStringList &secrets);

// Both: the known values first, then the patterns.
QString redactAll(const QString &text, const QStringList &knownSecrets);

// A URL for display: the password (if any) replaced, credential query values replaced.
QString redactUrl(const QUrl &url);

} // namespace fd::kube
