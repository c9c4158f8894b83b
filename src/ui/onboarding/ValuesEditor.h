#pragma once

#include "helm/ValuesDocument.h"

#include <QHash>
#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTimer;

// The Helm values editor of the onboarding dialog (legacy clusters): the release's user-supplied
// values as YAML, with line numbers, YAML highlighting and validation as you type
// (ValuesDocument::validate: errors and warnings with line and column, listed under the editor
// and underlined in it; activating one moves the cursor there), and a side panel for
// additionalFissionNamespaces (add from the cluster's namespaces, remove, reorder; each marked
// with whether it exists and holds Fission functions).
//
// Both views edit one ValuesDocument. A panel edit splices the text through
// setAdditionalNamespaces (comments and order elsewhere stay) and is applied to the editor as one
// undoable step; a text edit refreshes the panel. When the text cannot be edited structurally (a
// syntax error, a list that is not a list) the panel says why and is disabled until the text is
// fixed.

namespace fd {
namespace ui {

class YamlHighlighter;

// A QPlainTextEdit with a line number gutter.
class LineNumberedEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LineNumberedEdit(QWidget *parent = nullptr);
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *m_gutter = nullptr;
};

class ValuesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ValuesEditor(QWidget *parent = nullptr);
    ~ValuesEditor() override;

    // The values the editor starts from (the deployed revision's user values); replaces the text.
    void setBaseText(const QString &text);
    QString baseText() const { return m_baseText; }
    // The edited text differs from the base.
    bool isModified() const;
    QString text() const;
    void setText(const QString &text);
    const fd::helm::ValuesDocument &document() const { return m_document; }

    // What the panel offers and how it marks names; also enables "does not exist" warnings.
    void setClusterNamespaces(const QStringList &existing, const QHash<QString, int> &functionsPerNamespace);
    void setChartDefaultNamespace(const QString &name);

    // The last validation (run as the text changes; validateNow() forces it).
    const QList<fd::helm::ValuesIssue> &issues() const { return m_issues; }
    bool hasErrors() const;
    void validateNow();

    // Panel operations (what its buttons do); false with panelMessage() set when not applicable.
    bool addNamespace(const QString &name);
    bool removeNamespace(const QString &name);
    bool moveNamespace(const QString &name, int delta);
    // The list the panel shows (nullopt while the text cannot be read structurally).
    std::optional<QStringList> panelNamespaces() const;
    bool isPanelEnabled() const;
    QString panelMessage() const;

    // The widgets tests and screenshots drive.
    LineNumberedEdit *textEdit() const { return m_edit; }
    QListWidget *issueList() const { return m_issueList; }
    QListWidget *namespaceList() const { return m_namespaceList; }
    QComboBox *namespacePicker() const { return m_picker; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *upButton() const { return m_up; }
    QPushButton *downButton() const { return m_down; }
    QPushButton *revertButton() const { return m_revert; }

    // Moves the cursor to `issue` (line/column) and focuses the editor.
    void goToIssue(const fd::helm::ValuesIssue &issue);

Q_SIGNALS:
    // After every validation (the text, the issues and the panel are in sync then).
    void validated();

private:
    void onTextChanged();
    bool applyPanelList(const QStringList &names);
    void refreshPanel();
    void refreshIssues();
    void updateButtons();
    QString selectedNamespace() const;

    LineNumberedEdit *m_edit = nullptr;
    YamlHighlighter *m_highlighter = nullptr;
    QListWidget *m_issueList = nullptr;
    QLabel *m_issueSummary = nullptr;
    QListWidget *m_namespaceList = nullptr;
    QComboBox *m_picker = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_panelMessage = nullptr;
    QWidget *m_panelBody = nullptr;
    QTimer *m_validateTimer = nullptr;

    fd::helm::ValuesDocument m_document;
    QString m_baseText;
    QList<fd::helm::ValuesIssue> m_issues;
    fd::helm::ValuesValidationContext m_context;
    QStringList m_clusterNamespaces;
    QHash<QString, int> m_functions;
    bool m_haveCluster = false;
    bool m_applyingPanelEdit = false;
};

} // namespace ui
} // namespace fd
