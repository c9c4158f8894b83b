#pragma once

class QCoreApplication;
class QLocale;

namespace fd::app {

// Installs the translations for `locale` (the user's UI languages by default): Fission Desk's
// own catalogue, compiled into the executables from translations/*.ts, and Qt's catalogue for
// the standard dialogs and buttons from the system (qt6-translations-l10n). English needs
// neither. Returns whether Fission Desk's catalogue was found for the locale.
bool installTranslations(QCoreApplication &app);
bool installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace fd::app
