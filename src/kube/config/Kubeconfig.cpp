#include "kube/config/Kubeconfig.h"

#include <algorithm>

namespace fd::kube {

QString ConfigProblem::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out = file;
        if (line > 0) {
            out += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                out += QLatin1Char(':') + QString::number(column);
        }
        out += QStringLiteral(": ");
    }
    if (!entry.isEmpty())
        out += entry + QStringLiteral(": ");
    return out + message;
}

QStringList ExecConfig::secretValues() const
{
    QStringList values;
    for (const ExecEnvVar &var : env)
        values.append(var.value);
    return values;
}

QUrl ResolvedCluster::apiUrl(const QString &apiPath) const
{
    QUrl url = server;
    QString path = apiPath;
    QString query;
    const qsizetype questionMark = path.indexOf(QLatin1Char('?'));
    if (questionMark >= 0) {
        query = path.mid(questionMark + 1);
        path.truncate(questionMark);
    }
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    url.setPath(prefix + path, QUrl::TolerantMode);
    url.setQuery(query.isEmpty() ? QString() : query, QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

AuthMethod ResolvedUser::primaryAuthMethod() const
{
    if (!token.isEmpty())
        return tokenFile.isEmpty() ? AuthMethod::Token : AuthMethod::TokenFile;
    if (basicAuth)
        return AuthMethod::Basic;
    if (hasClientCertificate())
        return AuthMethod::ClientCertificate;
    if (exec)
        return AuthMethod::Exec;
    if (oidc)
        return AuthMethod::Oidc;
    return AuthMethod::None;
}

QStringList ResolvedUser::secretValues() const
{
    QStringList values;
    values << token;
    if (basicAuth)
        values << basicAuth->password;
    if (oidc)
        values << oidc->idToken << oidc->refreshToken << oidc->clientSecret;
    if (exec)
        values << exec->secretValues();
    if (!clientKeyPem.isEmpty())
        values << QString::fromLatin1(clientKeyPem).trimmed();
    values.removeAll(QString());
    return values;
}

bool ContextEntry::isUsable() const
{
    return cluster.has_value() && user.has_value()
        && std::none_of(problems.begin(), problems.end(), [](const ConfigProblem &p) { return p.isError(); });
}

std::optional<ConfigProblem> ContextEntry::firstError() const
{
    for (const ConfigProblem &problem : problems) {
        if (problem.isError())
            return problem;
    }
    return std::nullopt;
}

QList<ConfigProblem> ContextEntry::warnings() const
{
    QList<ConfigProblem> out;
    for (const ConfigProblem &problem : problems) {
        if (!problem.isError())
            out.append(problem);
    }
    return out;
}

const ContextEntry *KubeconfigSet::context(const QString &name) const
{
    for (const ContextEntry &entry : contexts) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

const ContextEntry *KubeconfigSet::current() const
{
    return currentContext.isEmpty() ? nullptr : context(currentContext);
}

bool KubeconfigSet::allUsable() const
{
    return std::all_of(contexts.begin(), contexts.end(), [](const ContextEntry &c) { return c.isUsable(); })
        && std::none_of(problems.begin(), problems.end(), [](const ConfigProblem &p) { return p.isError(); });
}

QString authMethodName(AuthMethod method)
{
    switch (method) {
    case AuthMethod::None:
        return QStringLiteral("none");
    case AuthMethod::ClientCertificate:
        return QStringLiteral("client-certificate");
    case AuthMethod::Token:
        return QStringLiteral("token");
    case AuthMethod::TokenFile:
        return QStringLiteral("token-file");
    case AuthMethod::Basic:
        return QStringLiteral("basic");
    case AuthMethod::Exec:
        return QStringLiteral("exec");
    case AuthMethod::Oidc:
        return QStringLiteral("oidc");
    }
    return QStringLiteral("none");
}

QString interactiveModeName(ExecInteractiveMode mode)
{
    switch (mode) {
    case ExecInteractiveMode::Never:
        return QStringLiteral("Never");
    case ExecInteractiveMode::IfAvailable:
        return QStringLiteral("IfAvailable");
    case ExecInteractiveMode::Always:
        return QStringLiteral("Always");
    }
    return QStringLiteral("IfAvailable");
}

} // namespace fd::kube
