#include "kube/store/WatchEventParser.h"

#include <QCoreApplication>

#include <cstring>

namespace fd::kube {

WatchEventParser::WatchEventParser(TypeMeta fallbackType, qsizetype maxLineBytes)
    : m_fallback(std::move(fallbackType))
    , m_maxLineBytes(qMax<qsizetype>(1, maxLineBytes))
{
}

void WatchEventParser::reset()
{
    m_buffer.clear();
    m_consumed = 0;
    m_scanFrom = 0;
    m_failed = false;
}

namespace {

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

} // namespace

bool WatchEventParser::processLine(QByteArrayView line, Result &result)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (isBlank(line))
        return true;
    auto event = m_decoder.decodeWatchEvent(line, m_fallback);
    if (!event) {
        m_failed = true;
        result.error = event.error();
        return false;
    }
    result.events.append(std::move(event).value());
    return true;
}

WatchEventParser::Result WatchEventParser::feed(QByteArrayView chunk)
{
    Result result;
    if (m_failed || chunk.isEmpty())
        return result;

    // Drop consumed bytes before growing the buffer (amortised: only when they dominate).
    if (m_consumed > 0 && m_consumed >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_consumed);
        m_scanFrom -= m_consumed;
        m_consumed = 0;
    }
    m_buffer.append(chunk.data(), chunk.size());

    while (true) {
        const char *base = m_buffer.constData();
        const qsizetype from = qMax(m_scanFrom, m_consumed);
        const void *hit = std::memchr(base + from, '\n', size_t(m_buffer.size() - from));
        if (!hit) {
            m_scanFrom = m_buffer.size();
            break;
        }
        const qsizetype newline = static_cast<const char *>(hit) - base;
        const QByteArrayView line(base + m_consumed, newline - m_consumed);
        m_consumed = newline + 1;
        m_scanFrom = m_consumed;
        if (line.size() > m_maxLineBytes) {
            m_failed = true;
            KubeError error;
            error.kind = ErrorKind::Decode;
            error.message = QCoreApplication::translate("fd::kube", "A watch event is larger than %1 bytes.")
                                .arg(m_maxLineBytes);
            result.error = error;
            return result;
        }
        if (!processLine(line, result))
            return result;
    }

    if (bufferedBytes() > m_maxLineBytes) {
        m_failed = true;
        KubeError error;
        error.kind = ErrorKind::Decode;
        error.message =
            QCoreApplication::translate("fd::kube", "A watch event is larger than %1 bytes.").arg(m_maxLineBytes);
        result.error = error;
    }
    if (m_consumed == m_buffer.size()) {
        if (m_buffer.capacity() > (qsizetype(1) << 20))
            m_buffer.clear(); // do not keep a big event's buffer
        else
            m_buffer.resize(0); // keeps the capacity for the next chunk
        m_consumed = 0;
        m_scanFrom = 0;
    }
    return result;
}

WatchEventParser::Result WatchEventParser::finish()
{
    Result result;
    if (m_failed)
        return result;
    const QByteArrayView tail(m_buffer.constData() + m_consumed, m_buffer.size() - m_consumed);
    if (!isBlank(tail))
        processLine(tail, result);
    m_buffer.clear();
    m_consumed = 0;
    m_scanFrom = 0;
    return result;
}

} // namespace fd::kube
