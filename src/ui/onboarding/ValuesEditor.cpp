#include "ValuesEditor.h"

#include "ui/StatusIcons.h"
#include "ui/YamlHighlighter.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPaintEvent>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using fd::helm::ValuesIssue;

namespace fd {
namespace ui {

namespace {

class Gutter : public QWidget
{
public:
    explicit Gutter(LineNumberedEdit *edit)
        : QWidget(edit)
        , m_edit(edit)
    {
    }
    QSize sizeHint() const override { return {m_edit->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_edit->paintGutter(event); }

private:
    LineNumberedEdit *m_edit;
};

QString issueText(const ValuesIssue &issue)
{
    QString where;
    if (issue.line > 0)
        where = issue.column > 0 ? ValuesEditor::tr("line %1, column %2").arg(issue.line).arg(issue.column)
                                 : ValuesEditor::tr("line %1").arg(issue.line);
    QString text = where.isEmpty() ? issue.message : where + u": "_s + issue.message;
    if (!issue.path.isEmpty())
        text += u" ("_s + issue.path + u')';
    return text;
}

} // namespace

LineNumberedEdit::LineNumberedEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

int LineNumberedEdit::gutterWidth() const
{
    const int digits = int(QString::number(std::max(1, blockCount())).size());
    return 8 + fontMetrics().horizontalAdvance(u'9') * std::max(2, digits);
}

void LineNumberedEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), gutterWidth(), contents.height()));
}

void LineNumberedEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top())
            painter.drawText(0, top, m_gutter->width() - 4, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

ValuesEditor::ValuesEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new LineNumberedEdit(this))
    , m_validateTimer(new QTimer(this))
{
    setObjectName(u"valuesEditor"_s);
    m_edit->setObjectName(u"valuesText"_s);
    m_highlighter = new YamlHighlighter(m_edit->document());
    m_highlighter->updateColors(palette());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_edit, 4);
    auto *issueRow = new QHBoxLayout;
    m_issueSummary = new QLabel(left);
    m_issueSummary->setObjectName(u"issueSummary"_s);
    issueRow->addWidget(m_issueSummary, 1);
    m_revert = new QPushButton(tr("Revert to deployed"), left);
    m_revert->setObjectName(u"revertValues"_s);
    m_revert->setToolTip(tr("Discard the edits and show the deployed revision's values again."));
    issueRow->addWidget(m_revert);
    leftLayout->addLayout(issueRow);
    m_issueList = new QListWidget(left);
    m_issueList->setObjectName(u"valuesIssues"_s);
    m_issueList->setMaximumHeight(110);
    leftLayout->addWidget(m_issueList, 1);
    splitter->addWidget(left);

    auto *panel = new QWidget(splitter);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    auto *panelTitle = new QLabel(tr("<b>Namespaces Fission serves</b><br>additionalFissionNamespaces"), panel);
    panelLayout->addWidget(panelTitle);
    m_panelMessage = new QLabel(panel);
    m_panelMessage->setObjectName(u"panelMessage"_s);
    m_panelMessage->setWordWrap(true);
    m_panelMessage->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    m_panelMessage->hide();
    panelLayout->addWidget(m_panelMessage);
    m_panelBody = new QWidget(panel);
    auto *bodyLayout = new QVBoxLayout(m_panelBody);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    m_namespaceList = new QListWidget(m_panelBody);
    m_namespaceList->setObjectName(u"namespaceList"_s);
    bodyLayout->addWidget(m_namespaceList, 1);
    auto *moveRow = new QHBoxLayout;
    m_up = new QPushButton(tr("Up"), m_panelBody);
    m_down = new QPushButton(tr("Down"), m_panelBody);
    m_remove = new QPushButton(tr("Remove"), m_panelBody);
    moveRow->addWidget(m_up);
    moveRow->addWidget(m_down);
    moveRow->addWidget(m_remove);
    bodyLayout->addLayout(moveRow);
    auto *addRow = new QHBoxLayout;
    m_picker = new QComboBox(m_panelBody);
    m_picker->setObjectName(u"namespacePicker"_s);
    m_picker->setEditable(true);
    m_picker->setInsertPolicy(QComboBox::NoInsert);
    m_picker->lineEdit()->setPlaceholderText(tr("namespace"));
    m_add = new QPushButton(tr("Add"), m_panelBody);
    m_add->setObjectName(u"addNamespace"_s);
    addRow->addWidget(m_picker, 1);
    addRow->addWidget(m_add);
    bodyLayout->addLayout(addRow);
    panelLayout->addWidget(m_panelBody, 1);
    splitter->addWidget(panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150); // validate once typing pauses
    connect(m_validateTimer, &QTimer::timeout, this, &ValuesEditor::validateNow);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ValuesEditor::onTextChanged);
    connect(m_issueList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int index = m_issueList->row(item);
        if (index >= 0 && index < m_issues.size())
            goToIssue(m_issues.at(index));
    });
    connect(m_issueList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int index = m_issueList->row(item);
        if (index >= 0 && index < m_issues.size())
            goToIssue(m_issues.at(index));
    });
    connect(m_namespaceList, &QListWidget::currentRowChanged, this, &ValuesEditor::updateButtons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (addNamespace(m_picker->currentText().trimmed()))
            m_picker->setEditText(QString());
    });
    connect(m_picker->lineEdit(), &QLineEdit::returnPressed, m_add, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeNamespace(selectedNamespace()); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveNamespace(selectedNamespace(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveNamespace(selectedNamespace(), +1); });
    connect(m_revert, &QPushButton::clicked, this, [this] { setText(m_baseText); });
    validateNow();
}

