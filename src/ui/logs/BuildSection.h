#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>

namespace fd::ui {

// Finds one package's section in a Fission builder's log. A builder serves every package of its
// environment, one request at a time, and writes per request:
//   {"msg":"builder received request","request":{"srcPkgFilename":"<package>-<random>",…}}
//   … "========= START =========" … the build command's output … "========= END ==========="
// The START/END markers do not name the package; the request line before them does. mark()
// follows each stream (pod/container) separately and returns LogLineStore flags: BuildSection
// for the markers and lines of this package's builds, BuildMarker for every marker.
class BuildSectionMarker
{
public:
    explicit BuildSectionMarker(QString packageName);

    quint8 mark(quint16 source, QByteArrayView utf8);

    // The package a "builder received request" line is for ("" when the line is not one).
    static QString requestedPackageFile(QByteArrayView utf8);

private:
    struct StreamState {
        bool ours = false;      // the latest request was for this package
        bool inSection = false; // between its START and END
    };
    QString m_package;
    QHash<quint16, StreamState> m_streams;
};

} // namespace fd::ui
