#include "sim/auth/Authenticator.h"

#include <QMutexLocker>

#include <openssl/objects.h>
#include <openssl/x509.h>

#include <memory>

namespace fd::sim {

namespace {

struct SubjectNames {
    QStringList commonNames;
    QStringList organizations;
};

// CN and O values in certificate order. Qt's subjectInfo() lists repeated attributes in
// reverse, but the apiserver's mapping depends on the order (last CN wins, O in order), so
// the subject is read from the DER directly.
std::optional<SubjectNames> subjectNames(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *cursor = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &cursor, der.size()), &X509_free);
    if (!x509)
        return std::nullopt;
    const X509_NAME *subject = X509_get_subject_name(x509.get());
    if (!subject)
        return std::nullopt;
    SubjectNames names;
    const int count = X509_NAME_entry_count(subject);
    for (int i = 0; i < count; ++i) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(subject, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        if (nid != NID_commonName && nid != NID_organizationName)
            continue;
        unsigned char *utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
        if (length < 0)
            continue; // not a string type: Go's pkix skips such values too
        const QString value = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
        OPENSSL_free(utf8);
        (nid == NID_commonName ? names.commonNames : names.organizations).append(value);
    }
    return names;
}

AuthFailure failure(AuthFailure::Cause cause, const QString &detail)
{
    return AuthFailure{cause, detail};
}

} // namespace

Authenticator::Authenticator()
    : m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void Authenticator::setAnonymousEnabled(bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_anonymousEnabled = enabled;
}

bool Authenticator::anonymousEnabled() const
{
    QMutexLocker lock(&m_mutex);
    return m_anonymousEnabled;
}

void Authenticator::setClock(Clock clock)
{
    QMutexLocker lock(&m_mutex);
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

void Authenticator::addToken(const QString &token, const UserInfo &user, const QDateTime &expiresAt)
{
    QMutexLocker lock(&m_mutex);
    m_tokens.insert(token.toUtf8(), TokenEntry{user, expiresAt});
}

bool Authenticator::revokeToken(const QString &token)
{
    QMutexLocker lock(&m_mutex);
    return m_tokens.remove(token.toUtf8()) > 0;
}

bool Authenticator::expireToken(const QString &token)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_tokens.find(token.toUtf8());
    if (it == m_tokens.end())
        return false;
    it->expiresAt = m_clock();
    return true;
}

std::optional<UserInfo> userFromClientCertificate(const QSslCertificate &leaf)
{
    if (leaf.isNull())
        return std::nullopt;
    const std::optional<SubjectNames> names = subjectNames(leaf);
    // Go's pkix.Name keeps the last CN when a subject has several.
    if (!names || names->commonNames.isEmpty() || names->commonNames.constLast().isEmpty())
        return std::nullopt;
    UserInfo user;
    user.name = names->commonNames.constLast();
    user.groups = names->organizations;
    return user;
}

// Mirrors the apiserver's bearer-token request authenticator: the header is trimmed and
// split on single spaces into at most three parts; the scheme is case-insensitive, the
// token is the second part (a third part is ignored), and an empty token counts as "no
// token" rather than a bad one.
Authenticator::TokenResult Authenticator::authenticateBearer(const QByteArray &authorizationHeader) const
{
    TokenResult result;
    const QByteArray header = authorizationHeader.trimmed();
    if (header.isEmpty())
        return result;

    const qsizetype firstSpace = header.indexOf(' ');
    const QByteArray scheme = firstSpace < 0 ? header : header.left(firstSpace);
    if (firstSpace < 0 || scheme.toLower() != "bearer") {
        result.outcome = TokenOutcome::Malformed;
        result.failure = failure(AuthFailure::Cause::MalformedAuthorization,
                                 QStringLiteral("Authorization header is not of the form \"Bearer <token>\""));
        return result;
    }
    const qsizetype tokenEnd = header.indexOf(' ', firstSpace + 1);
    const QByteArray token = header.mid(firstSpace + 1, tokenEnd < 0 ? -1 : tokenEnd - firstSpace - 1);
    if (token.isEmpty()) {
        result.outcome = TokenOutcome::Malformed;
        result.failure = failure(AuthFailure::Cause::MalformedAuthorization,
                                 QStringLiteral("empty bearer token"));
        return result;
    }

    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd()) {
        result.outcome = TokenOutcome::Rejected;
        result.failure = failure(AuthFailure::Cause::InvalidToken, QStringLiteral("invalid bearer token"));
        return result;
    }
    if (it->expiresAt.isValid() && m_clock() >= it->expiresAt) {
        result.outcome = TokenOutcome::Rejected;
        result.failure = failure(AuthFailure::Cause::ExpiredToken,
                                 QStringLiteral("bearer token expired at %1")
                                     .arg(it->expiresAt.toUTC().toString(Qt::ISODate)));
        return result;
    }
    result.outcome = TokenOutcome::Authenticated;
    result.user = it->user;
    return result;
}

fd::Expected<UserInfo, AuthFailure> Authenticator::authenticate(const QByteArray &authorizationHeader,
                                                                const QList<QSslCertificate> &peerChain) const
{
    // The x509 authenticator runs first in kube-apiserver's union: a usable certificate
    // wins even when a bad token is sent along.
    if (!peerChain.isEmpty()) {
        if (auto user = userFromClientCertificate(peerChain.constFirst()))
            return withAuthenticatedGroup(*user);
    }

    QMutexLocker lock(&m_mutex);
    const TokenResult token = authenticateBearer(authorizationHeader);
    switch (token.outcome) {
    case TokenOutcome::Authenticated:
        return withAuthenticatedGroup(token.user);
    case TokenOutcome::Rejected:
        // A rejected token is never downgraded to anonymous.
        return fd::Unexpected(token.failure);
    case TokenOutcome::Malformed:
    case TokenOutcome::NotPresented:
        break;
    }
    if (m_anonymousEnabled)
        return anonymousUser();
    if (token.outcome == TokenOutcome::Malformed)
        return fd::Unexpected(token.failure);
    return fd::Unexpected(failure(AuthFailure::Cause::NoCredentials,
                                  peerChain.isEmpty()
                                      ? QStringLiteral("no credentials presented")
                                      : QStringLiteral("client certificate has no common name and no token was sent")));
}

} // namespace fd::sim