ValuesEditor::~ValuesEditor() = default;

void ValuesEditor::setBaseText(const QString &text)
{
    m_baseText = text;
    setText(text);
}

bool ValuesEditor::isModified() const
{
    return text() != m_baseText;
}

QString ValuesEditor::text() const
{
    return m_edit->toPlainText();
}

void ValuesEditor::setText(const QString &text)
{
    if (text == m_edit->toPlainText())
        return;
    // One undoable step, so "undo" after a rebase or a revert brings the previous text back.
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    validateNow();
}

void ValuesEditor::setClusterNamespaces(const QStringList &existing, const QHash<QString, int> &functionsPerNamespace)
{
    m_clusterNamespaces = existing;
    m_functions = functionsPerNamespace;
    m_haveCluster = true;
    m_context.existingNamespaces = existing;
    const QString typed = m_picker->currentText();
    m_picker->clear();
    m_picker->addItems(existing);
    m_picker->setEditText(typed);
    validateNow();
}

void ValuesEditor::setChartDefaultNamespace(const QString &name)
{
    m_context.chartDefaultNamespace = name.isEmpty() ? u"default"_s : name;
    validateNow();
}

bool ValuesEditor::hasErrors() const
{
    return std::any_of(m_issues.begin(), m_issues.end(), [](const ValuesIssue &i) { return i.severity == ValuesIssue::Severity::Error; });
}

void ValuesEditor::onTextChanged()
{
    if (m_applyingPanelEdit)
        return;
    m_validateTimer->start();
}

void ValuesEditor::validateNow()
{
    m_validateTimer->stop();
    m_document.setText(m_edit->toPlainText());
    m_issues = m_document.validate(m_context);
    refreshIssues();
    refreshPanel();
    m_revert->setEnabled(isModified());
    Q_EMIT validated();
}

