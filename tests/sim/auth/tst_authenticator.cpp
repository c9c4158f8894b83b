#include "sim/auth/Authenticator.h"

#include <QJsonArray>
#include <QSslCertificate>
#include <QTest>

using namespace fd::sim;

namespace {

// Self-signed test certificates (100-year validity; the TLS layer, not this module,
// verifies chains). Subjects: CN=alice,O=developers,O=ops / O=orphans (no CN) /
// CN=system:node:worker-1,O=system:nodes / CN=first,CN=second.
const char kAlicePem[] = R"PEM(
-----BEGIN CERTIFICATE-----
MIIBvTCCAWOgAwIBAgIUDgN9JR37YzLnlfAvtTG5iyrwAygwCgYIKoZIzj0EAwIw
MzEOMAwGA1UEAwwFYWxpY2UxEzARBgNVBAoMCmRldmVsb3BlcnMxDDAKBgNVBAoM
A29wczAgFw0yNjExMjUxNjA0MzlaGA8yMTI2MTEwMTE2MDQzOVowMzEOMAwGA1UE
AwwFYWxpY2UxEzARBgNVBAoMCmRldmVsb3BlcnMxDDAKBgNVBAoMA29wczBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABBVsvhNUVtnYIsYEMB5uShPhZWiUquDdAYYm
U9cB+cNFeSfi9W3VdoJM5+WWjqcyfp89imBqjrYt7hCHq7Jrg9GjUzBRMB0GA1Ud
DgQWBBRMspb8KvwaJELF2+SDDAVE/dxOUDAfBgNVHSMEGDAWgBRMspb8KvwaJELF
2+SDDAVE/dxOUDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIFiI
T8AgDA+NJ/PJsJoF+S7+up3azN4dvAkN21yIWzzDAiEA1ZtgeoaiHSBenXmj0mVF
6DUO0BPMaJy8Dcg8bNB/cgo=
-----END CERTIFICATE-----
)PEM";
const char kNoCnPem[] = R"PEM(
-----BEGIN CERTIFICATE-----
MIIBezCCASGgAwIBAgIUFuubxVDk/MwHPXDXlBUXM+v3G+MwCgYIKoZIzj0EAwIw
EjEQMA4GA1UECgwHb3JwaGFuczAgFw0yNjExMjUxNjA0MzlaGA8yMTI2MTEwMTE2
MDQzOVowEjEQMA4GA1UECgwHb3JwaGFuczBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABNQ0GkY0uQV7mm4f/aYTHILgw/UmVrTrzoSVI9FoCD+fJLkwCzyxmyci3dFt
oH/Tny1OsrRH7gd7Tx3y+4Mj95KjUzBRMB0GA1UdDgQWBBQ7NJ8fW0yWUP0nn9Ue
64i7j0QejTAfBgNVHSMEGDAWgBQ7NJ8fW0yWUP0nn9Ue64i7j0QejTAPBgNVHRMB
Af8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCh6DSj5ArKGttT6o/Mke8GdmxB
ghSOc4z/DGcrnLrd9wIgC9iRvk/pWeNtoxk/X9ZYxl6d89M+CCx3NE/GFzVr554=
-----END CERTIFICATE-----
)PEM";
const char kNodePem[] = R"PEM(
-----BEGIN CERTIFICATE-----
MIIBwzCCAWmgAwIBAgIUJ3gvqWr+6Z1eZHx4R9nchR8wmu4wCgYIKoZIzj0EAwIw
NjEdMBsGA1UEAwwUc3lzdGVtOm5vZGU6d29ya2VyLTExFTATBgNVBAoMDHN5c3Rl
bTpub2RlczAgFw0yNjExMjUxNjA0MzlaGA8yMTI2MTEwMTE2MDQzOVowNjEdMBsG
A1UEAwwUc3lzdGVtOm5vZGU6d29ya2VyLTExFTATBgNVBAoMDHN5c3RlbTpub2Rl
czBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABIuY+3VTcMsMSvuJbCRzTpeHIesI
XlmD3jmM8y/MAPItoGKntkowuLhFMN/xU6QK+5/5siVHRZ2FyqiVAN4mw4KjUzBR
MB0GA1UdDgQWBBTlvDbFT6+voYUYpMpTWs1ElOZpvzAfBgNVHSMEGDAWgBTlvDbF
T6+voYUYpMpTWs1ElOZpvzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA
MEUCIQDnFKLlj4AdsqfmhHWV06+hEup6yfG+MseAQh/jo6O5swIgeIF866x064Is
BvM3bRNzAMI6EZeWvPmknZfFDXXB24I=
-----END CERTIFICATE-----
)PEM";
const char kTwoCnPem[] = R"PEM(
-----BEGIN CERTIFICATE-----
MIIBmDCCAT+gAwIBAgIUIr/1LAWSdA0mfoHOtxrI1ZHx4qgwCgYIKoZIzj0EAwIw
ITEOMAwGA1UEAwwFZmlyc3QxDzANBgNVBAMMBnNlY29uZDAgFw0yNjExMjUxNjA0
MzlaGA8yMTI2MTEwMTE2MDQzOVowITEOMAwGA1UEAwwFZmlyc3QxDzANBgNVBAMM
BnNlY29uZDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEc/s80nWe1ue9+/ZDM8
Fne1nAjR2NpzOGjHEjWrOay1WBcCZ/W1mpj8MAIBhWr/3+t550Tudda7+GhF3WtI
vxajUzBRMB0GA1UdDgQWBBR8f3RYjsaLNtDMCDRbGrDxr10sHDAfBgNVHSMEGDAW
gBR8f3RYjsaLNtDMCDRbGrDxr10sHDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49
BAMCA0cAMEQCIHhio0WXdy57Mj+SAlcHDX/P4Shw4ngJ4T2G5WuBMLixAiBXj6B8
7FhHd/0cVK7JaaUaRJxDEBYKf172e0mhNEpc0g==
-----END CERTIFICATE-----
)PEM";

