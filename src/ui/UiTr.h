#pragma once

#include <QCoreApplication>
#include <QString>

// Texts of the ui module's non-QObject code go through the "fd::ui" translation context;
// lupdate recognises translate("context", "text").

namespace fd::ui::detail {

inline QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate(context, sourceText, disambiguation, n);
}

} // namespace fd::ui::detail
