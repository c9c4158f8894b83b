#pragma once

#include <QCoreApplication>
#include <QString>

// Internal to src/helm: user-visible texts go through the "fd::helm" translation context.
// lupdate recognises translate("context", "text").

namespace fd::helm::detail {

inline QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

} // namespace fd::helm::detail
