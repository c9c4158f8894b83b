#pragma once

#include <QString>

namespace fd::test {

// Root of the source tree (set by ctest through FD_SOURCE_DIR).
QString sourceDir();
// ../shared next to the checkout: real-world fixtures that tests may use. Empty when it
// is absent (a clone elsewhere); callers QSKIP loudly then.
QString sharedDir();
// Path to a tool (kubectl, helm, …) or empty; looks at FD_<TOOL> env, then PATH and the
// project's tool cache (build/tools).
QString findTool(const QString &name);

} // namespace fd::test

// Skips the current test with a message that stands out in the ctest log.
#define FD_SKIP_LOUDLY(reason) QSKIP(qPrintable(QStringLiteral("*** SKIPPED: %1 ***").arg(reason)))
