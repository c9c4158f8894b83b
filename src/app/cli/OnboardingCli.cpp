#include "app/cli/OnboardingCli.h"

#include "engine/onboarding/MaintenanceQueue.h"
#include "engine/onboarding/TenantRun.h"
#include "fission/InstallDetection.h"
#include "helm/ValuesDocument.h"
#include "kube/config/KubeconfigLoader.h"
#include "kube/config/Redaction.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace fd::engine::onboarding;

namespace fd::cli {

OnboardingCliContext::~OnboardingCliContext() = default;

void OnboardingCliContext::error(const QString &message)
{
    m_io.err << "fission-desk-cli " << m_command << ": " << fd::kube::redactSecrets(message) << '\n';
}

std::optional<int> OnboardingCliContext::parse(QCommandLineParser &parser, const OnboardingOptions &options, const QStringList &args)
{
    parser.addPositionalArgument(u"namespace"_s, CliText::tr("Namespaces (DNS-1123 labels)."), u"NS…"_s);
    if (!parser.parse(QStringList{u"fission-desk-cli "_s + m_command} + args)) {
        error(parser.errorText());
        m_io.err << CliText::tr("Run 'fission-desk-cli %1 --help' for usage.").arg(m_command) << '\n';
        return ExitUsage;
    }
    if (parser.isSet(options.help)) {
        m_io.out << parser.helpText();
        return ExitOk;
    }
    const QString output = parser.value(options.output);
    if (output != "table"_L1 && output != "json"_L1) {
        error(CliText::tr("unknown output format \"%1\" (use table or json)").arg(output));
        return ExitUsage;
    }
    m_json = output == "json"_L1;
    m_namespaces = parser.positionalArguments();
    if (m_namespaces.isEmpty()) {
        error(CliText::tr("name at least one namespace"));
        return ExitUsage;
    }
    for (const QString &name : m_namespaces) {
        const QString problem = fd::helm::dns1123LabelProblem(name);
        if (!problem.isEmpty()) {
            error(CliText::tr("\"%1\" is not a valid namespace name: %2").arg(name, problem));
            return ExitUsage;
        }
    }
    m_namespaces.removeDuplicates();
    if (parser.isSet(options.kubeconfig) && parser.value(options.kubeconfig).isEmpty()) {
        error(CliText::tr("--kubeconfig needs a file name"));
        return ExitUsage;
    }
    m_kubeconfigFile = parser.value(options.kubeconfig);
    m_contextOverride = parser.value(options.context);
    m_chart = parser.value(options.chart);
    m_helm.helmPath = parser.value(options.helm);
    return std::nullopt;
}

bool OnboardingCliContext::connect()
{
    fd::kube::LoadOptions load;
    load.explicitFile = m_kubeconfigFile;
    load.contextOverride = m_contextOverride;
    const fd::kube::KubeconfigSet set = fd::kube::KubeconfigLoader::load(load);
    if (!set.hasAnyFile()) {
        error(CliText::tr("no kubeconfig file found"));
        return false;
    }
    const fd::kube::ContextEntry *context = set.current();
    if (!context) {
        error(m_contextOverride.isEmpty() ? CliText::tr("the kubeconfig has no current context; choose one with --context")
                                          : CliText::tr("context \"%1\" is not in the kubeconfig").arg(m_contextOverride));
        return false;
    }
    auto session = fd::kube::KubeSession::fromContext(*context);
    if (!session) {
        error(CliText::tr("context \"%1\" cannot be used: %2").arg(context->name, session.error().message));
        return false;
    }
    m_session = std::move(session.value());
    m_contextName = context->name;
    m_helm.kubeconfigFiles = set.files;
    m_helm.kubeContext = context->name;
    return true;
}

fd::kube::RestClient *OnboardingCliContext::rest() const
{
    return m_session->rest();
}

bool OnboardingCliContext::waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    }
    return true;
}

bool OnboardingCliContext::probe()
{
    ClusterProbe probe(rest());
    probe.start();
    if (!waitFor([&probe] { return probe.isFinished(); }, 10 * 60 * 1000)) {
        error(CliText::tr("reading the cluster timed out"));
        return false;
    }
    if (!probe.result()) {
        error(CliText::tr("reading the cluster failed: %1").arg(probe.result().error().message));
        return false;
    }
    m_facts = probe.result().value();
    const fd::fission::FissionInstall *install = m_facts->install();
    if (!install) {
        error(CliText::tr("no Fission control plane was found in context \"%1\"").arg(m_contextName));
        return false;
    }
    return true;
}

bool OnboardingCliContext::isHelmWorld() const
{
    return fd::fission::isHelmOnboarding(m_facts->install()->world);
}

