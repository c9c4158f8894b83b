#pragma once

#include <QCoreApplication>
#include <QString>

// Internal to the fission module: user-visible texts go through the "fd::fission" translation
// context. lupdate recognises translate("context", "text").

namespace fd::fission::detail {

inline QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

} // namespace fd::fission::detail