QList<QSslCertificate> chain(const char *pem)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(QByteArray(pem), QSsl::Pem);
    Q_ASSERT(certificates.size() == 1);
    return certificates;
}

UserInfo user(const QString &name, const QStringList &groups, const QString &uid = {})
{
    UserInfo info;
    info.name = name;
    info.groups = groups;
    info.uid = uid;
    return info;
}

const QString kAuthenticated = QStringLiteral("system:authenticated");

} // namespace

class TestAuthenticator : public QObject {
    Q_OBJECT

private:
    Authenticator m_authenticator;
    QDateTime m_now = QDateTime(QDate(2030, 1, 1), QTime(10, 0), Qt::UTC);

private Q_SLOTS:
    void init()
    {
        m_authenticator.setAnonymousEnabled(false);
        m_authenticator.setClock([this] { return m_now; });
        m_authenticator.addToken(QStringLiteral("bob-token"), user(QStringLiteral("bob"), {QStringLiteral("team-a")}, QStringLiteral("u-1")));
        m_authenticator.addToken(QStringLiteral("admin-token"),
                                 user(QStringLiteral("admin"), {QStringLiteral("system:masters")}));
        m_authenticator.addToken(QStringLiteral("unauth-token"),
                                 user(QStringLiteral("odd"), {QStringLiteral("system:unauthenticated")}));
        m_authenticator.addToken(QStringLiteral("short-token"), user(QStringLiteral("temp"), {}),
                                 m_now.addSecs(60));
    }

    void bearerTokens_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QStringList>("groups");
        QTest::addColumn<int>("cause");

        const int none = -1;
        const auto cause = [](AuthFailure::Cause c) { return static_cast<int>(c); };
        const QStringList bobGroups{QStringLiteral("team-a"), kAuthenticated};
        const QStringList anonGroups{QStringLiteral("system:unauthenticated")};