std::optional<Plan> OnboardingCliContext::planHelm(const QStringList &add, const QStringList &remove)
{
    if (!m_facts->release || !m_facts->release->upgradeBase()) {
        error(CliText::tr("the Helm release of the Fission install in namespace %1 was not found").arg(m_facts->install()->releaseNamespace));
        return std::nullopt;
    }
    PlanRequest request;
    request.helm = m_helm;
    request.report = m_facts->report;
    request.release = *m_facts->release->upgradeBase();
    request.latestRevision = m_facts->release->latest()->version;
    request.add = add;
    request.remove = remove;
    request.chartReference = m_chart;
    OnboardingPlanner planner(rest());
    QObject::connect(&planner, &OnboardingPlanner::progress, &planner, [this](const QString &message) {
        if (!m_json)
            m_io.err << message << "…\n";
        m_io.err.flush();
    });
    planner.start(request);
    if (!waitFor([&planner] { return planner.isFinished(); }, 15 * 60 * 1000)) {
        error(CliText::tr("planning timed out"));
        return std::nullopt;
    }
    if (!planner.result()) {
        error(planner.result().error().message);
        return std::nullopt;
    }
    return planner.result().value();
}

TenantPlan OnboardingCliContext::planTenants(const QStringList &onboard, const QStringList &offboard, bool useLabel) const
{
    TenantPlanInputs inputs;
    inputs.kubeContext = m_contextName;
    inputs.world = fd::fission::tenancyWorldId(m_facts->install()->world);
    inputs.tenants = m_facts->tenants;
    inputs.existingNamespaces = m_facts->namespaces;
    inputs.functionsPerNamespace = m_facts->functionsPerNamespace;
    inputs.enabledLabels = m_facts->enabledLabels;
    inputs.useLabel = useLabel;
    inputs.onboard = onboard;
    inputs.offboard = offboard;
    return fd::engine::onboarding::planTenants(inputs);
}

std::optional<int> OnboardingCliContext::prepareRun(const QCommandLineParser &parser, const QCommandLineOption &yes,
                                                    const QCommandLineOption &atOption, const QString &what)
{
    if (json() && !parser.isSet(yes)) {
        error(CliText::tr("-o json needs --yes (there is no prompt in JSON mode)"));
        return ExitUsage;
    }
    QDateTime at;
    if (parser.isSet(atOption)) {
        if (const auto code = parseAt(parser.value(atOption), parser.isSet(yes), &at))
            return *code;
    }
    if (!connect())
        return ExitProblems;
    if (at.isValid())
        waitUntil(at, what.arg(namespaces().join(u", "_s), contextName()));
    if (!probe())
        return ExitProblems;
    return std::nullopt;
}

std::optional<int> OnboardingCliContext::parseAt(const QString &text, bool yes, QDateTime *at)
{
    if (!yes) {
        error(CliText::tr("--at needs --yes (nobody answers a prompt at that time)"));
        return ExitUsage;
    }
    const auto parsed = parseMaintenanceTime(text);
    if (!parsed) {
        error(CliText::tr("--at: %1").arg(parsed.error()));
        return ExitUsage;
    }
    *at = *parsed;
    return std::nullopt;
}

void OnboardingCliContext::waitUntil(const QDateTime &at, const QString &what)
{
    m_io.err << CliText::tr("Waiting until %1 (%2 local time) to %3…")
                    .arg(at.toString(Qt::ISODate), at.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s), what)
             << '\n';
    m_io.err.flush();
    // The wall clock is looked at often rather than one long timer: it stays right across a
    // suspended machine or a clock change.
    QEventLoop loop;
    QTimer timer;
    timer.setInterval(200);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&loop, &at] {
        if (QDateTime::currentDateTime() >= at)
            loop.quit();
    });
    timer.start();
    if (QDateTime::currentDateTime() < at)
        loop.exec();
    m_io.err << CliText::tr("It is %1: starting.").arg(QDateTime::currentDateTime().toString(u"HH:mm:ss"_s)) << '\n';
    m_io.err.flush();
}

