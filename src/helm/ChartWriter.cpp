#include "helm/ChartWriter.h"

#include "helm/HelmTr.h"
#include "helm/YamlWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace fd::helm {

using detail::translate;

namespace {

fd::Unexpected<ChartWriteError> failure(ChartWriteError::Kind kind, QString message)
{
    return fd::Unexpected(ChartWriteError{kind, std::move(message)});
}

} // namespace

bool isSafeChartPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.contains(u'\\') || path.contains(QChar(0)))
        return false;
    const QStringList parts = path.split(u'/');
    for (const QString &part : parts) {
        if (part.isEmpty() || part == "."_L1 || part == ".."_L1)
            return false;
    }
    // A drive letter or URL scheme would be absolute on some systems.
    return !parts.first().contains(u':');
}

fd::Expected<WrittenChart, ChartWriteError> writeChart(const ReleaseChart &chart, const QString &directory)
{
    const ChartMetadata &metadata = chart.metadata;
    if (metadata.name.isEmpty() || metadata.version.isEmpty())
        return failure(ChartWriteError::Kind::MissingMetadata,
                       translate("fd::helm", "The stored chart has no name or version; it cannot be rebuilt."));
    if (chart.templates.isEmpty())
        return failure(ChartWriteError::Kind::NoTemplates,
                       translate("fd::helm", "The release stores no templates for chart %1 %2, so it cannot be rebuilt "
                                             "from the release. Choose the chart (a directory, archive or repository "
                                             "reference) to upgrade with.")
                           .arg(metadata.name, metadata.version));
    if (!metadata.dependencies.isEmpty())
        return failure(ChartWriteError::Kind::HasDependencies,
                       translate("fd::helm", "Chart %1 %2 has dependencies (subcharts), which Helm does not store in "
                                             "the release; an upgrade from the stored chart would remove their "
                                             "objects. Choose the chart to upgrade with.")
                           .arg(metadata.name, metadata.version));

    // Every path is checked before anything is written.
    QList<ChartFile> files;
    for (const ChartFile &file : chart.templates + chart.files) {
        if (!isSafeChartPath(file.name))
            return failure(ChartWriteError::Kind::UnsafePath,
                           translate("fd::helm", "The stored chart contains the file name \"%1\", which is not a safe "
                                                 "relative path; the chart is not written.")
                               .arg(file.name.left(200)));
        files.append(file);
    }

    QJsonObject chartYaml = metadata.raw;
    if (chartYaml.value("apiVersion"_L1).toString().isEmpty())
        chartYaml.insert(u"apiVersion"_s, u"v2"_s);
    files.prepend({u"Chart.yaml"_s, toYaml(chartYaml)});
    files.append({u"values.yaml"_s, chart.values.isEmpty() ? QByteArray() : toYaml(chart.values)});
    if (!chart.schema.isEmpty())
        files.append({u"values.schema.json"_s, chart.schema});

    const QDir root(directory);
    if (!root.mkpath(u"."_s))
        return failure(ChartWriteError::Kind::Io, translate("fd::helm", "Cannot create the directory %1.").arg(directory));
    WrittenChart written;
    written.directory = root.absolutePath();
    for (const ChartFile &file : std::as_const(files)) {
        const QString path = root.absoluteFilePath(file.name);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return failure(ChartWriteError::Kind::Io, translate("fd::helm", "Cannot create the directory for %1.").arg(path));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.data) != file.data.size() || !out.commit())
            return failure(ChartWriteError::Kind::Io,
                           translate("fd::helm", "Cannot write %1: %2").arg(path, out.errorString()));
        written.files.append(file.name);
    }
    return written;
}

} // namespace fd::helm
