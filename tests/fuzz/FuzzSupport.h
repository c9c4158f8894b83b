#pragma once

// Shared by the libFuzzer targets in tests/fuzz: invariant checks that crash with a readable
// message (libFuzzer then keeps the input as a crash artifact), input splitting, and the Qt
// application the emulator targets need for timers and queued calls.

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace fd::fuzz {

[[noreturn]] inline void invariantFailed(const char *condition, const char *file, int line, const QString &detail)
{
    std::fprintf(stderr, "\n=== fuzz invariant failed: %s\n    at %s:%d\n    %s\n", condition, file, line,
                 detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

// The invariant failed: say which one and why, then crash.
#define FD_FUZZ_CHECK(condition, detail)                                                                    \
    do {                                                                                                    \
        if (!(condition))                                                                                   \
            ::fd::fuzz::invariantFailed(#condition, __FILE__, __LINE__, (detail));                         \
    } while (false)

// A QCoreApplication for the whole run (timers, queued invocations, deleteLater). Never
// destroyed: objects that outlive LLVMFuzzerTestOneInput stay valid until exit.
inline void ensureApplication(int *argc, char ***argv)
{
    if (QCoreApplication::instance())
        return;
    static int storedArgc = 0;
    storedArgc = argc ? *argc : 0;
    new QCoreApplication(storedArgc, argv ? *argv : nullptr);
}

// Splits `data` at every occurrence of `separator` (the separator is dropped).
inline QList<QByteArrayView> splitOn(QByteArrayView data, QByteArrayView separator)
{
    QList<QByteArrayView> parts;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = data.indexOf(separator, from);
        if (at < 0) {
            parts.append(data.sliced(from));
            return parts;
        }
        parts.append(data.sliced(from, at - from));
        from = at + separator.size();
    }
}

// Chunk sizes for feeding a stream in pieces, chosen by one fuzz-controlled seed byte:
// 0 = everything at once, 1 = byte by byte, anything else = pseudo-random sizes 1..64.
class ChunkPlan {
public:
    explicit ChunkPlan(unsigned char seed) : m_seed(seed), m_state(seed * 2654435761u + 1) {}

    qsizetype next(qsizetype remaining)
    {
        if (m_seed == 0)
            return remaining;
        if (m_seed == 1)
            return qMin<qsizetype>(1, remaining);
        m_state = m_state * 1103515245u + 12345u;
        return qMin<qsizetype>(remaining, 1 + (m_state >> 16) % 64);
    }

private:
    unsigned char m_seed;
    unsigned int m_state;
};

} // namespace fd::fuzz
