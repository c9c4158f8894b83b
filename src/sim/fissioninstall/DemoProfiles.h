#pragma once

#include "common/Expected.h"

#include <QString>

namespace fd::sim {
class ObjectService;
}

namespace fd::sim::fissioninstall {

// `demo`: Fission 1.20.5 as most admins run it. Release `fission` in namespace `fission`
// with two revisions (installed with the defaults, then upgraded to watch `team-a`), the
// chart's objects, tenants `default` and `team-a` with environments (nodejs, python, go with
// builders), source packages (one whose build fails with a compiler error), poolmgr and
// newdeploy functions, HTTP and time triggers; plus namespace `test` holding an environment,
// a package and a function Fission does not watch: the classic 404 / pending / no-pods case.
Expected<void, QString> installDemo(ObjectService *objects);

// `demo-modern`: Fission main (chart 1.27.0) in dynamic tenancy mode: FissionTenants for
// team-a and team-b, one for a namespace that does not exist (team-ghost), a namespace
// labelled fission.io/enabled=true (team-c) and content in the tenants.
Expected<void, QString> installDemoModern(ObjectService *objects);

} // namespace fd::sim::fissioninstall
