#pragma once

#include <QString>

namespace fd::sim {

// Go's %q for a string (strconv.Quote). kube-apiserver builds its authorization messages
// with %q, so names containing quotes, backslashes or control characters must be escaped
// the same way for the emulator's messages to match byte for byte.
QString goQuote(const QString &text);

} // namespace fd::sim
