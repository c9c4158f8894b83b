#pragma once

#include <QDialog>
#include <QList>

#include <functional>

class QLineEdit;
class QListWidget;

namespace fd {
namespace ui {

// Ctrl+K: type a few letters of an object, tenant, cluster or action and press Enter.
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    struct Entry {
        QString text;      // what is shown and matched
        QString detail;    // shown greyed after the text (kind, cluster)
        std::function<void()> run;
    };

    explicit CommandPalette(QWidget *parent = nullptr);
    void setEntries(QList<Entry> entries);
    // Shows the palette and focuses the search field.
    void open();

private:
    void applyFilter(const QString &text);
    void runCurrent();

    QList<Entry> m_entries;
    QLineEdit *m_search;
    QListWidget *m_list;
};

} // namespace ui
} // namespace fd
