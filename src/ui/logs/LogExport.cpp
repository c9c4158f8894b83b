#include "ui/logs/LogExport.h"

#include "kube/config/Redaction.h"
#include "ui/UiTr.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace fd::ui {

using namespace Qt::StringLiterals;
using detail::translate;

QString formatLogLine(const LogLineStore &store, qsizetype index, LogExportFormat format)
{
    const QString time = store.time(index).toString(Qt::ISODateWithMs);
    const QString text = fd::kube::redactSecrets(store.text(index));
    if (format == LogExportFormat::PlainText)
        return u"%1 %2/%3 %4"_s.arg(time, store.pod(index), store.container(index), text);
    QJsonObject object{{u"time"_s, time},
                       {u"pod"_s, store.pod(index)},
                       {u"container"_s, store.container(index)},
                       {u"message"_s, text}};
    if (store.isGap(index))
        object.insert(u"gap"_s, true);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Expected<void, QString> writeLogLines(QIODevice &device, const LogLineStore &store, const std::vector<qsizetype> &indexes,
                                      LogExportFormat format)
{
    QByteArray buffer;
    for (qsizetype index : indexes) {
        if (index < 0)
            continue;
        buffer += formatLogLine(store, index, format).toUtf8();
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            if (device.write(buffer) != buffer.size())
                return Unexpected(translate("fd::ui", "cannot write the log: %1").arg(device.errorString()));
            buffer.clear();
        }
    }
    if (!buffer.isEmpty() && device.write(buffer) != buffer.size())
        return Unexpected(translate("fd::ui", "cannot write the log: %1").arg(device.errorString()));
    return {};
}

} // namespace fd::ui
