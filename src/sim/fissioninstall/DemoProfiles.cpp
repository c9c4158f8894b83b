#include "sim/fissioninstall/DemoProfiles.h"

#include "sim/api/ObjectService.h"
#include "sim/fissioninstall/FissionContent.h"
#include "sim/fissioninstall/FissionInstaller.h"

#include <QJsonArray>

namespace fd::sim::fissioninstall {

using namespace Qt::StringLiterals;

namespace {

// What tenants write: the fission CLI's field manager.
const QString kCliManager = u"fission"_s;

struct FunctionPlan {
    QString name;
    QString language;
    QString environment;
    FunctionShape shape;
    bool failingBuild = false;
    QString route;               // HTTPTrigger relativeurl; empty: none
    QStringList methods{u"GET"_s};
    QString cron;                // TimeTrigger schedule; empty: none
};

class ContentWriter {
public:
    ContentWriter(FissionInstaller &installer, ObjectService *objects) : m_installer(installer), m_objects(objects) {}

    Expected<void, QString> environment(const QString &ns, const QString &name, const QString &language, int poolSize = 3)
    {
        return done(m_installer.create(environmentObject(name, ns, runtimeImages(language), poolSize), kCliManager));
    }

    Expected<void, QString> function(const QString &ns, const FunctionPlan &plan, PackageWriter writer = PackageWriter::Cli)
    {
        const QString packageName = plan.name + u"-pkg"_s;
        const RuntimeImages images = runtimeImages(plan.language);
        // A failing package's archive carries `fd-sim: build fails`, the simulator's convention.
        const QJsonObject package =
            images.builder.isEmpty()
                ? deployPackageObject(packageName, ns, plan.environment, demoSource(plan.language, plan.name), writer, m_objects->now())
                : sourcePackageObject(packageName, ns, plan.environment, demoSource(plan.language, plan.name, plan.failingBuild),
                                      QString(), writer, m_objects->now());
        auto created = m_installer.create(package, writer == PackageWriter::Cli ? kCliManager : u"kubectl-client-side-apply"_s);
        if (!created)
            return Unexpected(created.error());
        const QString packageVersion = created->value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
        auto fn = m_installer.create(functionObject(plan.name, ns, plan.environment, packageName, packageVersion, plan.shape),
                                     writer == PackageWriter::Cli ? kCliManager : u"kubectl-client-side-apply"_s);
        if (!fn)
            return Unexpected(fn.error());
        if (!plan.route.isEmpty()) {
            if (auto trigger = done(m_installer.create(httpTriggerObject(plan.name, ns, plan.name, plan.route, plan.methods),
                                                       kCliManager));
                !trigger)
                return trigger;
        }
        if (!plan.cron.isEmpty())
            return done(m_installer.create(timeTriggerObject(plan.name + u"-schedule"_s, ns, plan.name, plan.cron), kCliManager));
        return {};
    }

private:
    static Expected<void, QString> done(const Expected<QJsonObject, QString> &result)
    {
        if (!result)
            return Unexpected(result.error());
        return {};
    }

