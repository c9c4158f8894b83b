#include "app/i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fd::app {

bool installTranslations(QCoreApplication &app)
{
    return installTranslations(app, QLocale());
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Translators are parented to the application: they must live as long as it does.
    auto *own = new QTranslator(&app);
    // QTranslator walks locale.uiLanguages(): zh-Hans-CN, zh-CN, zh… until one file exists.
    const bool found = own->load(locale, QStringLiteral("fission-desk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        QCoreApplication::installTranslator(own);
    else
        delete own;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found;
}

} // namespace fd::app
