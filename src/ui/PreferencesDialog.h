#pragma once

#include <QDialog>

class QComboBox;

namespace fd {
namespace ui {

// Tools → Preferences: the application's own settings (not a cluster's), kept in QSettings:
// "ui/language" ("" = the system's, "en", "zh_CN"; gui_main reads it when --lang is not given)
// and "ui/theme" ("system", "light", "dark"; MainWindow applies it at start). Both take effect at
// the next start, which the dialog says: switching the language of open windows would leave
// half-translated texts behind.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // Opens a dialog (window-modal, deleted on close) and returns it.
    static PreferencesDialog *openFor(QWidget *parent);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

    void accept() override;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace ui
} // namespace fd
