#include "app/i18n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    QString translation;
    bool finished = true;
    bool plural = false;
};

QString messageKey(const Message &message)
{
    return message.context + QChar(u'\x1f') + message.source + QChar(u'\x1f') + message.comment;
}

// Reads a Qt Linguist .ts file: context/message/source/comment/translation.
QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "context"_L1) {
                context.clear();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                current = Message{};
                current.context = context;
                current.plural = xml.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (name == "source"_L1) {
                current.source = xml.readElementText();
            } else if (name == "comment"_L1) {
                current.comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                const auto type = xml.attributes().value("type"_L1);
                current.finished = type != "unfinished"_L1 && type != "vanished"_L1 && type != "obsolete"_L1;
                if (current.plural) {
                    // <numerusform> children: the first non-empty one stands for the message.
                    while (xml.readNextStartElement()) {
                        const QString form = xml.readElementText();
                        if (current.translation.isEmpty())
                            current.translation = form;
                    }
                } else {
                    current.translation = xml.readElementText();
                }
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// The %1 … %99 and %n placeholders a text uses, as a sorted list.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d{1,2}|n)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMessageIsTranslated();
    void catalogueCoversEverySourceString();
    void placeholdersSurviveTranslation();
    void contextsAreTheClassesRuntimeNames();
    void chineseCatalogueIsEmbeddedAndLoads();

private:
    QList<Message> m_committed;
};

void TestTranslations::initTestCase()
{
    const QStringList tsFiles = QStringLiteral(FD_TS_FILES).split(u';', Qt::SkipEmptyParts);
    QCOMPARE(tsFiles.size(), 1);
    QString error;
    m_committed = readTs(tsFiles.first(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!m_committed.isEmpty());
}

void TestTranslations::everyMessageIsTranslated()
{
    QStringList missing;
    for (const Message &message : std::as_const(m_committed)) {
        if (!message.finished || message.translation.trimmed().isEmpty())
            missing.append(u"[%1] %2"_s.arg(message.context, message.source));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"%1 untranslated message(s):\n%2"_s.arg(missing.size()).arg(missing.join(u'\n'))));
}

void TestTranslations::catalogueCoversEverySourceString()
{
    // lupdate over the current sources into a scratch file: whatever it finds must already be in
    // the committed catalogue, so a new or changed string fails here until it is translated.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString fresh = scratch.filePath(u"fresh_zh_CN.ts"_s);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FD_LUPDATE),
                  {u"@"_s + QStringLiteral(FD_TRANSLATABLE_SOURCES_LIST), u"-locations"_s, u"none"_s,
                   u"-target-language"_s, u"zh_CN"_s, u"-ts"_s, fresh});
    QVERIFY2(lupdate.waitForFinished(840000), "lupdate did not finish"); // slow on a loaded 2-core machine
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());

    QString error;
    const QList<Message> current = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!current.isEmpty());

    QHash<QString, const Message *> committed;
    for (const Message &message : std::as_const(m_committed))
        committed.insert(messageKey(message), &message);
    QStringList missing;
    for (const Message &message : current) {
        const Message *known = committed.value(messageKey(message));
        if (!known || !known->finished || known->translation.trimmed().isEmpty())
            missing.append(u"[%1] %2"_s.arg(message.context, message.source));
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 source string(s) not translated in translations/ (run the update_translations target, "
                        "then translate):\n%2"_s.arg(missing.size()).arg(missing.join(u'\n'))));
}

void TestTranslations::placeholdersSurviveTranslation()
{
    QStringList broken;
    for (const Message &message : std::as_const(m_committed)) {
        if (message.translation.isEmpty())
            continue;
        if (placeholders(message.source) != placeholders(message.translation))
            broken.append(u"[%1] %2 -> %3"_s.arg(message.context, message.source, message.translation));
    }
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
}

// tr() looks a string up under the class's qualified name (fd::ui::BuildBoard); lupdate 6.4 writes
// the bare name when a source includes its own header by path, and those strings then stay English
// at run time although the catalogue is complete. The only unqualified contexts are the explicit
// ones below (QCoreApplication::translate / uic's form class).
void TestTranslations::contextsAreTheClassesRuntimeNames()
{
    static const QStringList explicitContexts{u"CliText"_s, u"OnboardingText"_s, u"MainWindow"_s};
    QStringList bare;
    for (const Message &message : std::as_const(m_committed)) {
        if (!message.context.startsWith(u"fd::"_s) && !explicitContexts.contains(message.context) && !bare.contains(message.context))
            bare.append(message.context);
    }
    QVERIFY2(bare.isEmpty(), qPrintable(u"contexts without their namespace: "_s + bare.join(u", "_s)));
}

void TestTranslations::chineseCatalogueIsEmbeddedAndLoads()
{
    QVERIFY(fd::app::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Chinese, QLocale::China)));
    // Any committed message must now come back translated.
    const Message &probe = m_committed.first();
    const QByteArray context = probe.context.toUtf8();
    const QByteArray source = probe.source.toUtf8();
    const QByteArray comment = probe.comment.toUtf8();
    const QString translated = QCoreApplication::translate(context.constData(), source.constData(),
                                                           comment.isEmpty() ? nullptr : comment.constData(),
                                                           probe.plural ? 1 : -1);
    QVERIFY2(translated != probe.source, qPrintable(translated));
    // And an English locale finds no catalogue: English is the source language.
    QVERIFY(!fd::app::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates)));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
