// The chart templates the emulator stores in its fission-all releases (ChartTemplates.h), without
// helm: their shape, that every templated input became an expression, and that the release
// record carries them. tests/referee/tst_referee_demochart renders them with real helm.
#include "ReleaseDecoding.h"
#include "TestSupport.h"

#include "sim/fissioninstall/ChartTemplates.h"
#include "sim/fissioninstall/ChartValues.h"
#include "sim/fissioninstall/HelmReleaseRecord.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace fd::sim::fissioninstall;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileData(const QList<ChartTemplateFile> &files, const QString &name)
{
    for (const ChartTemplateFile &file : files) {
        if (file.name == name)
            return file.data;
    }
    return {};
}

} // namespace

class TestFissionInstallTemplates : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void v1_20HasTemplatesForEveryRenderedFile()
    {
        const QList<ChartTemplateFile> files = chartTemplates(FissionFlavor::V1_20);
        QVERIFY(!files.isEmpty());
        // Optional: FD_DUMP_CHART_TEMPLATES=<dir> writes them out for a look.
        if (const QString dump = qEnvironmentVariable("FD_DUMP_CHART_TEMPLATES"); !dump.isEmpty()) {
            for (const ChartTemplateFile &file : files) {
                QDir().mkpath(QFileInfo(dump + QLatin1Char('/') + file.name).absolutePath());
                QFile out(dump + QLatin1Char('/') + file.name);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(file.data);
            }
        }
        QStringList names;
        for (const ChartTemplateFile &file : files) {
            names << file.name;
            QVERIFY2(file.name.startsWith(u"templates/"_s), qPrintable(file.name));
            QVERIFY2(!file.data.contains("fdtpl"), qPrintable(file.name));   // no sentinel left
        }
        QVERIFY(names.contains(u"templates/NOTES.txt"_s));
        // Every file the renderer names (the certificate Secret shares the webhooks' file).
        const auto values = FissionChartValues::fromEffectiveValues(chartDefaultValues(FissionFlavor::V1_20), u"fission"_s,
                                                                    u"fission"_s);
        const RenderedChart rendered = renderFissionChart(FissionFlavor::V1_20, values);
        for (const ChartObject &object : rendered.manifests + rendered.hooks) {
            const QString name = object.source.mid(QStringLiteral("fission-all/").size());
            if (name != "templates/webhook-server/cert.yaml"_L1)
                QVERIFY2(names.contains(name), qPrintable(name));
        }
    }

    void namespaceDependentPartsAreTemplated()
    {
        const QList<ChartTemplateFile> files = chartTemplates(FissionFlavor::V1_20);
        const QByteArray executor = fileData(files, u"templates/executor/deployment.yaml"_s);
        QVERIFY(executor.contains("{{ $watched | join \",\" | quote }}"));
        QVERIFY(executor.contains(".Values.executor.adoptExistingResources"));
        const QByteArray roles = fileData(files, u"templates/executor/role-fission-cr.yaml"_s);
        QVERIFY(roles.contains("{{- range $ns := $watched }}"));
        QVERIFY(roles.contains("namespace: {{ $ns }}"));
        // The router's Kubernetes role: the release namespace plus each additional namespace.
        const QByteArray router = fileData(files, u"templates/router/role-kubernetes.yaml"_s);
        QVERIFY(router.contains("{{ $.Release.Namespace }}"));
        QVERIFY(router.contains(".Values.additionalFissionNamespaces"));
        const QByteArray webhooks = fileData(files, u"templates/webhook-server/webhooks.yaml"_s);
        QVERIFY(webhooks.contains("genCA"));
        QVERIFY(webhooks.contains("fission-webhook-certs"));
    }

    void modernHasNone()
    {
        QVERIFY(chartTemplates(FissionFlavor::Modern).isEmpty());
    }

    void releaseRecordCarriesTheTemplates()
    {
        HelmReleaseRevision revision;
        revision.name = u"fission"_s;
        revision.namespaceName = u"fission"_s;
        revision.chart = chartIdentity(FissionFlavor::V1_20);
        revision.chartValues = chartDefaultValues(FissionFlavor::V1_20);
        revision.chartTemplates = chartTemplates(FissionFlavor::V1_20);
        const auto values = FissionChartValues::fromEffectiveValues(revision.chartValues, u"fission"_s, u"fission"_s);
        revision.rendered = renderFissionChart(FissionFlavor::V1_20, values);
        const QJsonObject release =
            fd::test::decodeReleaseSecretData(releaseSecret(revision, QDateTime::currentDateTimeUtc())
                                                  .value(u"data"_s)[u"release"_s].toString());
        const QJsonArray templates = release.value(u"chart"_s)[u"templates"_s].toArray();
        QCOMPARE(templates.size(), revision.chartTemplates.size());
        const QJsonObject first = templates.first().toObject();
        QCOMPARE(first.value(u"name"_s).toString(), revision.chartTemplates.first().name);
        QCOMPARE(QByteArray::fromBase64(first.value(u"data"_s).toString().toLatin1()), revision.chartTemplates.first().data);
        // The manifest is still the renderer's.
        QCOMPARE(release.value(u"manifest"_s).toString(), manifestText(revision.rendered.manifests));
    }
};

QTEST_GUILESS_MAIN(TestFissionInstallTemplates)
#include "tst_templates.moc"
