// libFuzzer target: raw bytes from a client into the emulator's HTTP/1.1 connection
// (Http1Connection over Node's http_parser), through an in-memory socket so that every input
// runs synchronously and deterministically. The input is the byte stream the client sends,
// delivered in chunks whose sizes the input's last byte chooses (see ChunkPlan); its top bit
// makes the client hang up while a response is still streaming.
//
// The handler answers by path: /hold… streams and stays open (released later, in order),
// /stream… sends a chunked body, /abort… cuts the connection mid-response, /empty… answers
// 204, anything else a fixed-length echo. The bytes the connection wrote are then parsed as
// HTTP/1.1 responses and must be exactly: one complete response per request answered, in
// order, with the status the handler gave, plus at most one final 400/413 whose body is a
// metav1 Status; nothing after a "connection: close". The connection must delete itself once
// the socket closes (no leak).

#include "FuzzSupport.h"

#include "sim/http/Http1Connection.h"
#include "sim/http/HttpMessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <http_parser.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace fd::sim;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxBodyBytes = 4096;

// A connected socket in memory: the fuzz input arrives through feed(), what the server writes
// collects in `output`.
class FuzzSocket final : public QTcpSocket {
public:
    explicit FuzzSocket(QByteArray *output) : m_output(output)
    {
        setSocketState(QAbstractSocket::ConnectedState);
        setOpenMode(QIODevice::ReadWrite | QIODevice::Unbuffered);
    }

    void feed(QByteArrayView bytes)
    {
        m_input.append(bytes.data(), bytes.size());
        Q_EMIT readyRead();
    }
    // The client hangs up.
    void peerCloses() { shutDown(); }

    qint64 bytesAvailable() const override { return m_input.size(); }
    // What the server does to end the connection (abort() also ends up here). Qt emits
    // disconnected() at once when nothing is left to write, as here.
    void close() override { shutDown(); }
    void disconnectFromHost() override { shutDown(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin<qint64>(maxSize, m_input.size());
        if (count > 0) {
            std::memcpy(data, m_input.constData(), size_t(count));
            m_input.remove(0, qsizetype(count));
        }
        return count;
    }
    qint64 writeData(const char *data, qint64 size) override
    {
        m_output->append(data, qsizetype(size));
        return size;
    }

private:
    void shutDown()
    {
        if (state() == QAbstractSocket::UnconnectedState)
            return;
        setOpenMode(QIODevice::NotOpen);
        setSocketState(QAbstractSocket::UnconnectedState);
        Q_EMIT disconnected();
    }

    QByteArray m_input;
    QByteArray *m_output; // outlives the socket, which the connection deletes
};

struct Answered {
    QByteArray method;
    int status = 0;
    bool complete = false; // finish() reached the wire while the connection was open
};

class ScriptedHandler final : public HttpHandler {
public:
    std::vector<Answered> answers;

