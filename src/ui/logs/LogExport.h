#pragma once

#include "common/Expected.h"
#include "ui/logs/LogLineStore.h"

#include <QIODevice>
#include <QString>

#include <vector>

namespace fd::ui {

enum class LogExportFormat { PlainText, JsonLines };

// One line as exported: "2026-12-07T03:04:05.123Z pod/container text" or a JSON object
// {"time","pod","container","message"[,"gap":true]}. Credentials in the text are redacted
// (fd::kube::redactSecrets) — a log saved to disk or pasted into a ticket must not carry them.
QString formatLogLine(const LogLineStore &store, qsizetype index, LogExportFormat format);

// Writes the given store lines (e.g. the visible rows) to `device`.
Expected<void, QString> writeLogLines(QIODevice &device, const LogLineStore &store, const std::vector<qsizetype> &indexes,
                                      LogExportFormat format);

} // namespace fd::ui
