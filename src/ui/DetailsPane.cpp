#include "DetailsPane.h"

#include "helm/YamlWriter.h"
#include "ClusterHandle.h"
#include "DetailsHtml.h"
#include "ObjectLookup.h"
#include "StatusIcons.h"
#include "YamlHighlighter.h"
#include "ui/forms/WhenFinished.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_overview(new QTextBrowser(this))
    , m_yaml(new QPlainTextEdit(this))
    , m_copy(new QPushButton(actionIcon(u"copy"_s), tr("Copy"), this))
    , m_events(new QTreeWidget(this))
    , m_eventsNote(new QLabel(this))
    , m_highlighter(new YamlHighlighter(m_yaml->document()))
{
    setObjectName(u"detailsPane"_s);
    m_overview->setObjectName(u"detailsOverview"_s);
    m_overview->setOpenLinks(false);
    m_overview->setOpenExternalLinks(false);
    m_yaml->setObjectName(u"detailsYaml"_s);
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(u"copyYamlButton"_s);
    m_copy->setToolTip(tr("Copy the YAML to the clipboard"));
    m_events->setObjectName(u"detailsEvents"_s);
    m_events->setHeaderLabels({tr("Last seen"), tr("Type"), tr("Reason"), tr("Count"), tr("Message")});
    m_events->setRootIsDecorated(false);
    m_events->header()->setStretchLastSection(true);
    m_eventsNote->setWordWrap(true);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(tr("Select a cluster, tenant or object"));

    auto *yamlPage = new QWidget(this);
    auto *yamlLayout = new QVBoxLayout(yamlPage);
    auto *yamlBar = new QHBoxLayout;
    yamlBar->addStretch();
    yamlBar->addWidget(m_copy);
    yamlLayout->addLayout(yamlBar);
    yamlLayout->addWidget(m_yaml);

    auto *eventsPage = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(eventsPage);
    eventsLayout->addWidget(m_eventsNote);
    eventsLayout->addWidget(m_events);

    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(yamlPage, tr("YAML"));
    m_tabs->addTab(eventsPage, tr("Events"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    m_whyBuild = new QPushButton(tr("Why is this build not done?"), this);
    m_whyBuild->setObjectName(u"whyBuildButton"_s);
    m_whyBuild->hide();
    connect(m_whyBuild, &QPushButton::clicked, this,
            [this] { Q_EMIT buildTroubleshooterRequested(m_selection.context, m_selection.object); });
    layout->addWidget(m_whyBuild, 0, Qt::AlignLeft);
    layout->addWidget(m_tabs);

    connect(m_copy, &QPushButton::clicked, this, &DetailsPane::copyYaml);
    connect(m_overview, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        fd::fission::ObjectRef ref;
        if (parseObjectLink(url, &ref))
            Q_EMIT objectLinkActivated(m_selection.context, ref);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 2)
            loadEvents();
    });
    render();
}

DetailsPane::~DetailsPane() = default;

void DetailsPane::show(const Selection &selection, const fd::engine::ClusterSnapshotPtr &snapshot, ClusterHandle *handle)
{
    const bool same = selection == m_selection;
    m_selection = selection;
    m_snapshot = snapshot;
    m_handle = handle;
    if (!same) {
        m_lastHtml.clear();
        m_lastYaml.clear();
        m_events->clear();
    }
    render();
    if (!same && m_tabs->currentIndex() == 2)
        loadEvents();
}

void DetailsPane::refresh(const fd::engine::ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    render();
}

QString DetailsPane::overviewText() const
{
    return m_overview->toPlainText();
}

QString DetailsPane::yamlText() const
{
    return m_yaml->toPlainText();
}

void DetailsPane::render()
{
    QString html;
    QString yaml;
    QString title;
    const bool isObject = m_selection.type == NodeType::Object;
    if (m_snapshot) {
        switch (m_selection.type) {
        case NodeType::Context:
            title = tr("Cluster %1").arg(m_selection.context);
            html = contextOverviewHtml(*m_snapshot);
            break;
        case NodeType::Tenant:
        case NodeType::Group:
            title = tr("Tenant %1").arg(m_selection.namespaceName);
            html = tenantOverviewHtml(*m_snapshot, m_selection.namespaceName);
            break;
        case NodeType::Object:
            title = m_selection.object.display();
            html = objectOverviewHtml(*m_snapshot, m_selection.object);
            if (html.isEmpty())
                html = u"<p>%1</p>"_s.arg(tr("This object no longer exists on the cluster.").toHtmlEscaped());
            if (const fd::fission::FissionObject *object = findObject(m_snapshot->index, m_selection.object)) {
                QJsonObject json = object->object.toJsonObject();
                // managedFields are bookkeeping of server-side apply, noise when reading an object.
                QJsonObject meta = json.value(u"metadata"_s).toObject();
                meta.remove(u"managedFields"_s);
                json.insert(u"metadata"_s, meta);
                yaml = QString::fromUtf8(fd::helm::toYaml(json));
            }
            break;
        case NodeType::Root:
            break;
        }
    }
    m_title->setText(title.isEmpty() ? tr("Select a cluster, tenant or object") : title);
    if (html != m_lastHtml) {
        m_lastHtml = html;
        m_overview->setHtml(html);
    }
    if (yaml != m_lastYaml) {
        m_lastYaml = yaml;
        const int scroll = m_yaml->verticalScrollBar() ? m_yaml->verticalScrollBar()->value() : 0;
        m_yaml->setPlainText(yaml);
        m_yaml->verticalScrollBar()->setValue(scroll);
    }
    m_tabs->setTabEnabled(1, isObject);
    m_tabs->setTabEnabled(2, isObject);
    m_copy->setEnabled(!yaml.isEmpty());
    m_whyBuild->setVisible(isObject && m_selection.object.kind == u"Package");
    if (!isObject && m_tabs->currentIndex() != 0)
        m_tabs->setCurrentIndex(0);
}

void DetailsPane::loadEvents()
{
    m_events->clear();
    if (m_selection.type != NodeType::Object)
        return;
    if (!m_handle || !m_handle->hasEvents()) {
        m_eventsNote->setText(tr("Events are not available for this cluster."));
        return;
    }
    m_eventsNote->setText(tr("Loading events…"));
    const int request = ++m_eventsRequest;
    forms::whenFinished(this, m_handle->listEvents(m_selection.object), [this, request](const QList<EventRow> &rows) {
        if (request != m_eventsRequest)
            return; // an answer for an earlier selection
        m_eventsNote->setText(rows.isEmpty() ? tr("No events for this object.") : QString());
        for (const EventRow &row : rows) {
            auto *item = new QTreeWidgetItem(m_events);
            item->setText(0, QLocale().toString(row.lastSeen.toLocalTime(), QLocale::ShortFormat));
            item->setText(1, row.type);
            item->setIcon(1, statusIcon(row.type == u"Warning" ? u"warning"_s : u"info"_s));
            item->setText(2, row.reason);
            item->setText(3, QString::number(row.count));
            item->setText(4, row.message);
        }
    });
}

void DetailsPane::copyYaml()
{
    QApplication::clipboard()->setText(m_yaml->toPlainText());
}

void DetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(palette());
    QWidget::changeEvent(event);
}

} // namespace ui
} // namespace fd

#include "moc_DetailsPane.cpp"
