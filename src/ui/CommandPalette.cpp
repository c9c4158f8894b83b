#include "CommandPalette.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {
constexpr int EntryIndexRole = Qt::UserRole + 1;
constexpr int MaxShown = 200; // the list stays fast on a fleet; typing narrows it
} // namespace

CommandPalette::CommandPalette(QWidget *parent) : QDialog(parent), m_search(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Go to object or action"));
    m_search->setObjectName(u"commandPaletteSearch"_s);
    m_search->setPlaceholderText(tr("Type to search objects, tenants, clusters and actions"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(560, 420);

    connect(m_search, &QLineEdit::textChanged, this, &CommandPalette::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *) { runCurrent(); });
    // Up/Down in the search field move through the list.
    auto *down = new QAction(this);
    down->setShortcut(Qt::Key_Down);
    down->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(down);
    connect(down, &QAction::triggered, this, [this] { m_list->setCurrentRow(std::min(m_list->currentRow() + 1, m_list->count() - 1)); });
    auto *up = new QAction(this);
    up->setShortcut(Qt::Key_Up);
    up->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(up);
    connect(up, &QAction::triggered, this, [this] { m_list->setCurrentRow(std::max(m_list->currentRow() - 1, 0)); });
}

void CommandPalette::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    applyFilter(m_search->text());
}

void CommandPalette::open()
{
    m_search->clear();
    applyFilter({});
    show();
    raise();
    activateWindow();
    m_search->setFocus();
}

void CommandPalette::applyFilter(const QString &text)
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    m_list->clear();
    for (int i = 0; i < m_entries.size() && m_list->count() < MaxShown; ++i) {
        const Entry &e = m_entries[i];
        const QString haystack = e.text + u' ' + e.detail;
        bool match = true;
        for (const QString &w : words)
            match = match && haystack.contains(w, Qt::CaseInsensitive);
        if (!match)
            continue;
        auto *item = new QListWidgetItem(e.detail.isEmpty() ? e.text : u"%1    —  %2"_s.arg(e.text, e.detail), m_list);
        item->setData(EntryIndexRole, i);
    }
    m_list->setCurrentRow(0);
}

void CommandPalette::runCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const int index = item->data(EntryIndexRole).toInt();
    hide();
    if (index >= 0 && index < m_entries.size() && m_entries[index].run)
        m_entries[index].run();
}

} // namespace ui
} // namespace fd

#include "moc_CommandPalette.cpp"