    void handle(const HttpRequest &request, HttpResponder *responder) override
    {
        FD_FUZZ_CHECK(!request.method.isEmpty(), u"request without a method"_s);
        FD_FUZZ_CHECK(!request.path.isEmpty(), u"request without a path: "_s + QString::fromUtf8(request.target));
        FD_FUZZ_CHECK(request.body.size() <= MaxBodyBytes, u"body over the limit reached the handler: %1"_s.arg(request.body.size()));
        FD_FUZZ_CHECK(request.protocol == "HTTP/1.1", u"protocol "_s + QString::fromLatin1(request.protocol));
        for (const auto &[name, value] : request.headers)
            FD_FUZZ_CHECK(name == name.toLower(), u"header name not lower-cased: "_s + QString::fromLatin1(name));
        FD_FUZZ_CHECK(!m_held || !m_held->isOpen(), u"a request was dispatched while the previous answer is streaming"_s);

        const size_t index = answers.size();
        answers.push_back({request.method, 0, false});
        const HttpHeaders text{{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain")}};
        if (request.path.startsWith("/hold"_L1)) {
            answers[index].status = 200;
            responder->start(200, text);
            responder->write(QByteArrayLiteral("held\n"));
            m_held = responder;
            m_heldIndex = index;
            return;
        }
        if (request.path.startsWith("/stream"_L1)) {
            answers[index].status = 200;
            responder->start(200, text);
            responder->write(QByteArrayLiteral("one\n"));
            responder->write(QByteArray()); // must not end the chunked body
            responder->write(request.body);
            complete(index, responder);
            return;
        }
        if (request.path.startsWith("/abort"_L1)) {
            answers[index].status = 200;
            responder->start(200, text);
            responder->write(QByteArrayLiteral("partial"));
            responder->abort();
            return;
        }
        if (request.path.startsWith("/empty"_L1)) {
            answers[index].status = 204;
            completeWith(index, responder, 204, {}, {});
            return;
        }
        answers[index].status = 200;
        completeWith(index, responder, 200, text,
                     request.method + ' ' + request.path.toUtf8() + ' ' + QByteArray::number(request.body.size()));
    }

    // Ends the streaming answer, if any; the connection then reads the next request.
    bool releaseHeld()
    {
        if (!m_held || !m_held->isOpen())
            return false;
        HttpResponder *held = m_held;
        m_held = nullptr;
        held->write(QByteArrayLiteral("released\n"));
        complete(m_heldIndex, held);
        return true;
    }

private:
    void completeWith(size_t index, HttpResponder *responder, int status, const HttpHeaders &headers, const QByteArray &body)
    {
        const bool open = responder->isOpen();
        responder->respond(status, headers, body);
        answers[index].complete = open;
    }
    void complete(size_t index, HttpResponder *responder)
    {
        const bool open = responder->isOpen();
        responder->finish();
        answers[index].complete = open;
    }

    QPointer<HttpResponder> m_held;
    size_t m_heldIndex = 0;
};

// Parses what the server wrote as a sequence of HTTP/1.1 responses.
struct ResponseStream {
    struct Response {
        int status = 0;
        QByteArray body;
        bool complete = false;
    };
    std::vector<Response> responses;
    const std::vector<Answered> *answers = nullptr;
    http_errno error = HPE_OK;
    size_t parsed = 0;

    void parse(const QByteArray &bytes)
    {
        http_parser parser;
        http_parser_init(&parser, HTTP_RESPONSE);
        parser.data = this;
        http_parser_settings settings;
        http_parser_settings_init(&settings);
        settings.on_message_begin = [](http_parser *p) {
            static_cast<ResponseStream *>(p->data)->responses.emplace_back();
            return 0;
        };
        settings.on_headers_complete = [](http_parser *p) {
            auto *self = static_cast<ResponseStream *>(p->data);
            self->responses.back().status = int(p->status_code);
            const size_t index = self->responses.size() - 1;
            // A HEAD answer has the length of the body it does not send.
            const bool head = index < self->answers->size() && (*self->answers)[index].method == "HEAD";
            return head ? 1 : 0;
        };
        settings.on_body = [](http_parser *p, const char *at, size_t length) {
            static_cast<ResponseStream *>(p->data)->responses.back().body.append(at, qsizetype(length));
            return 0;
        };
        settings.on_message_complete = [](http_parser *p) {
            static_cast<ResponseStream *>(p->data)->responses.back().complete = true;
            return 0;
        };
        parsed = http_parser_execute(&parser, &settings, bytes.constData(), size_t(bytes.size()));
        error = HTTP_PARSER_ERRNO(&parser);
    }
};

void checkOutput(const QByteArray &output, const std::vector<Answered> &answers)
{
    const QString wire = QString::fromLatin1(output.left(2000).toPercentEncoding(" \r\n:/-;=\"{},"));
    // Answers are sequential: once one is incomplete (cut), the connection is gone.
    size_t completed = 0;
    while (completed < answers.size() && answers[completed].complete)
        ++completed;
    FD_FUZZ_CHECK(answers.size() - completed <= 1,
                  u"requests were answered after an incomplete response (%1 of %2 complete)"_s.arg(completed).arg(answers.size()));

    ResponseStream stream;
    stream.answers = &answers;
    stream.parse(output);
    FD_FUZZ_CHECK(stream.error == HPE_OK,
                  u"the connection wrote an invalid HTTP/1.1 response stream ("_s
                      + QString::fromLatin1(http_errno_name(stream.error)) + u"): "_s + wire);
    size_t complete = 0;
    while (complete < stream.responses.size() && stream.responses[complete].complete)
        ++complete;
    FD_FUZZ_CHECK(stream.responses.size() - complete <= 1, u"a response follows an incomplete one: "_s + wire);
    FD_FUZZ_CHECK(complete == completed || complete == completed + 1,
                  u"%1 complete responses on the wire for %2 answered requests: "_s.arg(complete).arg(completed) + wire);
    for (size_t i = 0; i < completed; ++i) {
        FD_FUZZ_CHECK(stream.responses[i].status == answers[i].status,
                      u"response %1 has status %2, the handler gave %3: "_s.arg(i).arg(stream.responses[i].status).arg(answers[i].status) + wire);
    }
    if (complete == completed + 1) {
        // The connection's own refusal (malformed request, body too large): a Status, then close.
        const ResponseStream::Response &refusal = stream.responses[completed];
        FD_FUZZ_CHECK(completed == answers.size(), u"a refusal while a request was being answered: "_s + wire);
        FD_FUZZ_CHECK(refusal.status == 400 || refusal.status == 413, u"unexpected refusal status: "_s + wire);
        const QJsonObject status = QJsonDocument::fromJson(refusal.body).object();
        FD_FUZZ_CHECK(status.value("kind"_L1).toString() == "Status"_L1 && status.value("code"_L1).toInt() == refusal.status,
                      u"refusal body is not a Status: "_s + wire);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fd::fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const unsigned char seed = size > 0 ? data[size - 1] : 0;
    const bool hangUpWhileStreaming = (seed & 0x80) != 0;

    ScriptedHandler handler;
    QByteArray output;
    auto *socket = new FuzzSocket(&output);
    QPointer<FuzzSocket> alive(socket);
    QPointer<Http1Connection> connection = new Http1Connection(socket, &handler, MaxBodyBytes);

    fd::fuzz::ChunkPlan plan(seed & 0x7f);
    qsizetype at = 0;
    while (at < input.size() && alive && alive->isOpen()) {
        const qsizetype count = plan.next(input.size() - at);
        alive->feed(input.sliced(at, count));
        at += count;
        QCoreApplication::processEvents();
    }
    // Let pipelined requests behind streaming answers through, one at a time.
    for (int round = 0; round < 256 && alive && alive->isOpen(); ++round) {
        QCoreApplication::processEvents();
        if (hangUpWhileStreaming || !handler.releaseHeld())
            break;
    }
    QCoreApplication::processEvents();
    if (alive)
        alive->peerCloses();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (qEnvironmentVariableIsSet("FD_FUZZ_DEBUG")) {
        std::fprintf(stderr, "--- %zu requests answered; the connection wrote:\n%s\n---\n", handler.answers.size(),
                     output.constData());
    }
    FD_FUZZ_CHECK(connection.isNull(), u"the connection outlived its closed socket"_s);
    FD_FUZZ_CHECK(alive.isNull(), u"the socket outlived its connection"_s);
    checkOutput(output, handler.answers);
    return 0;
}
