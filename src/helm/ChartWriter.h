#pragma once

#include "common/Expected.h"
#include "helm/Release.h"

#include <QString>
#include <QStringList>

// Rebuilds a chart directory from the chart stored in a release, so `helm upgrade` can run
// without access to the chart's repository (the upgrade then renders exactly the templates that
// were deployed, only with new values):
//   Chart.yaml         from chart.metadata (every stored key, maintainers and annotations too)
//   values.yaml        from chart.values (the chart's defaults; comments are not stored by Helm)
//   values.schema.json from chart.schema, when there is one
//   templates/…, other files (crds/, README, files read by .Files.Get) at their stored paths.
//
// Refused, each with its own error, so the caller can ask for a chart reference instead:
//  - no templates: the stored chart cannot render anything (e.g. a release whose chart was
//    stripped); an upgrade from it would delete every object of the release;
//  - dependencies: Helm stores only the parent chart, not its subcharts, so the upgrade would
//    remove the subcharts' objects;
//  - a file name that is absolute, has `..` or other unsafe parts (a crafted release must not
//    write outside the target directory);
//  - missing chart name/version, and I/O errors.
// Known differences from the original chart directory: values.yaml loses its comments and key
// order (Helm stores parsed values), Chart.lock and `.helmignore` are not stored by Helm, file
// modes are 0644.

namespace fd::helm {

struct ChartWriteError {
    enum class Kind { NoTemplates, HasDependencies, MissingMetadata, UnsafePath, Io };
    Kind kind = Kind::Io;
    QString message; // translated
};

struct WrittenChart {
    QString directory;  // the chart root (contains Chart.yaml)
    QStringList files;  // relative paths written
};

// Writes into `directory` (created when missing; files already there are overwritten).
fd::Expected<WrittenChart, ChartWriteError> writeChart(const ReleaseChart &chart, const QString &directory);

// True for a stored file path that may be written below a chart root.
bool isSafeChartPath(const QString &path);

} // namespace fd::helm
