#pragma once

#include <QByteArrayView>
#include <QString>

namespace fd::ui {

enum class LogSeverity : quint8 { Unknown = 0, Debug, Info, Warning, Error, Fatal };

// The severity of a line in the formats Fission and Kubernetes components write: zap/logrus JSON
// ("level":"info"), logfmt (level=warn), klog (E1207 12:00:00…), and a bracketed or bare level
// word near the start ([ERROR], WARN:, " error "). Only the first 200 bytes are looked at.
LogSeverity detectSeverity(QByteArrayView utf8);
QString severityDisplay(LogSeverity severity); // translated

} // namespace fd::ui
