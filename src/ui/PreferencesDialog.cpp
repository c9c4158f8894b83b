#include "PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {
const QString kLanguageKey = u"ui/language"_s;
const QString kThemeKey = u"ui/theme"_s;

void selectData(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_theme(new QComboBox(this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(u"languageCombo"_s);
    m_theme->setObjectName(u"themeCombo"_s);
    // Language names in their own language: a user who cannot read the current UI finds theirs.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_theme->addItem(tr("Follow the desktop"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);

    const QSettings settings;
    selectData(m_language, settings.value(kLanguageKey).toString());
    selectData(m_theme, settings.value(kThemeKey, u"system"_s).toString());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    auto *note = new QLabel(tr("Changes take effect the next time Fission Desk starts. The command line's --lang "
                               "option overrides the language chosen here."),
                            this);
    note->setObjectName(u"restartNote"_s);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

PreferencesDialog *PreferencesDialog::openFor(QWidget *parent)
{
    auto *dialog = new PreferencesDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void PreferencesDialog::accept()
{
    QSettings settings;
    const QString language = m_language->currentData().toString();
    if (language.isEmpty())
        settings.remove(kLanguageKey); // follow the system again
    else
        settings.setValue(kLanguageKey, language);
    settings.setValue(kThemeKey, m_theme->currentData().toString());
    QDialog::accept();
}

} // namespace ui
} // namespace fd

#include "moc_PreferencesDialog.cpp"