namespace {

QString optionalText(const std::optional<QString> &text)
{
    return text ? (text->isEmpty() ? u"\"\""_s : *text) : CliText::tr("(unset)");
}

void printImpact(QTextStream &out, const PlanImpact &impact)
{
    const QStringList rolling = impact.rollingNames();
    out << CliText::tr("Workloads that restart (%1):").arg(rolling.size()) << '\n';
    for (const WorkloadRoll &roll : impact.rolling) {
        if (roll.created) {
            out << "  + " << roll.kind << '/' << roll.name << "  " << CliText::tr("(created)") << '\n';
            continue;
        }
        if (roll.deleted) {
            out << "  - " << roll.kind << '/' << roll.name << "  " << CliText::tr("(deleted)") << '\n';
            continue;
        }
        out << "  ~ " << roll.kind << '/' << roll.name << '\n';
        for (const EnvChange &change : roll.envChanges)
            out << "      " << change.name << ": " << optionalText(change.before) << " -> " << optionalText(change.after) << '\n';
        for (const QString &other : roll.otherChanges)
            out << "      " << other << '\n';
    }
    if (!impact.rbac.isEmpty()) {
        out << CliText::tr("RBAC changes (%1):").arg(impact.rbac.size()) << '\n';
        for (const RbacChange &change : impact.rbac)
            out << "  " << (change.action == RbacChange::Action::Create ? '+' : '-') << ' ' << change.namespaceName << ": "
                << change.kind << ' ' << change.name << '\n';
    }
    if (!impact.hooks.isEmpty()) {
        out << CliText::tr("Hooks that run:") << '\n';
        for (const HookStep &hook : impact.hooks)
            out << "  " << hook.kind << '/' << hook.name << " (" << hook.events.join(u", "_s) << ")\n";
    }
    out << CliText::tr("Function pods recycled: %1 of %2").arg(impact.functionPodsRecycled).arg(impact.functionPodsTotal) << '\n';
}

} // namespace

void OnboardingCliContext::printPlan(const Plan &plan)
{
    if (m_json) {
        m_io.out << QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented);
        return;
    }
    QTextStream &out = m_io.out;
    out << CliText::tr("Context %1: Fission release %2 in namespace %3, revision %4, chart %5-%6")
               .arg(plan.kubeContext, plan.releaseName, plan.releaseNamespace)
               .arg(plan.baseRevision)
               .arg(plan.chartName, plan.chartVersion)
        << '\n';
    out << CliText::tr("Onboarding needs a Helm upgrade that restarts the control plane.") << '\n';
    out << CliText::tr("additionalFissionNamespaces: [%1] -> [%2]")
               .arg(plan.namespacesBefore.join(u", "_s), plan.namespacesAfter.join(u", "_s))
        << '\n';
    if (plan.isNoop()) {
        out << CliText::tr("Nothing to change.") << '\n';
    } else {
        for (const QString &ns : plan.missingNamespaces)
            out << CliText::tr("Precondition: namespace %1 does not exist; it will be created first.").arg(ns) << '\n';
        printImpact(out, plan.impact);
        if (plan.adoptAlternative) {
            out << '\n' << CliText::tr("Alternative (--adopt): the same with executor.adoptExistingResources: true") << '\n';
            out << CliText::tr("Function pods recycled: %1 of %2")
                       .arg(plan.adoptAlternative->functionPodsRecycled)
                       .arg(plan.adoptAlternative->functionPodsTotal)
                << '\n';
        }
    }
    for (const QString &warning : plan.warnings)
        out << CliText::tr("warning: %1").arg(warning) << '\n';
    out.flush();
}

void OnboardingCliContext::printPlan(const TenantPlan &plan)
{
    if (m_json) {
        m_io.out << QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented);
        return;
    }
    QTextStream &out = m_io.out;
    out << CliText::tr("Context %1: tenancy %2; onboarding creates a FissionTenant, nothing restarts.").arg(plan.kubeContext, plan.world)
        << '\n';
    for (const QString &ns : plan.onboard) {
        QString how;
        switch (plan.methodFor(ns)) {
        case TenantOnboardMethod::CreateTenant:
            how = CliText::tr("FissionTenant %1 (namespace %2)").arg(plan.tenantNames.value(ns), ns);
            break;
        case TenantOnboardMethod::LabelNamespace:
            how = CliText::tr("label namespace %1 fission.io/enabled=true (the controller creates FissionTenant %2)").arg(ns, plan.tenantNames.value(ns));
            break;
        case TenantOnboardMethod::RemoveOptOutLabel:
            how = CliText::tr("remove the opt-out label fission.io/enabled=false from namespace %1").arg(ns);
            break;
        }
        out << "  + " << how << (plan.missingNamespaces.contains(ns) ? u" "_s + CliText::tr("(the namespace is created first)") : QString())
            << '\n';
    }
    for (const QString &ns : plan.offboard)
        out << "  - " << CliText::tr("FissionTenant %1 (namespace %2)").arg(plan.tenantNames.value(ns), ns) << '\n';
    for (const QString &note : plan.notes)
        out << CliText::tr("note: %1").arg(note) << '\n';
    for (const QString &warning : plan.warnings)
        out << CliText::tr("warning: %1").arg(warning) << '\n';
    out.flush();
}

bool OnboardingCliContext::confirm(const QString &question)
{
    m_io.err << question << " [y/N] ";
    m_io.err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == "y"_L1 || answer == "yes"_L1;
}

bool OnboardingCliContext::confirmTyped(const QString &question, const QString &expected)
{
    m_io.err << question << ' ';
    m_io.err.flush();
    QTextStream in(stdin);
    return in.readLine().trimmed() == expected;
}