        QTest::addRow("valid") << QByteArray("Bearer bob-token") << false << true << "bob" << bobGroups << none;
        QTest::addRow("scheme is case-insensitive") << QByteArray("bEaReR bob-token") << false << true << "bob" << bobGroups << none;
        QTest::addRow("surrounding whitespace trimmed") << QByteArray("  Bearer bob-token \t") << false << true << "bob" << bobGroups << none;
        QTest::addRow("third part ignored") << QByteArray("Bearer bob-token trailing") << false << true << "bob" << bobGroups << none;
        QTest::addRow("groups keep system:masters") << QByteArray("Bearer admin-token") << false << true << "admin"
                                                   << QStringList{QStringLiteral("system:masters"), kAuthenticated} << none;
        QTest::addRow("system:unauthenticated not doubled up") << QByteArray("Bearer unauth-token") << false << true << "odd"
                                                               << QStringList{QStringLiteral("system:unauthenticated")} << none;
        QTest::addRow("unknown token") << QByteArray("Bearer nope") << false << false << "" << QStringList() << cause(AuthFailure::Cause::InvalidToken);
        QTest::addRow("unknown token not anonymous") << QByteArray("Bearer nope") << true << false << "" << QStringList() << cause(AuthFailure::Cause::InvalidToken);
        QTest::addRow("token is case-sensitive") << QByteArray("Bearer BOB-TOKEN") << false << false << "" << QStringList() << cause(AuthFailure::Cause::InvalidToken);
        QTest::addRow("no header") << QByteArray() << false << false << "" << QStringList() << cause(AuthFailure::Cause::NoCredentials);
        QTest::addRow("no header anonymous") << QByteArray() << true << true << "system:anonymous" << anonGroups << none;
        QTest::addRow("basic auth is not supported") << QByteArray("Basic Ym9iOnB3") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("basic auth falls to anonymous") << QByteArray("Basic Ym9iOnB3") << true << true << "system:anonymous" << anonGroups << none;
        QTest::addRow("scheme only") << QByteArray("Bearer") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("scheme and space only") << QByteArray("Bearer ") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("double space means empty token") << QByteArray("Bearer  bob-token") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("tab is not a separator") << QByteArray("Bearer\tbob-token") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("token only") << QByteArray("bob-token") << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("binary garbage") << QByteArray("\x00\xff\xfe Bearer", 10) << false << false << "" << QStringList() << cause(AuthFailure::Cause::MalformedAuthorization);
        QTest::addRow("expiring token still valid") << QByteArray("Bearer short-token") << false << true << "temp" << QStringList{kAuthenticated} << none;
    }

    void bearerTokens()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, anonymous);
        QFETCH(bool, ok);
        QFETCH(QString, userName);
        QFETCH(QStringList, groups);
        QFETCH(int, cause);

        m_authenticator.setAnonymousEnabled(anonymous);
        const auto result = m_authenticator.authenticate(header, {});
        QCOMPARE(result.hasValue(), ok);
        if (ok) {
            QCOMPARE(result->name, userName);
            QCOMPARE(result->groups, groups);
        } else {
            QCOMPARE(static_cast<int>(result.error().cause), cause);
            QVERIFY(!result.error().detail.isEmpty());
        }
    }

    void tokenCarriesUid()
    {
        const auto result = m_authenticator.authenticate("Bearer bob-token", {});
        QVERIFY(result.hasValue());
        QCOMPARE(result->uid, QStringLiteral("u-1"));
    }

    void tokenExpiresWithTime()
    {
        QVERIFY(m_authenticator.authenticate("Bearer short-token", {}).hasValue());
        m_now = m_now.addSecs(60);
        const auto result = m_authenticator.authenticate("Bearer short-token", {});
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().cause, AuthFailure::Cause::ExpiredToken);
        m_now = m_now.addSecs(-60);
    }

    void expireTokenAtRuntime()
    {
        QVERIFY(m_authenticator.expireToken(QStringLiteral("bob-token")));
        m_authenticator.setAnonymousEnabled(true); // an expired token is never anonymous
        const auto result = m_authenticator.authenticate("Bearer bob-token", {});
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().cause, AuthFailure::Cause::ExpiredToken);
        QVERIFY(!m_authenticator.expireToken(QStringLiteral("never-issued")));
    }

    void revokeTokenAtRuntime()
    {
        QVERIFY(m_authenticator.revokeToken(QStringLiteral("bob-token")));
        const auto result = m_authenticator.authenticate("Bearer bob-token", {});
        QVERIFY(!result.hasValue());
        QCOMPARE(result.error().cause, AuthFailure::Cause::InvalidToken);
        QVERIFY(!m_authenticator.revokeToken(QStringLiteral("bob-token")));
        // Re-issuing works.
        m_authenticator.addToken(QStringLiteral("bob-token"), user(QStringLiteral("bob2"), {}));
        QCOMPARE(m_authenticator.authenticate("Bearer bob-token", {})->name, QStringLiteral("bob2"));
    }

    void clientCertificates_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("userName");
        QTest::addColumn<QStringList>("groups");

        QTest::addRow("CN and O") << QByteArray(kAlicePem) << QByteArray() << true << "alice"
                                  << QStringList{QStringLiteral("developers"), QStringLiteral("ops"), kAuthenticated};
        QTest::addRow("node certificate") << QByteArray(kNodePem) << QByteArray() << true << "system:node:worker-1"
                                          << QStringList{QStringLiteral("system:nodes"), kAuthenticated};
        QTest::addRow("last CN wins") << QByteArray(kTwoCnPem) << QByteArray() << true << "second" << QStringList{kAuthenticated};
        QTest::addRow("certificate beats bad token") << QByteArray(kAlicePem) << QByteArray("Bearer nope") << true << "alice"
                                                     << QStringList{QStringLiteral("developers"), QStringLiteral("ops"), kAuthenticated};
        QTest::addRow("no CN falls through to token") << QByteArray(kNoCnPem) << QByteArray("Bearer bob-token") << true << "bob"
                                                      << QStringList{QStringLiteral("team-a"), kAuthenticated};
        QTest::addRow("no CN and nothing else") << QByteArray(kNoCnPem) << QByteArray() << false << "" << QStringList();
    }

    void clientCertificates()
    {
        QFETCH(QByteArray, pem);
        QFETCH(QByteArray, header);
        QFETCH(bool, ok);
        QFETCH(QString, userName);
        QFETCH(QStringList, groups);

        const auto result = m_authenticator.authenticate(header, chain(pem.constData()));
        QCOMPARE(result.hasValue(), ok);
        if (ok) {
            QCOMPARE(result->name, userName);
            QCOMPARE(result->groups, groups);
        } else {
            QCOMPARE(result.error().cause, AuthFailure::Cause::NoCredentials);
        }
    }

    void nullCertificateIsIgnored()
    {
        const auto result = m_authenticator.authenticate("Bearer bob-token", {QSslCertificate()});
        QVERIFY(result.hasValue());
        QCOMPARE(result->name, QStringLiteral("bob"));
    }

    void userInfoHelpers()
    {
        const UserInfo sa = serviceAccountUser(QStringLiteral("fission"), QStringLiteral("builder"));
        QCOMPARE(sa.name, QStringLiteral("system:serviceaccount:fission:builder"));
        QCOMPARE(sa.groups, (QStringList{QStringLiteral("system:serviceaccounts"),
                                         QStringLiteral("system:serviceaccounts:fission"), kAuthenticated}));
        QCOMPARE(withAuthenticatedGroup(sa).groups, sa.groups);
        QCOMPARE(withAuthenticatedGroup(anonymousUser()), anonymousUser());

        QCOMPARE(splitServiceAccountUsername(sa.name),
                 std::make_optional(std::make_pair(QStringLiteral("fission"), QStringLiteral("builder"))));
        for (const char *bad : {"system:serviceaccount:ns", "system:serviceaccount:ns:a:b", "system:serviceaccount::x",
                                "system:serviceaccount:x:", "serviceaccount:ns:name", "bob"}) {
            QVERIFY2(!splitServiceAccountUsername(QString::fromLatin1(bad)), bad);
        }

        UserInfo info = user(QStringLiteral("bob"), {QStringLiteral("g")}, QStringLiteral("u"));
        info.extra.insert(QStringLiteral("scopes"), {QStringLiteral("a"), QStringLiteral("b")});
        const QJsonObject json = userInfoToJson(info);
        QCOMPARE(json.value(QStringLiteral("username")).toString(), QStringLiteral("bob"));
        QCOMPARE(json.value(QStringLiteral("uid")).toString(), QStringLiteral("u"));
        QCOMPARE(json.value(QStringLiteral("groups")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("extra")).toObject().value(QStringLiteral("scopes")).toArray().size(), 2);
        QVERIFY(!userInfoToJson(UserInfo()).contains(QStringLiteral("uid")));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
