#include "kube/transport/KubeRequest.h"
#include "kube/transport/NetworkErrors.h"
#include "kube/transport/PodLogStream.h"
#include "kube/transport/RetryPolicy.h"

#include <QTest>

using namespace fd::kube;
using namespace Qt::StringLiterals;

namespace {

AttemptOutcome httpOutcome(int status, ErrorKind kind, int retryAfter = 0)
{
    AttemptOutcome outcome;
    outcome.hasHttpStatus = true;
    outcome.error.httpStatus = status;
    outcome.error.kind = kind;
    outcome.error.retryAfterSeconds = retryAfter;
    return outcome;
}

AttemptOutcome transportOutcome(QNetworkReply::NetworkError code, const QString &text = {})
{
    NetworkFailureInput input;
    input.code = code;
    input.errorString = text;
    input.host = u"h"_s;
    const TransportFailure failure = classifyNetworkFailure(input);
    AttemptOutcome outcome;
    outcome.error = failure.error;
    outcome.neverReachedServer = failure.neverReachedServer;
    outcome.refusedStream = failure.refusedStream;
    return outcome;
}

RetryPolicy fixedPolicy(double random = 0.0)
{
    RetryPolicy policy;
    policy.setRandom([random] { return random; });
    return policy;
}

} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tooManyRequestsHonoursRetryAfterForEveryVerb()
    {
        const RetryPolicy policy = fixedPolicy();
        const auto outcome = httpOutcome(429, ErrorKind::TooManyRequests, 3);
        QCOMPARE(RetryPolicy::budgetOf(outcome), RetryPolicy::Budget::Throttle);
        for (const bool idempotent : {true, false}) {
            const RetryDecision decision = policy.decide(outcome, idempotent, 0);
            QVERIFY(decision.retry);
            QCOMPARE(decision.delayMs, 3000);
        }
        // client-go's limit: 10 retries.
        QVERIFY(policy.decide(outcome, true, 9).retry);
        QVERIFY(!policy.decide(outcome, true, 10).retry);
    }

    void retryAfterIsCappedAndDefaulted()
    {
        const RetryPolicy policy = fixedPolicy();
        QCOMPARE(policy.decide(httpOutcome(429, ErrorKind::TooManyRequests, 3600), true, 0).delayMs,
                 policy.limits().maxRetryAfterSeconds * 1000);
        QCOMPARE(policy.decide(httpOutcome(429, ErrorKind::TooManyRequests, 0), true, 0).delayMs,
                 policy.limits().defaultRetryAfterSeconds * 1000);
    }

    void serverErrorsRetryOnlyIdempotentRequests()
    {
        const RetryPolicy policy = fixedPolicy();
        const auto error500 = httpOutcome(500, ErrorKind::ServerError);
        QVERIFY(policy.decide(error500, true, 0).retry);
        QVERIFY(!policy.decide(error500, false, 0).retry);
        QVERIFY(!policy.decide(error500, true, policy.limits().maxRetries).retry);
        // 503 with Retry-After: its delay, idempotent only.
        const auto unavailable = httpOutcome(503, ErrorKind::ServerError, 2);
        QCOMPARE(policy.decide(unavailable, true, 0).delayMs, 2000);
        QVERIFY(!policy.decide(unavailable, false, 0).retry);
        // 504 maps to Timeout but is a server answer: retried like a 5xx.
        QVERIFY(policy.decide(httpOutcome(504, ErrorKind::Timeout), true, 0).retry);
    }

    void clientErrorsAreFinal_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addRow("400") << 400 << int(ErrorKind::BadRequest);
        QTest::addRow("401") << 401 << int(ErrorKind::Unauthorized);
        QTest::addRow("403") << 403 << int(ErrorKind::Forbidden);
        QTest::addRow("404") << 404 << int(ErrorKind::NotFound);
        QTest::addRow("409") << 409 << int(ErrorKind::Conflict);
        QTest::addRow("410") << 410 << int(ErrorKind::Gone);
        QTest::addRow("422") << 422 << int(ErrorKind::Invalid);
    }

    void clientErrorsAreFinal()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QVERIFY(!fixedPolicy().decide(httpOutcome(status, ErrorKind(kind)), true, 0).retry);
    }

    void backoffIsExponentialCappedAndJittered()
    {
        RetryLimits limits;
        limits.initialBackoffMs = 100;
        limits.maxBackoffMs = 1000;
        RetryPolicy low(limits);
        low.setRandom([] { return 0.0; });
        QCOMPARE(low.backoffMs(0), 100);
        QCOMPARE(low.backoffMs(1), 200);
        QCOMPARE(low.backoffMs(3), 800);
        QCOMPARE(low.backoffMs(4), 1000);
        QCOMPARE(low.backoffMs(10), 1000);
        RetryPolicy high(limits);
        high.setRandom([] { return 0.999; });
        QVERIFY(high.backoffMs(1) > 390 && high.backoffMs(1) < 400);
        QVERIFY(high.backoffMs(10) <= 2000);
    }

    void transportErrorsRetryWhenSafe()
    {
        const RetryPolicy policy = fixedPolicy();
        // The server never saw it: any verb.
        const auto refused = transportOutcome(QNetworkReply::ConnectionRefusedError);
        QVERIFY(refused.neverReachedServer);
        QVERIFY(policy.decide(refused, false, 0).retry);
        // The connection broke mid-request: only idempotent requests.
        const auto closed = transportOutcome(QNetworkReply::RemoteHostClosedError);
        QVERIFY(!closed.neverReachedServer);
        QVERIFY(policy.decide(closed, true, 0).retry);
        QVERIFY(!policy.decide(closed, false, 0).retry);
    }

    // Qt 6.4 finishes streams an HTTP/2 GOAWAY(NO_ERROR) left unprocessed with NoError and no
    // answer: safe to resend whatever the verb.
    void goawayUnprocessedStreamIsResent()
    {
        const auto outcome = transportOutcome(QNetworkReply::NoError);
        QVERIFY(outcome.neverReachedServer);
        QVERIFY(fixedPolicy().decide(outcome, false, 0).retry);
    }

    void tlsTimeoutAndCancelAreFinal()
    {
        const RetryPolicy policy = fixedPolicy();
        NetworkFailureInput tls;
        tls.sslErrors = {QSslError(QSslError::HostNameMismatch)};
        tls.host = u"h"_s;
        AttemptOutcome tlsOutcome;
        tlsOutcome.error = classifyNetworkFailure(tls).error;
        QCOMPARE(tlsOutcome.error.kind, ErrorKind::Tls);
        QVERIFY(!policy.decide(tlsOutcome, true, 0).retry);

        NetworkFailureInput timeout;
        timeout.timedOut = true;
        AttemptOutcome timeoutOutcome;
        timeoutOutcome.error = classifyNetworkFailure(timeout).error;
        QCOMPARE(timeoutOutcome.error.kind, ErrorKind::Timeout);
        QVERIFY(!policy.decide(timeoutOutcome, true, 0).retry);

        NetworkFailureInput cancelled;
        cancelled.cancelled = true;
        AttemptOutcome cancelledOutcome;
        cancelledOutcome.error = classifyNetworkFailure(cancelled).error;
        QCOMPARE(cancelledOutcome.error.kind, ErrorKind::Cancelled);
        QVERIFY(!policy.decide(cancelledOutcome, true, 0).retry);
    }

    // Qt 6.4 reports an HTTP/2 REFUSED_STREAM as ProtocolFailure with this text (qt_error() in
    // qhttp2protocolhandler.cpp); other ProtocolFailures must not look like it.
    void refusedStreamClassification()
    {
        QVERIFY(isRefusedStream(QNetworkReply::ProtocolFailure, u"Server refused a stream"_s));
        QVERIFY(!isRefusedStream(QNetworkReply::ProtocolFailure, u"Stream is no longer needed"_s));
        QVERIFY(!isRefusedStream(QNetworkReply::ContentReSendError, u"Server refused a stream"_s));
        const auto outcome = transportOutcome(QNetworkReply::ProtocolFailure, u"Server refused a stream"_s);
        QVERIFY(outcome.refusedStream);
        QVERIFY(outcome.neverReachedServer);
        QCOMPARE(RetryPolicy::budgetOf(outcome), RetryPolicy::Budget::RefusedStream);
        const RetryPolicy policy = fixedPolicy();
        // Any verb: a POST the server refused was never processed.
        QVERIFY(policy.decide(outcome, false, 0).retry);
        QVERIFY(!policy.decide(outcome, false, policy.limits().maxRefusedStreamRetries).retry);
    }

    void tlsMessages()
    {
        const QString untrusted = describeTlsErrors({QSslError(QSslError::UnableToGetLocalIssuerCertificate),
                                                     QSslError(QSslError::HostNameMismatch)},
                                                    u"api.example.com"_s);
        QVERIFY2(untrusted.contains(u"not trusted"_s), qPrintable(untrusted));
        QVERIFY(untrusted.contains(u"api.example.com"_s));
        const QString mismatch = describeTlsErrors({QSslError(QSslError::HostNameMismatch)}, u"10.0.0.1"_s);
        QVERIFY2(mismatch.contains(u"host name mismatch"_s), qPrintable(mismatch));
        QVERIFY(mismatch.contains(u"10.0.0.1"_s));
        QVERIFY(describeTlsErrors({QSslError(QSslError::CertificateExpired)}, u"h"_s).contains(u"expired"_s));
    }

    void warningHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("texts");
        // Normal strings, no raw literals: moc misreads raw strings containing escaped quotes.
        QTest::addRow("one") << QByteArray("299 - \"unknown field \\\"spec.foo\\\"\"")
                             << QStringList{u"unknown field \"spec.foo\""_s};
        QTest::addRow("merged by Qt") << QByteArray("299 - \"a, with comma\", 299 - \"b\"")
                                      << QStringList{u"a, with comma"_s, u"b"_s};
        QTest::addRow("with date") << QByteArray("299 agent \"text\" \"Sat, 01 Jan 2000 00:00:00 GMT\", 299 - \"next\"")
                                   << QStringList{u"text"_s, u"next"_s};
        QTest::addRow("malformed skipped") << QByteArray("garbage, 299 - \"kept\", 99 - \"bad code\"")
                                           << QStringList{u"kept"_s};
        QTest::addRow("utf8") << QByteArray("299 - \"gr\xc3\xbc\xc3\x9f\"") << QStringList{u"grüß"_s};
        QTest::addRow("empty") << QByteArray() << QStringList{};
    }

    void warningHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, texts);
        QCOMPARE(parseWarningHeader(header), texts);
    }

    void retryAfterHeader()
    {
        QCOMPARE(parseRetryAfter("7"), std::optional<int>(7));
        QCOMPARE(parseRetryAfter(" 0 "), std::optional<int>(0));
        QVERIFY(!parseRetryAfter(""));
        QVERIFY(!parseRetryAfter("soon"));
        const QString future = QDateTime::currentDateTimeUtc().addSecs(120).toString(u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        const auto seconds = parseRetryAfter(QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(120),
                                                                   u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1());
        QVERIFY2(seconds && *seconds >= 100 && *seconds <= 121, qPrintable(future));
    }

    void requestIdempotency()
    {
        QVERIFY(KubeRequest::get(u"/api"_s).isIdempotent());
        QVERIFY(!KubeRequest::withBody("POST", u"/x"_s, "{}").isIdempotent());
        QVERIFY(!KubeRequest::withBody("PUT", u"/x"_s, "{}").isIdempotent());
        KubeRequest put = KubeRequest::withBody("PUT", u"/x"_s, "{}");
        put.idempotent = true;
        QVERIFY(put.isIdempotent());
    }

    void logTimestamps()
    {
        const auto a = LogTimestamp::parse("2024-05-06T07:08:09.1Z");
        const auto b = LogTimestamp::parse("2024-05-06T07:08:09.12Z");
        const auto c = LogTimestamp::parse("2024-05-06T07:08:09.120000000Z");
        const auto d = LogTimestamp::parse("2024-05-06T09:08:09.12+02:00");
        QVERIFY(a && b && c && d);
        QVERIFY(*a < *b); // a text comparison would say otherwise
        QVERIFY(*b == *c);
        QVERIFY(*c == *d);
        QCOMPARE(a->nanos, 100'000'000);
        QCOMPARE(b->toSinceTime(), u"2024-05-06T07:08:09Z"_s);
        QVERIFY(!LogTimestamp::parse("hello world"));
        QVERIFY(!LogTimestamp::parse("2024-05-06T07:08:09"));
        QVERIFY(!LogTimestamp::parse("2024-13-06T07:08:09Z"));
        QVERIFY(!LogTimestamp::parse("2024-05-06T07:08:09.Z"));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
