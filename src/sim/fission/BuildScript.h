#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fd::sim::fission {

// The languages whose builders the simulation can imitate, from the environment's images.
enum class Language { Node, Python, Go, Generic };
Language languageOf(const QJsonObject &environment);

// What running a package's build command in the builder container produced. The simulation
// decides the outcome the way a real build would be decided by the user's code:
//   - the command's program cannot be found (not a path, not a usual build tool) -> the
//     command never starts ("executable file not found in $PATH");
//   - the program is `false`, the Package's buildcmd contains the word `fail`, its literal
//     source archive contains the text `fd-sim: build fails` (the convention the demo
//     profiles use), or the Package carries the sim.fission-desk.io/build-error annotation
//     -> it runs and exits 1 (with compiler-style output for the language, or the
//     annotation's text);
//   - otherwise it succeeds with the output the language's builder prints.
struct BuildOutcome {
    bool started = true;        // false: no START/END block, only the builder's error
    bool succeeded = true;
    QString command;            // the program (first word), as the builder reports it
    QStringList output;         // the command's stdout+stderr lines
    QString builderError;       // the builder's own error line printed before END (failures)
    QString buildLog;           // what buildermgr stores in status.buildlog
};

// `srcPath` is the source archive's path in the builder's shared volume.
BuildOutcome runBuild(const QJsonObject &environment, const QJsonObject &package, const QString &srcPath);

// The build command in effect: the Package's buildcmd, else the Environment's builder
// command, else the builder image's default "/build".
QString buildCommandOf(const QJsonObject &environment, const QJsonObject &package);

} // namespace fd::sim::fission
