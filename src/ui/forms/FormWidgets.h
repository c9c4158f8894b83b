#pragma once

#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QSpinBox>
#include <QStringList>

// Small helpers the object forms share for building editors and reading JSON back into them.
namespace fd::ui::forms {

// The sorted names of index objects (e.g. index.functions().inNamespace(ns)), for namePicker().
template <typename List>
QStringList namesOf(const List &items)
{
    QStringList names;
    for (const auto *item : items)
        names << item->name();
    names.sort();
    return names;
}

// An editable picker of names from the namespace (the user may type one that does not exist
// yet; validation then says so).
inline QComboBox *namePicker(QWidget *parent, const QString &objectName, const QStringList &names)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->addItems(names);
    combo->setCurrentIndex(-1);
    combo->setEditText(QString());
    return combo;
}

inline QSpinBox *spin(QWidget *parent, const QString &objectName, int min, int max, int value, const QString &suffix = {})
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

inline QLineEdit *line(QWidget *parent, const QString &objectName, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

// "a, b ,c" → {"a","b","c"}.
inline QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(u',')) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

} // namespace fd::ui::forms
