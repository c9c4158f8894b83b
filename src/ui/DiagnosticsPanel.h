#pragma once

#include "engine/ClusterSnapshot.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace fd {
namespace ui {

class ClusterHandle;

// The findings of the selected cluster (all) or tenant (those about its namespace), grouped by
// severity: title, explanation, symptoms and one button per fix the cluster can carry out. A fix
// the user's RBAC forbids is disabled, with the missing permission in its tooltip.
//
// A card is a handful of word-wrapped labels whose layout costs about a millisecond; a cluster
// of hundreds of tenants can have thousands of findings and a new snapshot every 100 ms. So the
// panel shows a page of cards at a time (errors first; "Show more" adds a page) and keeps the
// card of every finding that did not change: a snapshot costs the cards it changed, not all.
class DiagnosticsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);
    ~DiagnosticsPanel() override;

    // namespaceName empty: the whole cluster.
    void setScope(const QString &context, const QString &namespaceName, const fd::engine::ClusterSnapshotPtr &snapshot,
                  ClusterHandle *handle);
    void refresh(const fd::engine::ClusterSnapshotPtr &snapshot);
    QString context() const { return m_context; }
    // Whether the UI can show an object (an "inspect" fix is offered only then).
    void setInspectable(std::function<bool(const QString &context, const fd::fission::ObjectRef &ref)> inspectable)
    {
        m_inspectable = std::move(inspectable);
    }
    // The findings that have a card now, in the order shown.
    QStringList shownFindingIds() const;
    // How many cards a page holds ("Show more" adds one page).
    static constexpr int CardsPerPage = 25;

Q_SIGNALS:
    void inspectRequested(const QString &context, const fd::fission::ObjectRef &ref);
    void fixFinished(bool ok, const QString &message);

private:
    struct Card {
        fd::fission::Finding finding;
        QWidget *widget = nullptr;
    };

    QList<fd::fission::Finding> findingsInScope() const;
    void showFindings(const QList<fd::fission::Finding> &findings);
    void updateHeader(qsizetype findingCount);
    void relayout(const QList<fd::fission::Finding> &visible);
    void showQueuedCards();
    void dropCard(QWidget *widget);
    void dropAllCards();
    void showMore();
    QWidget *card(const fd::fission::Finding &finding);
    QPushButton *fixButton(const fd::fission::Finding &finding, const fd::fission::FixAction &action);
    void runFix(QPushButton *button, const QString &findingId, const fd::fission::FixAction &action);

    QString m_context;
    QString m_namespace;
    fd::engine::ClusterSnapshotPtr m_snapshot;
    QPointer<ClusterHandle> m_handle;
    QList<Card> m_cards; // in the order shown
    int m_cardLimit = CardsPerPage;
    QList<QPointer<QWidget>> m_cardsToShow; // made, laid out in order, not shown yet
    bool m_showTimerPending = false;
    QHash<QString, QString> m_lastResult; // finding id → message of the last fix run from here
    std::function<bool(const QString &, const fd::fission::ObjectRef &)> m_inspectable;

    QLabel *m_header;
    QWidget *m_content;
    QVBoxLayout *m_list;
    QLabel *m_severityHeadings[3];
    QWidget *m_moreRow;
    QLabel *m_moreText;
    QPushButton *m_moreButton;
    QScrollArea *m_scroll;
};

} // namespace ui
} // namespace fd
