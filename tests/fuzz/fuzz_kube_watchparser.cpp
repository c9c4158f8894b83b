// libFuzzer target: the client's watch stream parser (WatchEventParser) on arbitrary streams.
// The whole input is the stream; its last byte also chooses the line limit and how a third
// parser gets it in chunks (ChunkPlan). The same stream is fed three ways — in one piece,
// byte by byte, and in those chunks — and the results must be identical: the same events
// (type, resourceVersion, object bytes, initial-events-end, error kind), and the same error
// (or none) at the same place. Chunk boundaries are invisible to a correct parser, whether the
// stream is well-formed or not. A parser reset() and reused gives the same result again.

#include "FuzzSupport.h"

#include "kube/store/WatchEventParser.h"

#include <cstddef>
#include <cstdint>

using namespace fd::kube;
using namespace Qt::StringLiterals;

namespace {

struct Outcome {
    QStringList events;    // one line per event, comparable
    QString error;         // "" or the error kind and message

    bool sameAs(const Outcome &other) const { return events == other.events && error == other.error; }
    QString toString() const { return events.join(u'\n') + u"\n  error: "_s + error; }
};

QString describe(const WatchEvent &event)
{
    QString line = QString::number(int(event.type)) + u' ' + event.resourceVersion;
    if (event.initialEventsEnd)
        line += u" initial-events-end"_s;
    if (event.type == WatchEventType::Error)
        return line + u" error %1 %2 %3"_s.arg(int(event.error.kind)).arg(event.error.httpStatus).arg(event.error.message);
    if (!event.object.isNull()) {
        FD_FUZZ_CHECK(!event.object.name().isEmpty(), u"watch event object without a name"_s);
        line += u' ' + event.object.key() + u' ' + QString::fromUtf8(event.object.json());
    }
    return line;
}

void collect(const WatchEventParser::Result &result, Outcome &outcome)
{
    for (const WatchEvent &event : result.events)
        outcome.events.append(describe(event));
    if (result.error) {
        FD_FUZZ_CHECK(outcome.error.isEmpty(), u"a second error after the parser failed"_s);
        FD_FUZZ_CHECK(!result.error->message.isEmpty(), u"parser error without a message"_s);
        outcome.error = QString::number(int(result.error->kind)) + u' ' + result.error->message;
    }
}

Outcome parse(WatchEventParser &parser, QByteArrayView stream, fd::fuzz::ChunkPlan plan)
{
    Outcome outcome;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype count = plan.next(stream.size() - at);
        collect(parser.feed(stream.sliced(at, count)), outcome);
        at += count;
        if (parser.hasFailed()) {
            FD_FUZZ_CHECK(!outcome.error.isEmpty(), u"parser failed without reporting an error"_s);
            // A failed parser stays silent.
            const auto after = parser.feed(stream.sliced(at));
            FD_FUZZ_CHECK(after.events.isEmpty() && !after.error, u"a failed parser produced more"_s);
            break;
        }
    }
    collect(parser.finish(), outcome);
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView stream(reinterpret_cast<const char *>(data), qsizetype(size));
    const unsigned char seed = size > 0 ? data[size - 1] : 0;
    // Small limits now and then, so that the over-long-line paths are reached.
    const qsizetype maxLine = (seed & 0x80) ? 16 + seed % 200 : WatchEventParser::DefaultMaxLineBytes;
    const TypeMeta fallback{u"v1"_s, u"Pod"_s};

    WatchEventParser whole(fallback, maxLine);
    const Outcome reference = parse(whole, stream, fd::fuzz::ChunkPlan(0));

    WatchEventParser bytewise(fallback, maxLine);
    const Outcome byBytes = parse(bytewise, stream, fd::fuzz::ChunkPlan(1));
    FD_FUZZ_CHECK(byBytes.sameAs(reference),
                  u"byte-by-byte feeding differs from one piece\n--- one piece:\n"_s + reference.toString()
                      + u"\n--- byte by byte:\n"_s + byBytes.toString());

    WatchEventParser chunked(fallback, maxLine);
    const Outcome inChunks = parse(chunked, stream, fd::fuzz::ChunkPlan(seed < 2 ? 2 : seed));
    FD_FUZZ_CHECK(inChunks.sameAs(reference),
                  u"chunked feeding differs from one piece\n--- one piece:\n"_s + reference.toString()
                      + u"\n--- chunked:\n"_s + inChunks.toString());

    chunked.reset();
    const Outcome reused = parse(chunked, stream, fd::fuzz::ChunkPlan(0));
    FD_FUZZ_CHECK(reused.sameAs(reference), u"a reset parser gives another result"_s);
    return 0;
}
