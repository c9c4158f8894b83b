// ContextSettingsStore: per-context exec plugin override, namespaces and hidden flag in an ini
// file, keyed by context name (also names with '/' and ':'), validation of namespace names and
// paths, nothing written but those values, and settingsChanged only on a real change.
#include "engine/ContextSettings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using fd::engine::ContextSettings;
using fd::engine::ContextSettingsStore;

class TestContextSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString iniFile() const { return m_dir.filePath(u"settings.ini"_s); }

private Q_SLOTS:
    void init() { QFile::remove(iniFile()); }

    void defaultsForAnUnknownContext()
    {
        ContextSettingsStore store(iniFile());
        QCOMPARE(store.settings(u"nowhere"_s), ContextSettings{});
        QVERIFY(store.execCommandOverrides().isEmpty());
        QVERIFY(store.hiddenContexts().isEmpty());
    }

    void roundTripSurvivesANewStore()
    {
        const QString plugin = m_dir.filePath(u"kubelogin"_s);
        QFile file(plugin);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString awsName = u"arn:aws:eks:eu-west-1:123456789012:cluster/prod"_s;
        {
            ContextSettingsStore store(iniFile());
            QSignalSpy changed(&store, &ContextSettingsStore::settingsChanged);
            ContextSettings s;
            s.execCommandOverride = plugin;
            s.namespaces = {u" team-a "_s, u"team-b"_s, u""_s, u"team-a"_s};
            s.hidden = true;
            const auto saved = store.setSettings(awsName, s);
            QVERIFY2(saved, saved ? "" : qPrintable(saved.error()));
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed.first().first().toString(), awsName);
            QVERIFY(store.setSettings(u"dev"_s, ContextSettings{{}, {u"default"_s}, false}));
            QCOMPARE(changed.size(), 2);
            // The same values again: nothing changes, no signal.
            QVERIFY(store.setSettings(awsName, s));
            QCOMPARE(changed.size(), 2);
        }
        ContextSettingsStore again(iniFile());
        const ContextSettings read = again.settings(awsName);
        QCOMPARE(read.execCommandOverride, plugin);
        QCOMPARE(read.namespaces, (QStringList{u"team-a"_s, u"team-b"_s})); // trimmed, de-duplicated
        QVERIFY(read.hidden);
        QCOMPARE(again.settings(u"dev"_s).namespaces, QStringList{u"default"_s});
        QVERIFY(!again.settings(u"dev"_s).hidden);
        // The '/' of the context name did not make a sub-group for another context.
        QCOMPARE(again.settings(u"arn:aws:eks:eu-west-1:123456789012:cluster"_s), ContextSettings{});
        QCOMPARE(again.execCommandOverrides(), (QHash<QString, QString>{{awsName, plugin}}));
        QCOMPARE(again.hiddenContexts(), QStringList{awsName});
    }

    void hiddenSharesTheViewMenusKey()
    {
        ContextSettingsStore store(iniFile());
        QSignalSpy changed(&store, &ContextSettingsStore::settingsChanged);
        store.setHidden(u"beta"_s, true);
        store.setHidden(u"alpha"_s, true);
        store.setHidden(u"alpha"_s, true); // no change
        QCOMPARE(changed.size(), 2);
        {
            QSettings raw(iniFile(), QSettings::IniFormat);
            QCOMPARE(raw.value(u"clusters/hidden"_s).toStringList(), (QStringList{u"alpha"_s, u"beta"_s}));
        }
        store.setHidden(u"alpha"_s, false);
        store.setHidden(u"beta"_s, false);
        QSettings raw(iniFile(), QSettings::IniFormat);
        QVERIFY(!raw.contains(u"clusters/hidden"_s));
    }

    void backToDefaultsLeavesNothingBehind()
    {
        ContextSettingsStore store(iniFile());
        QVERIFY(store.setSettings(u"dev"_s, ContextSettings{{}, {u"team-a"_s}, false}));
        QVERIFY(store.setSettings(u"dev"_s, ContextSettings{}));
        QSettings raw(iniFile(), QSettings::IniFormat);
        QCOMPARE(raw.allKeys(), QStringList{});
    }

    void onlyTheSettingsAreWritten()
    {
        ContextSettingsStore store(iniFile());
        QVERIFY(store.setSettings(u"prod"_s, ContextSettings{m_dir.path(), {u"team-a"_s}, true}));
        QSettings raw(iniFile(), QSettings::IniFormat);
        QStringList keys = raw.allKeys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"clusters/hidden"_s, u"contexts/prod/execCommand"_s, u"contexts/prod/namespaces"_s}));
    }

    void invalidNamespacesAreRefusedAndNothingIsSaved_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("upper case") << u"Team-A"_s;
        QTest::addRow("underscore") << u"team_a"_s;
        QTest::addRow("leading dash") << u"-team"_s;
        QTest::addRow("trailing dash") << u"team-"_s;
        QTest::addRow("dot") << u"team.a"_s;
        QTest::addRow("64 characters") << QString(64, u'a');
        QTest::addRow("inner space") << u"team a"_s;
    }
    void invalidNamespacesAreRefusedAndNothingIsSaved()
    {
        QFETCH(QString, name);
        ContextSettingsStore store(iniFile());
        QSignalSpy changed(&store, &ContextSettingsStore::settingsChanged);
        const auto saved = store.setSettings(u"dev"_s, ContextSettings{{}, {u"ok"_s, name}, false});
        QVERIFY(!saved);
        QVERIFY2(saved.error().contains(name), qPrintable(saved.error()));
        QVERIFY(ContextSettingsStore::namespaceProblem(name).has_value());
        QCOMPARE(store.settings(u"dev"_s), ContextSettings{});
        QCOMPARE(changed.size(), 0);
    }

    void validNamespaceNames()
    {
        for (const QString &name : {u"a"_s, u"team-a"_s, u"0"_s, u"a1-b2"_s, QString(63, u'z')})
            QVERIFY2(!ContextSettingsStore::namespaceProblem(name), qPrintable(name));
    }

    void execOverrideMustBeAnExistingAbsolutePath()
    {
        ContextSettingsStore store(iniFile());
        auto relative = store.setSettings(u"dev"_s, ContextSettings{u"bin/kubelogin"_s, {}, false});
        QVERIFY(!relative);
        QVERIFY2(relative.error().contains(u"bin/kubelogin"_s), qPrintable(relative.error()));
        const QString missing = m_dir.filePath(u"no-such-plugin"_s);
        auto absent = store.setSettings(u"dev"_s, ContextSettings{missing, {}, false});
        QVERIFY(!absent);
        QVERIFY2(absent.error().contains(missing), qPrintable(absent.error()));
        QCOMPARE(store.settings(u"dev"_s), ContextSettings{});
        // A directory holding the command is fine (the resolver looks for the command in it).
        QVERIFY(store.setSettings(u"dev"_s, ContextSettings{m_dir.path() + u"/"_s, {}, false}));
        QCOMPARE(store.settings(u"dev"_s).execCommandOverride, m_dir.path());
    }
};

QTEST_GUILESS_MAIN(TestContextSettings)
#include "tst_contextsettings.moc"