void ValuesEditor::refreshIssues()
{
    m_issueList->clear();
    QList<QTextEdit::ExtraSelection> selections;
    int errors = 0;
    for (const ValuesIssue &issue : std::as_const(m_issues)) {
        const bool error = issue.severity == ValuesIssue::Severity::Error;
        errors += error ? 1 : 0;
        auto *item = new QListWidgetItem(statusIcon(error ? u"error"_s : u"warning"_s), issueText(issue), m_issueList);
        item->setData(Qt::UserRole, issue.line);
        item->setData(Qt::UserRole + 1, issue.column);
        if (issue.line <= 0)
            continue;
        const QTextBlock block = m_edit->document()->findBlockByNumber(issue.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        selection.format.setUnderlineColor(error ? QColor(0xb3, 0x26, 0x1e) : QColor(0xc7, 0x7c, 0x02));
        QTextCursor cursor(block);
        const QString line = block.text();
        int start = issue.column > 0 ? std::min(issue.column - 1, int(line.size())) : 0;
        // Underline from the column to the end of the token (or the whole line without a column).
        int end = int(line.size());
        if (issue.column > 0) {
            end = start;
            while (end < line.size() && !line.at(end).isSpace())
                ++end;
        }
        if (end <= start) { // at the end of a line: mark the line's text
            start = 0;
            end = int(line.size());
        }
        cursor.setPosition(block.position() + start);
        cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        selection.cursor = cursor;
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);
    const int warnings = int(m_issues.size()) - errors;
    if (m_issues.isEmpty())
        m_issueSummary->setText(tr("The values are valid."));
    else
        m_issueSummary->setText(tr("%n error(s)", nullptr, errors) + u", "_s + tr("%n warning(s)", nullptr, warnings));
    m_issueList->setVisible(!m_issues.isEmpty());
}

void ValuesEditor::goToIssue(const ValuesIssue &issue)
{
    if (issue.line <= 0)
        return;
    const QTextBlock block = m_edit->document()->findBlockByNumber(issue.line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::min(std::max(0, issue.column - 1), int(block.text().size())));
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
    m_edit->setFocus();
}

std::optional<QStringList> ValuesEditor::panelNamespaces() const
{
    if (!isPanelEnabled())
        return std::nullopt;
    return m_document.additionalNamespaces().value_or(QStringList());
}

bool ValuesEditor::isPanelEnabled() const
{
    return m_panelMessage->text().isEmpty();
}

QString ValuesEditor::panelMessage() const
{
    return m_panelMessage->text();
}

void ValuesEditor::refreshPanel()
{
    QString problem;
    if (const auto syntax = m_document.syntaxError()) {
        problem = tr("The YAML has an error at line %1, column %2. Once the text is fixed, the list follows it again.")
                      .arg(syntax->line)
                      .arg(syntax->column);
    } else if (!m_document.values()) {
        problem = tr("The values are not a map of keys; the list cannot be edited here.");
    } else {
        // A key that is present but not a plain list cannot be edited structurally.
        for (const ValuesIssue &issue : std::as_const(m_issues)) {
            if (issue.severity == ValuesIssue::Severity::Error && issue.path == u"additionalFissionNamespaces"_s
                && !m_document.additionalNamespaces()) {
                problem = tr("additionalFissionNamespaces is not a list (line %1); fix the text first.").arg(issue.line);
                break;
            }
        }
    }
    m_panelMessage->setText(problem);
    m_panelMessage->setVisible(!problem.isEmpty());
    m_panelBody->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        updateButtons();
        return; // keep the last list visible (disabled) until the text reads again
    }
    const QString selected = selectedNamespace();
    const QStringList names = m_document.additionalNamespaces().value_or(QStringList());
    m_namespaceList->clear();
    for (const QString &name : names) {
        QString note;
        QString icon = u"ok"_s;
        if (m_haveCluster) {
            if (!m_clusterNamespaces.contains(name)) {
                note = tr("does not exist");
                icon = u"warning"_s;
            } else if (const int functions = m_functions.value(name); functions > 0) {
                note = tr("%n function(s)", nullptr, functions);
            } else {
                note = tr("no Fission functions");
                icon = u"info"_s;
            }
        }
        auto *item = new QListWidgetItem(statusIcon(icon), note.isEmpty() ? name : u"%1 — %2"_s.arg(name, note), m_namespaceList);
        item->setData(Qt::UserRole, name);
        if (name == selected)
            m_namespaceList->setCurrentItem(item);
    }
    updateButtons();
}

QString ValuesEditor::selectedNamespace() const
{
    const QListWidgetItem *item = m_namespaceList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ValuesEditor::updateButtons()
{
    const int row = m_namespaceList->currentRow();
    const bool enabled = isPanelEnabled();
    m_remove->setEnabled(enabled && row >= 0);
    m_up->setEnabled(enabled && row > 0);
    m_down->setEnabled(enabled && row >= 0 && row + 1 < m_namespaceList->count());
}

bool ValuesEditor::applyPanelList(const QStringList &names)
{
    validateNow(); // the document must be the editor's current text
    if (!isPanelEnabled())
        return false;
    auto edit = m_document.setAdditionalNamespaces(names);
    if (!edit) {
        m_panelMessage->setText(edit.error());
        m_panelMessage->show();
        return false;
    }
    if (!edit->isNoop()) {
        // The document already holds the new text; the editor gets the same splice as one undo step.
        m_applyingPanelEdit = true;
        QTextCursor cursor(m_edit->document());
        cursor.beginEditBlock();
        cursor.setPosition(int(edit->position));
        cursor.setPosition(int(edit->position + edit->removed), QTextCursor::KeepAnchor);
        cursor.insertText(edit->inserted);
        cursor.endEditBlock();
        m_applyingPanelEdit = false;
    }
    validateNow();
    return true;
}

bool ValuesEditor::addNamespace(const QString &name)
{
    if (name.isEmpty())
        return false;
    auto names = panelNamespaces();
    if (!names)
        return false;
    if (names->contains(name))
        return true;
    names->append(name);
    return applyPanelList(*names);
}

bool ValuesEditor::removeNamespace(const QString &name)
{
    auto names = panelNamespaces();
    if (!names || !names->contains(name))
        return false;
    names->removeAll(name);
    return applyPanelList(*names);
}

bool ValuesEditor::moveNamespace(const QString &name, int delta)
{
    auto names = panelNamespaces();
    if (!names)
        return false;
    const qsizetype from = names->indexOf(name);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= names->size())
        return false;
    names->move(from, to);
    if (!applyPanelList(*names))
        return false;
    for (int row = 0; row < m_namespaceList->count(); ++row) {
        if (m_namespaceList->item(row)->data(Qt::UserRole).toString() == name)
            m_namespaceList->setCurrentRow(row);
    }
    return true;
}

} // namespace ui
} // namespace fd

#include "moc_ValuesEditor.cpp"