    FissionInstaller &m_installer;
    ObjectService *m_objects;
};

FunctionShape poolmgr(const QString &entryPoint = {})
{
    FunctionShape shape;
    shape.entryPoint = entryPoint;
    return shape;
}

FunctionShape newdeploy(int minScale, int maxScale, const QString &entryPoint = {})
{
    FunctionShape shape;
    shape.executor = u"newdeploy"_s;
    shape.minScale = minScale;
    shape.maxScale = maxScale;
    shape.entryPoint = entryPoint;
    return shape;
}

// Each installation step returns early with its error, as `?` would.
#define FD_SIM_TRY(expression)                \
    do {                                      \
        if (auto step = (expression); !step)  \
            return step;                      \
    } while (false)

} // namespace

Expected<void, QString> installDemo(ObjectService *objects)
{
    FissionInstaller installer(objects);
    FD_SIM_TRY(installer.installCrds(FissionFlavor::V1_20));
    FD_SIM_TRY(installer.ensureNamespace(u"team-a"_s));
    FD_SIM_TRY(installer.ensureNamespace(u"test"_s));

    FissionReleasePlan release;
    release.flavor = FissionFlavor::V1_20;
    // Installed with the defaults two days ago, upgraded yesterday to also watch team-a.
    release.installedAt = objects->now().addDays(-2);
    release.revisionSpacingSecs = 24 * 3600;
    release.revisions = {QJsonObject(), QJsonObject{{u"additionalFissionNamespaces"_s, QJsonArray{u"team-a"_s}}}};
    FD_SIM_TRY(installer.installRelease(release));

    ContentWriter content(installer, objects);
    // default: a web team's functions.
    FD_SIM_TRY(content.environment(u"default"_s, u"nodejs"_s, u"nodejs"_s));
    FD_SIM_TRY(content.environment(u"default"_s, u"python"_s, u"python"_s));
    FD_SIM_TRY(content.function(u"default"_s, {u"hello"_s, u"nodejs"_s, u"nodejs"_s, poolmgr(), false, u"/hello"_s, {u"GET"_s}, {}}));
    FD_SIM_TRY(content.function(u"default"_s, {u"thumbnail"_s, u"python"_s, u"python"_s, newdeploy(1, 3, u"main.main"_s), false,
                                           u"/thumbnail"_s, {u"POST"_s}, {}}));
    FD_SIM_TRY(content.function(u"default"_s, {u"nightly-report"_s, u"python"_s, u"python"_s, poolmgr(u"main.main"_s), false, {}, {},
                                           u"@every 5m"_s}));
    // team-a: Go services, one of which does not compile.
    FD_SIM_TRY(content.environment(u"team-a"_s, u"go"_s, u"go"_s, 2));
    FD_SIM_TRY(content.environment(u"team-a"_s, u"nodejs"_s, u"nodejs"_s));
    FD_SIM_TRY(content.function(u"team-a"_s, {u"orders"_s, u"go"_s, u"go"_s, newdeploy(1, 5, u"Handler"_s), false, u"/team-a/orders"_s,
                                          {u"GET"_s, u"POST"_s}, {}}));
    FD_SIM_TRY(content.function(u"team-a"_s, {u"inventory"_s, u"go"_s, u"go"_s, poolmgr(u"Handler"_s), true, u"/team-a/inventory"_s,
                                          {u"GET"_s}, {}}));
    FD_SIM_TRY(content.function(u"team-a"_s, {u"notify"_s, u"nodejs"_s, u"nodejs"_s, poolmgr(), false, u"/team-a/notify"_s,
                                          {u"POST"_s}, {}}));
    // test: created with kubectl in a namespace Fission does not watch (the classic case).
    FD_SIM_TRY(content.environment(u"test"_s, u"nodejs"_s, u"nodejs"_s));
    FD_SIM_TRY(content.function(u"test"_s, {u"hello"_s, u"nodejs"_s, u"nodejs"_s, poolmgr(), false, {}, {}, {}}, PackageWriter::Kubectl));
    return {};
}

Expected<void, QString> installDemoModern(ObjectService *objects)
{
    FissionInstaller installer(objects);
    FD_SIM_TRY(installer.installCrds(FissionFlavor::Modern));
    for (const QString &ns : {u"team-a"_s, u"team-b"_s})
        FD_SIM_TRY(installer.ensureNamespace(ns));

    FissionReleasePlan release;
    release.flavor = FissionFlavor::Modern;
    release.installedAt = objects->now().addDays(-1);
    release.revisions = {QJsonObject{{u"tenancy"_s, QJsonObject{{u"mode"_s, u"dynamic"_s}}}}};
    FD_SIM_TRY(installer.installRelease(release));

    // The seed hook's tenant for the env-seeded namespace, then the admins' own tenants
    // (one for a namespace nobody created yet) and a namespace onboarded by label.
    if (auto seeded = installer.create(fissionTenantObject(u"default"_s, u"default"_s, u"helm"_s), u"fission-tenant-seed"_s);
        !seeded)
        return Unexpected(seeded.error());
    for (const QString &tenant : {u"team-a"_s, u"team-b"_s, u"team-ghost"_s}) {
        auto created = installer.create(fissionTenantObject(tenant, tenant), u"fission"_s);
        if (!created)
            return Unexpected(created.error());
    }
    FD_SIM_TRY(installer.ensureNamespace(u"team-c"_s, QJsonObject{{u"fission.io/enabled"_s, u"true"_s}}));

    ContentWriter content(installer, objects);
    FD_SIM_TRY(content.environment(u"default"_s, u"nodejs"_s, u"nodejs"_s));
    FD_SIM_TRY(content.function(u"default"_s, {u"hello"_s, u"nodejs"_s, u"nodejs"_s, poolmgr(), false, u"/hello"_s, {u"GET"_s}, {}}));
    FD_SIM_TRY(content.environment(u"team-a"_s, u"python"_s, u"python"_s));
    FD_SIM_TRY(content.function(u"team-a"_s, {u"forecast"_s, u"python"_s, u"python"_s, newdeploy(1, 4, u"main.main"_s), false,
                                          u"/team-a/forecast"_s, {u"GET"_s}, {}}));
    FD_SIM_TRY(content.function(u"team-a"_s, {u"cleanup"_s, u"python"_s, u"python"_s, poolmgr(u"main.main"_s), false, {}, {},
                                          u"@every 10m"_s}));
    FD_SIM_TRY(content.environment(u"team-b"_s, u"go"_s, u"go"_s, 2));
    FD_SIM_TRY(content.function(u"team-b"_s, {u"payments"_s, u"go"_s, u"go"_s, poolmgr(u"Handler"_s), false, u"/team-b/payments"_s,
                                          {u"POST"_s}, {}}));
    FD_SIM_TRY(content.function(u"team-b"_s, {u"ledger"_s, u"go"_s, u"go"_s, poolmgr(u"Handler"_s), true, u"/team-b/ledger"_s,
                                          {u"GET"_s}, {}}));
    FD_SIM_TRY(content.environment(u"team-c"_s, u"nodejs"_s, u"nodejs"_s));
    FD_SIM_TRY(content.function(u"team-c"_s, {u"greeter"_s, u"nodejs"_s, u"nodejs"_s, poolmgr(), false, u"/team-c/greeter"_s,
                                          {u"GET"_s}, {}}));
    return {};
}

#undef FD_SIM_TRY

} // namespace fd::sim::fissioninstall