bool OnboardingCliContext::follow(StepRunner &run, const std::function<void()> &start)
{
    QObject::connect(&run, &StepRunner::stepChanged, &run, [this, &run](int index, StepState state, const QString &message) {
        const RunStep &step = run.steps().at(index);
        m_io.err << '[' << stepStateId(state) << "] " << step.title;
        if (!message.isEmpty())
            m_io.err << ": " << fd::kube::redactSecrets(message);
        m_io.err << '\n';
        m_io.err.flush();
    });
    start();
    waitFor([&run] { return run.isFinished(); }, 60 * 60 * 1000);
    return run.isFinished() && run.succeeded();
}

} // namespace fd::cli

namespace fd::cli {

void OnboardingCliContext::printResult(const QJsonObject &plan, const StepRunner &run)
{
    if (!m_json)
        return;
    QJsonArray steps;
    for (const RunStep &step : run.steps())
        steps.append(QJsonObject{{u"id"_s, step.id}, {u"title"_s, step.title}, {u"state"_s, stepStateId(step.state)},
                                 {u"message"_s, fd::kube::redactSecrets(step.message)}});
    m_io.out << QJsonDocument(QJsonObject{{u"kind"_s, u"OnboardingRun"_s},
                                          {u"version"_s, 1},
                                          {u"plan"_s, plan},
                                          {u"succeeded"_s, run.succeeded()},
                                          {u"steps"_s, steps}})
                    .toJson(QJsonDocument::Indented);
}

int OnboardingCliContext::runHelm(const Plan &plan, const RunOptions &options, bool yes)
{
    if (!m_json)
        printPlan(plan);
    if (plan.isNoop()) {
        if (m_json)
            printPlan(plan);
        return ExitOk;
    }
    if (options.useAdoptAlternative && !plan.adoptAlternative) {
        error(CliText::tr("--adopt: the chart has no executor.adoptExistingResources, or the values already set it"));
        return ExitProblems;
    }
    if (!yes && !confirm(CliText::tr("Upgrade release %1 now? The control plane restarts.").arg(plan.releaseName))) {
        m_io.err << CliText::tr("Nothing was changed.") << '\n';
        return ExitProblems;
    }
    if (options.deleteRemovedNamespaces && !yes
        && !confirmTyped(CliText::tr("Namespaces %1 and everything in them will be deleted. Type their names (separated by spaces) to confirm:")
                             .arg(plan.removed.join(u", "_s)),
                         plan.removed.join(u' '))) {
        m_io.err << CliText::tr("Nothing was changed.") << '\n';
        return ExitProblems;
    }
    OnboardingRun run(rest(), m_helm, plan, options);
    const bool ok = follow(run, [&run] { run.start(); });
    if (!ok && run.canRollback()) {
        const QString hint = CliText::tr("The release is left at revision %1 (%2). Roll back to revision %3?")
                                 .arg(run.failedRevision())
                                 .arg(run.failedStatus())
                                 .arg(plan.baseRevision);
        if (!yes && confirm(hint)) {
            run.rollback();
            bool finished = false;
            QObject::connect(&run, &OnboardingRun::rollbackFinished, &run, [&finished] { finished = true; });
            waitFor([&finished] { return finished; }, 60 * 60 * 1000);
        } else if (yes) {
            m_io.err << CliText::tr("To roll back: helm rollback %1 %2 -n %3").arg(plan.releaseName).arg(plan.baseRevision).arg(plan.releaseNamespace)
                     << '\n';
        }
    }
    printResult(plan.toJson(), run);
    if (!ok)
        error(run.failureMessage());
    return ok ? ExitOk : ExitProblems;
}

int OnboardingCliContext::runTenants(const TenantPlan &plan, const TenantRunOptions &options, bool yes)
{
    if (!m_json)
        printPlan(plan);
    if (plan.onboard.isEmpty() && plan.offboard.isEmpty()) {
        if (m_json)
            printPlan(plan);
        return plan.notOnboarded.isEmpty() ? ExitOk : ExitProblems;
    }
    if (!yes && !confirm(CliText::tr("Apply these changes?"))) {
        m_io.err << CliText::tr("Nothing was changed.") << '\n';
        return ExitProblems;
    }
    if (options.deleteNamespaces && !yes
        && !confirmTyped(CliText::tr("Namespaces %1 and everything in them will be deleted. Type their names (separated by spaces) to confirm:")
                             .arg(plan.offboard.join(u", "_s)),
                         plan.offboard.join(u' '))) {
        m_io.err << CliText::tr("Nothing was changed.") << '\n';
        return ExitProblems;
    }
    TenantRun run(rest(), plan, options);
    const bool ok = follow(run, [&run] { run.start(); });
    printResult(plan.toJson(), run);
    if (!ok)
        error(run.failureMessage());
    return ok ? ExitOk : ExitProblems;
}

} // namespace fd::cli
