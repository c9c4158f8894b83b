#pragma once

#include "common/Expected.h"
#include "sim/auth/UserInfo.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSslCertificate>
#include <QString>

#include <functional>
#include <optional>

namespace fd::sim {

// Why a request gets 401. Whatever the cause, kube-apiserver answers with the same Status
// (message "Unauthorized", see unauthorizedStatus()); `detail` is for the emulator's log.
struct AuthFailure {
    enum class Cause {
        NoCredentials,          // nothing usable was presented and anonymous access is off
        MalformedAuthorization, // an Authorization header that is not "Bearer <token>"
        InvalidToken,           // a bearer token nobody issued (or one that was revoked)
        ExpiredToken,           // a bearer token past its expiry
    };
    Cause cause = Cause::NoCredentials;
    QString detail;
};

// Authenticates requests the way kube-apiserver's authenticator chain does:
//  1. client certificate (the TLS layer has verified the chain): CN = user, O = groups;
//     a certificate without CN authenticates nobody and the next step runs;
//  2. static bearer tokens from the Authorization header;
//  3. anonymous, if enabled — but never after a token was presented and rejected.
// Authenticated users get system:authenticated (withAuthenticatedGroup()).
// Tokens can be added, revoked and expired at runtime (fault injection); all methods are
// thread-safe.
class Authenticator {
public:
    using Clock = std::function<QDateTime()>;

    Authenticator();

    void setAnonymousEnabled(bool enabled);
    bool anonymousEnabled() const;

    // Replaces the time source (tests; fault injection that moves time).
    void setClock(Clock clock);

    // Registers (or replaces) a token. An invalid expiresAt means "never expires".
    void addToken(const QString &token, const UserInfo &user, const QDateTime &expiresAt = {});
    // Forgets a token: later requests with it fail as unknown. False if it was not known.
    bool revokeToken(const QString &token);
    // Makes a token expire now: later requests with it fail as expired. False if unknown.
    bool expireToken(const QString &token);

    // authorizationHeader: the raw value of the Authorization header (empty if absent).
    // peerChain: the verified client certificate chain, leaf first (empty without one).
    fd::Expected<UserInfo, AuthFailure> authenticate(const QByteArray &authorizationHeader,
                                                     const QList<QSslCertificate> &peerChain) const;

private:
    struct TokenEntry {
        UserInfo user;
        QDateTime expiresAt;
    };
    enum class TokenOutcome { NotPresented, Malformed, Authenticated, Rejected };
    struct TokenResult {
        TokenOutcome outcome = TokenOutcome::NotPresented;
        UserInfo user;
        AuthFailure failure;
    };

    TokenResult authenticateBearer(const QByteArray &authorizationHeader) const;

    mutable QMutex m_mutex;
    QHash<QByteArray, TokenEntry> m_tokens;
    bool m_anonymousEnabled = false;
    Clock m_clock;
};

// The user a client certificate stands for, or nullopt when its subject has no CN.
std::optional<UserInfo> userFromClientCertificate(const QSslCertificate &leaf);

} // namespace fd::sim
