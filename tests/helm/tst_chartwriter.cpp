// ChartWriter: a chart directory rebuilt from a release's stored chart.
#include "HelmTestData.h"
#include "TestSupport.h"

#include "helm/ChartWriter.h"
#include "helm/ReleaseDecoder.h"
#include "kube/config/YamlTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fd::helm;
using namespace fd::helm::test;

Q_DECLARE_METATYPE(fd::helm::ChartWriteError::Kind)

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonValue yamlFileToJson(const QString &path)
{
    const auto document = fd::kube::parseYaml(readFile(path));
    if (document.error)
        return QJsonValue(u"PARSE ERROR"_s);
    const auto json = fd::kube::yamlToJson(document.root);
    return json ? *json : QJsonValue();
}

Release storedRelease()
{
    ReleaseSpec spec;
    spec.chartValues = QJsonObject{{u"defaultNamespace"_s, u"default"_s},
                                   {u"additionalFissionNamespaces"_s, QJsonArray()},
                                   {u"executor"_s, QJsonObject{{u"adoptExistingResources"_s, false}}}};
    auto decoded = ReleaseDecoder::parseJson(compactJson(releaseJson(spec)));
    return decoded.value();
}

// A ReleaseChart read from a chart directory, as Helm would store it (values parsed).
ReleaseChart chartFromDirectory(const QString &root)
{
    ReleaseChart chart;
    chart.metadata.raw = yamlFileToJson(root + u"/Chart.yaml"_s).toObject();
    chart.metadata.name = chart.metadata.raw.value(u"name"_s).toString();
    chart.metadata.version = chart.metadata.raw.value(u"version"_s).toString();
    chart.values = yamlFileToJson(root + u"/values.yaml"_s).toObject();
    chart.schema = readFile(root + u"/values.schema.json"_s);
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(root).relativeFilePath(path);
        if (relative == "Chart.yaml"_L1 || relative == "values.yaml"_L1 || relative == "values.schema.json"_L1)
            continue;
        ChartFile file{relative, readFile(path)};
        if (relative.startsWith("templates/"_L1))
            chart.templates.append(file);
        else
            chart.files.append(file);
    }
    return chart;
}

} // namespace

class TestChartWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesTheStoredChart()
    {
        const Release release = storedRelease();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto written = writeChart(release.chart, dir.filePath(u"chart"_s));
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        const QString root = written->directory;
        for (const char *file : {"Chart.yaml", "values.yaml", "values.schema.json", "templates/_helpers.tpl",
                                 "templates/configmap.yaml", "README.md", "crds/widget.yaml"}) {
            QVERIFY2(QFileInfo::exists(root + u'/' + QString::fromLatin1(file)), file);
            QVERIFY(written->files.contains(QString::fromLatin1(file)));
        }
        QCOMPARE(readFile(root + u"/templates/configmap.yaml"_s), release.chart.templates.at(1).data);
        QCOMPARE(readFile(root + u"/values.schema.json"_s), release.chart.schema);
        QCOMPARE(yamlFileToJson(root + u"/Chart.yaml"_s), QJsonValue(release.chart.metadata.raw));
        QCOMPARE(yamlFileToJson(root + u"/values.yaml"_s), QJsonValue(release.chart.values));
    }

    void refusals_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<ChartWriteError::Kind>("kind");
        QTest::addRow("no templates") << 0 << ChartWriteError::Kind::NoTemplates;
        QTest::addRow("dependencies") << 1 << ChartWriteError::Kind::HasDependencies;
        QTest::addRow("no name") << 2 << ChartWriteError::Kind::MissingMetadata;
        QTest::addRow("parent directory") << 3 << ChartWriteError::Kind::UnsafePath;
    }

    void refusals()
    {
        QFETCH(int, variant);
        QFETCH(ChartWriteError::Kind, kind);
        ReleaseChart chart = storedRelease().chart;
        switch (variant) {
        case 0:
            chart.templates.clear();
            break;
        case 1:
            chart.metadata.dependencies = QJsonArray{QJsonObject{{u"name"_s, u"redis"_s}}};
            break;
        case 2:
            chart.metadata.name.clear();
            break;
        case 3:
            chart.files.append({u"templates/../../escape.txt"_s, "x"});
            break;
        }
        QTemporaryDir dir;
        const auto written = writeChart(chart, dir.filePath(u"chart"_s));
        QVERIFY(!written);
        QCOMPARE(written.error().kind, kind);
        QVERIFY(!written.error().message.isEmpty());
        // Nothing was written.
        QVERIFY(!QFileInfo::exists(dir.filePath(u"chart/Chart.yaml"_s)));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"escape.txt"_s)));
    }

    void safePaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("safe");
        QTest::addRow("template") << u"templates/deployment.yaml"_s << true;
        QTest::addRow("nested file") << u"files/conf/app.ini"_s << true;
        QTest::addRow("dotfile") << u".helmignore"_s << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("absolute") << u"/etc/passwd"_s << false;
        QTest::addRow("parent") << u"../x"_s << false;
        QTest::addRow("inner parent") << u"templates/../../x"_s << false;
        QTest::addRow("dot") << u"./x"_s << false;
        QTest::addRow("double slash") << u"a//b"_s << false;
        QTest::addRow("backslash") << u"templates\\x"_s << false;
        QTest::addRow("drive") << u"C:/x"_s << false;
        QTest::addRow("trailing slash") << u"templates/"_s << false;
    }

    void safePaths()
    {
        QFETCH(QString, path);
        QFETCH(bool, safe);
        QCOMPARE(isSafeChartPath(path), safe);
    }

    void helmRendersTheRebuiltChartLikeTheOriginal()
    {
        const QString tools = qEnvironmentVariable("FD_TOOLS_DIR", fd::test::sourceDir() + u"/build/tools"_s);
        const QString helm = QFileInfo(tools + u"/helm"_s).isExecutable() ? tools + u"/helm"_s : fd::test::findTool(u"helm"_s);
        if (helm.isEmpty())
            FD_SKIP_LOUDLY(u"helm not found (scripts/install-deps.sh fetches it); the rebuilt chart is not rendered"_s);
        const QString original = fd::test::sourceDir() + u"/tests/helm/data/fd-valueschart"_s;
        QTemporaryDir dir;
        const auto written = writeChart(chartFromDirectory(original), dir.filePath(u"rebuilt"_s));
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));

        auto render = [&](const QString &chart) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"HOME"_s, dir.path());
            environment.insert(u"HELM_CACHE_HOME"_s, dir.filePath(u"cache"_s));
            environment.insert(u"HELM_CONFIG_HOME"_s, dir.filePath(u"config"_s));
            environment.insert(u"HELM_DATA_HOME"_s, dir.filePath(u"data"_s));
            process.setProcessEnvironment(environment);
            process.start(helm, {u"template"_s, u"rel"_s, chart, u"--namespace=fission"_s,
                                 u"--set"_s, u"additionalFissionNamespaces={team-a,test}"_s});
            if (!process.waitForFinished(120000))
                return QByteArray("TIMEOUT");
            return process.readAllStandardOutput() + process.readAllStandardError();
        };
        const QByteArray expected = render(original);
        QVERIFY2(expected.contains("FISSION_RESOURCE_NAMESPACES"), expected.constData());
        QVERIFY(expected.contains("default,team-a,test"));
        QCOMPARE(render(written->directory), expected);
    }
};

QTEST_GUILESS_MAIN(TestChartWriter)
#include "tst_chartwriter.moc"
