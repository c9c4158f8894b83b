#pragma once

#include <QCoreApplication>
#include <QString>

// Internal to the engine module: user-visible texts go through the "fd::engine" translation
// context. lupdate recognises translate("context", "text").

namespace fd::engine::detail {

inline QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

} // namespace fd::engine::detail
