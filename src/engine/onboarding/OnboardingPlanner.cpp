#include "engine/onboarding/OnboardingPlanner.h"

#include "engine/onboarding/ImpactAnalysis.h"
#include "engine/onboarding/KubeCalls.h"
#include "engine/onboarding/OnboardingTr.h"
#include "helm/ChartWriter.h"
#include "helm/HelmCommands.h"
#include "helm/Values.h"
#include "helm/ValuesDocument.h"
#include "kube/config/YamlTree.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine::onboarding {

namespace {

QJsonObject readYamlObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const fd::kube::YamlDocument document = fd::kube::parseYaml(file.readAll());
    if (document.error || !document.root)
        return {};
    const auto json = fd::kube::yamlToJson(document.root, 64, 1'000'000);
    return json && json->isObject() ? json->toObject() : QJsonObject();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

QJsonObject chartDirectoryDefaults(const QString &chartDirectory)
{
    return readYamlObject(chartDirectory + u"/values.yaml"_s);
}

bool effectiveAdoptExistingResources(const QJsonObject &chartDefaults, const QJsonObject &userValues)
{
    const QJsonObject effective = fd::helm::coalesceValues(chartDefaults, userValues);
    return effective.value(u"executor"_s).toObject().value(u"adoptExistingResources"_s).toBool(false);
}

fd::Expected<QString, QString> materializeChart(const Plan &plan, const QString &directory)
{
    if (plan.chartSource == ChartSource::UserChart)
        return plan.chartReference;
    const auto written = fd::helm::writeChart(plan.storedChart, directory);
    if (!written)
        return fd::Unexpected(written.error().message);
    return written->directory;
}

OnboardingPlanner::OnboardingPlanner(fd::kube::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{
}

OnboardingPlanner::~OnboardingPlanner() = default;

std::optional<PlanError> OnboardingPlanner::validateNames(const QStringList &add, const QStringList &remove)
{
    if (add.isEmpty() && remove.isEmpty())
        return PlanError{PlanError::Kind::InvalidInput, OnboardingText::tr("no namespace given")};
    for (const QString &name : add + remove) {
        const QString problem = fd::helm::dns1123LabelProblem(name);
        if (!problem.isEmpty())
            return PlanError{PlanError::Kind::InvalidInput,
                             OnboardingText::tr("\"%1\" is not a valid namespace name: %2").arg(name, problem)};
    }
    for (const QString &name : add) {
        if (remove.contains(name))
            return PlanError{PlanError::Kind::InvalidInput,
                             OnboardingText::tr("namespace %1 is both added and removed").arg(name)};
    }
    return std::nullopt;
}

void OnboardingPlanner::fail(PlanError error)
{
    if (m_result)
        return;
    m_result = fd::Unexpected(std::move(error));
    Q_EMIT finished();
}

void OnboardingPlanner::start(const PlanRequest &request)
{
    m_request = request;
    m_result.reset();
    m_plan = Plan{};
    if (request.valuesTextIsTarget && !request.valuesText) {
        fail({PlanError::Kind::InvalidInput, OnboardingText::tr("no edited values given")});
        return;
    }
    if (auto problem = request.valuesTextIsTarget ? std::nullopt : validateNames(request.add, request.remove)) {
        fail(*problem);
        return;
    }
    const fd::fission::FissionInstall *install = request.report.primary();
    if (!install) {
        fail({PlanError::Kind::NotHelmWorld, OnboardingText::tr("no Fission control plane was found in this cluster")});
        return;
    }
    if (!fd::fission::isHelmOnboarding(install->world)) {
        fail({PlanError::Kind::NotHelmWorld,
              OnboardingText::tr("this Fission install onboards namespaces with FissionTenants (tenancy %1), not with Helm values")
                  .arg(fd::fission::tenancyWorldId(install->world))});
        return;
    }
    const fd::helm::Release &release = request.release;
    if (release.name.isEmpty()) {
        fail({PlanError::Kind::NotHelmWorld, OnboardingText::tr("the Helm release of the Fission install was not found")});
        return;
    }

    m_plan.kubeContext = request.helm.kubeContext;
    m_plan.releaseName = release.name;
    m_plan.releaseNamespace = release.namespaceName;
    m_plan.baseRevision = release.version;
    m_plan.latestRevision = request.latestRevision > 0 ? request.latestRevision : release.version;
    m_plan.chartName = release.chart.metadata.name;
    m_plan.chartVersion = release.chart.metadata.version;

    // The chart and its defaults.
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        fail({PlanError::Kind::Chart, OnboardingText::tr("cannot create a temporary directory: %1").arg(m_dir->errorString())});
        return;
    }
    if (request.chartReference.isEmpty()) {
        m_plan.chartSource = ChartSource::StoredInRelease;
        m_plan.storedChart = release.chart;
        const auto written = fd::helm::writeChart(release.chart, m_dir->filePath(u"chart"_s));
        if (!written) {
            fail({PlanError::Kind::Chart,
                  OnboardingText::tr("the chart cannot be rebuilt from release %1: %2")
                      .arg(release.name, written.error().message)});
            return;
        }
        m_chartPath = written->directory;
        m_chartDefaults = release.chart.values;
    } else {
        m_plan.chartSource = ChartSource::UserChart;
        m_plan.chartReference = request.chartReference;
        m_chartPath = request.chartReference;
        const QFileInfo info(request.chartReference);
        if (info.isDir()) {
            m_chartDefaults = chartDirectoryDefaults(request.chartReference);
            const QJsonObject chartYaml = readYamlObject(request.chartReference + u"/Chart.yaml"_s);
            const QString name = chartYaml.value(u"name"_s).toString();
            const QString version = chartYaml.value(u"version"_s).toString();
            if (name != release.chart.metadata.name || version != release.chart.metadata.version)
                m_plan.warnings.append(OnboardingText::tr("the chart %1-%2 is not the deployed chart %3-%4: the upgrade changes more than the namespaces")
                                           .arg(name, version, release.chart.metadata.name, release.chart.metadata.version));
            else
                m_plan.warnings.append(OnboardingText::tr("the chart comes from %1, not from the release; it has the deployed chart's name and version")
                                           .arg(request.chartReference));
        } else {
            m_chartDefaults = release.chart.values;
            m_plan.warnings.append(OnboardingText::tr("the chart %1 is not the one stored in the release; its templates may differ")
                                       .arg(request.chartReference));
        }
    }

    // The values: edit the namespace list in the text.
    fd::helm::ValuesDocument document = request.valuesText && !request.valuesTextIsTarget
                                            ? fd::helm::ValuesDocument(*request.valuesText)
                                            : fd::helm::ValuesDocument::fromValues(release.config);
    m_plan.valuesBefore = document.text();
    const auto userValues = document.values();
    if (!userValues) {
        fail({PlanError::Kind::Values, userValues.error().message});
        return;
    }
    const QJsonObject effective = fd::helm::coalesceValues(m_chartDefaults, *userValues);
    m_plan.defaultNamespace = effective.value(u"defaultNamespace"_s).toString(u"default"_s);
    m_plan.namespacesBefore = document.additionalNamespaces().value_or(jsonStrings(effective.value(u"additionalFissionNamespaces"_s)));

    if (request.valuesTextIsTarget) {
        // The editor's text is the new values: only read what its list changes.
        document = fd::helm::ValuesDocument(*request.valuesText);
        const auto target = document.values();
        if (!target) {
            fail({PlanError::Kind::Values, target.error().message});
            return;
        }
        const QJsonObject targetEffective = fd::helm::coalesceValues(m_chartDefaults, *target);
        m_plan.defaultNamespace = targetEffective.value(u"defaultNamespace"_s).toString(u"default"_s);
        m_plan.namespacesAfter =
            document.additionalNamespaces().value_or(jsonStrings(targetEffective.value(u"additionalFissionNamespaces"_s)));
        for (const QString &name : std::as_const(m_plan.namespacesAfter)) {
            if (!m_plan.namespacesBefore.contains(name))
                m_plan.added.append(name);
        }
        for (const QString &name : std::as_const(m_plan.namespacesBefore)) {
            if (!m_plan.namespacesAfter.contains(name))
                m_plan.removed.append(name);
        }
        if (m_plan.added.contains(m_plan.releaseNamespace)) {
            fail({PlanError::Kind::InvalidInput,
                  OnboardingText::tr("%1 is the release namespace of Fission; it cannot be a tenant").arg(m_plan.releaseNamespace)});
            return;
        }
        if (m_plan.isNoop()) {
            m_plan.impact.valuesText = document.text();
            m_plan.impact.adoptExistingResources = effectiveAdoptExistingResources(m_chartDefaults, *target);
            complete();
            return;
        }
        prepareRender(document);
        return;
    }

    QStringList after = m_plan.namespacesBefore;
    for (const QString &name : request.remove) {
        if (name == m_plan.defaultNamespace) {
            fail({PlanError::Kind::InvalidInput,
                  OnboardingText::tr("%1 is the default namespace (defaultNamespace); it cannot be removed from the list").arg(name)});
            return;
        }
        if (after.removeAll(name) > 0)
            m_plan.removed.append(name);
        else
            m_plan.warnings.append(OnboardingText::tr("%1 is not in additionalFissionNamespaces; nothing to remove").arg(name));
    }
    for (const QString &name : request.add) {
        if (name == m_plan.defaultNamespace || after.contains(name)) {
            m_plan.warnings.append(OnboardingText::tr("%1 is already watched").arg(name));
            continue;
        }
        if (name == m_plan.releaseNamespace) {
            fail({PlanError::Kind::InvalidInput,
                  OnboardingText::tr("%1 is the release namespace of Fission; it cannot be a tenant").arg(name)});
            return;
        }
        after.append(name);
        m_plan.added.append(name);
    }
    m_plan.namespacesAfter = after;
    if (m_plan.isNoop()) {
        m_plan.impact.valuesText = document.text();
        m_plan.impact.adoptExistingResources = effectiveAdoptExistingResources(m_chartDefaults, *userValues);
        complete();
        return;
    }
    const auto edit = document.setAdditionalNamespaces(after);
    if (!edit) {
        fail({PlanError::Kind::Values, edit.error()});
        return;
    }
    prepareRender(document);
}

void OnboardingPlanner::prepareRender(fd::helm::ValuesDocument document)
{
    fd::helm::ValuesValidationContext context;
    context.chartDefaultNamespace = m_chartDefaults.value(u"defaultNamespace"_s).toString(u"default"_s);
    for (const fd::helm::ValuesIssue &issue : document.validate(context)) {
        if (issue.severity == fd::helm::ValuesIssue::Severity::Error) {
            fail({PlanError::Kind::Values,
                  issue.line > 0 ? OnboardingText::tr("values line %1: %2").arg(issue.line).arg(issue.message) : issue.message});
            return;
        }
        m_plan.warnings.append(issue.message);
    }
    m_newValuesText = document.text();
    m_effectiveAdopt = effectiveAdoptExistingResources(m_chartDefaults, document.values().value());

    // The alternative: keep function pods, when the chart knows the key and it is off.
    const bool chartKnowsAdopt = m_chartDefaults.value(u"executor"_s).toObject().contains(u"adoptExistingResources"_s);
    if (chartKnowsAdopt && !m_effectiveAdopt) {
        fd::helm::ValuesDocument adopt = document;
        if (adopt.setAdoptExistingResources(true))
            m_adoptValuesText = adopt.text();
    }

    m_runner = new fd::helm::HelmRunner(m_request.helm, this);
    renderVariants();
}

void OnboardingPlanner::render(const QString &valuesText,
                               std::function<void(const fd::Expected<QList<ManifestObject>, PlanError> &)> next)
{
    const QString valuesFile = m_dir->filePath(u"values-%1.yaml"_s.arg(++m_renderCount));
    if (!writeFile(valuesFile, valuesText.toUtf8())) {
        next(fd::Unexpected(PlanError{PlanError::Kind::Chart, OnboardingText::tr("cannot write %1").arg(valuesFile)}));
        return;
    }
    fd::helm::TemplateRequest request;
    request.release = m_plan.releaseName;
    request.namespaceName = m_plan.releaseNamespace;
    request.chart = m_chartPath;
    request.valuesFiles = {valuesFile};
    Q_EMIT progress(OnboardingText::tr("Rendering the chart with helm template"));
    fd::helm::HelmJob *job = m_runner->start(fd::helm::commands::templateChart(request));
    const QString releaseNamespace = m_plan.releaseNamespace;
    const auto handle = [job, releaseNamespace, next] {
        const fd::helm::HelmResult result = job->result();
        job->deleteLater();
        if (!result) {
            next(fd::Unexpected(PlanError{PlanError::Kind::Helm, result.error().message}));
            return;
        }
        auto objects = parseManifest(result->standardOutput, releaseNamespace);
        if (!objects) {
            next(fd::Unexpected(PlanError{PlanError::Kind::Helm, objects.error()}));
            return;
        }
        next(*objects);
    };
    if (job->isFinished())
        handle();
    else
        connect(job, &fd::helm::HelmJob::finished, this, handle);
}

void OnboardingPlanner::renderVariants()
{
    render(m_newValuesText, [this](const fd::Expected<QList<ManifestObject>, PlanError> &rendered) {
        if (!rendered) {
            fail(rendered.error());
            return;
        }
        m_rendered = *rendered;
        if (m_adoptValuesText.isEmpty()) {
            readCluster();
            return;
        }
        render(m_adoptValuesText, [this](const fd::Expected<QList<ManifestObject>, PlanError> &adopt) {
            if (adopt)
                m_renderedAdopt = *adopt;
            else
                m_plan.warnings.append(OnboardingText::tr("the variant with adoptExistingResources could not be rendered: %1")
                                           .arg(adopt.error().message));
            readCluster();
        });
    });
}

void OnboardingPlanner::readCluster()
{
    Q_EMIT progress(OnboardingText::tr("Reading the live control plane"));
    const QString ns = m_plan.releaseNamespace;
    const auto clusterError = [this](const fd::kube::KubeError &error) {
        fail({PlanError::Kind::Cluster, OnboardingText::tr("reading the cluster failed: %1").arg(error.message)});
    };
    listObjects(m_rest, this, resourcePath(u"apps"_s, u"v1"_s, u"deployments"_s, ns), {}, [this, ns, clusterError](const ObjectsResult &deployments) {
        if (!deployments)
            return clusterError(deployments.error());
        m_liveWorkloads = *deployments;
        listObjects(m_rest, this, resourcePath(u"apps"_s, u"v1"_s, u"daemonsets"_s, ns), {}, [this, clusterError](const ObjectsResult &daemonSets) {
            if (!daemonSets)
                return clusterError(daemonSets.error());
            m_liveWorkloads += *daemonSets;
            QUrlQuery podQuery;
            podQuery.addQueryItem(u"labelSelector"_s, u"executorType"_s);
            listObjects(m_rest, this, resourcePath({}, u"v1"_s, u"pods"_s), podQuery, [this, clusterError](const ObjectsResult &pods) {
                if (!pods)
                    return clusterError(pods.error());
                m_functionPods = int(std::count_if(pods->cbegin(), pods->cend(),
                                                   [](const fd::kube::KubeObject &pod) { return !pod.hasDeletionTimestamp(); }));
                listObjects(m_rest, this, resourcePath({}, u"v1"_s, u"namespaces"_s), {}, [this, clusterError](const ObjectsResult &namespaces) {
                    if (!namespaces)
                        return clusterError(namespaces.error());
                    QSet<QString> existing;
                    for (const auto &object : *namespaces)
                        existing.insert(object.name());
                    for (const QString &name : m_plan.namespacesAfter) {
                        if (!existing.contains(name))
                            m_plan.missingNamespaces.append(name);
                    }
                    complete();
                });
            });
        });
    });
}

void OnboardingPlanner::complete()
{
    if (m_result)
        return;
    if (!m_plan.isNoop()) {
        auto deployed = parseManifest(m_request.release.manifest.toUtf8(), m_plan.releaseNamespace);
        if (!deployed) {
            m_plan.warnings.append(OnboardingText::tr("the deployed manifest could not be read: %1").arg(deployed.error()));
            deployed = QList<ManifestObject>();
        }
        ImpactInputs inputs{m_rendered, *deployed, m_liveWorkloads, m_functionPods, m_effectiveAdopt};
        m_plan.impact = analyzeImpact(inputs);
        m_plan.impact.valuesText = m_newValuesText;
        if (m_renderedAdopt) {
            inputs.rendered = *m_renderedAdopt;
            inputs.adoptExistingResources = true;
            PlanImpact adopt = analyzeImpact(inputs);
            adopt.valuesText = m_adoptValuesText;
            m_plan.adoptAlternative = adopt;
        }
    }
    m_result = m_plan;
    Q_EMIT finished();
}

} // namespace fd::engine::onboarding

#include "moc_OnboardingPlanner.cpp"
