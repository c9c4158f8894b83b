#pragma once

#include "common/Expected.h"
#include "kube/core/KubeError.h"
#include "kube/store/KubeObject.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QTimer;

namespace fd::kube {
class RestClient;
}

// Offboarding a namespace (both worlds) loses what Fission keeps in it. Before anything changes,
// OffboardPreview lists it: functions, packages and the archives they point to, environments,
// triggers of every kind, secrets and config maps — names and counts, never contents (secrets
// are listed by name only). Kinds the cluster does not serve (a CRD that is not installed) are
// skipped, not errors.
//
// NamespaceDeletionWatch follows a deleted namespace until the API server no longer has it: the
// namespace's own finalizers and its status conditions (why the namespace controller waits),
// and the objects left in it that have finalizers (what holds the namespace), any of which can
// have its finalizers removed (a merge patch, as the object actions of the session do).
//
// Both live on the RestClient's thread and call it asynchronously.

namespace fd::engine::onboarding {

struct OffboardLossGroup {
    QString id;      // "functions", "packages", "archives", "environments", "triggers", "secrets", "configmaps"
    QString title;   // translated, e.g. "Functions"
    QStringList names; // sorted; "Kind/name" for mixed groups (triggers), "package: where" for archives
};

struct OffboardPreviewData {
    QString namespaceName;
    bool namespaceExists = false;
    QList<OffboardLossGroup> groups; // in the order above, empty ones included
    int count(const QString &id) const;
    const OffboardLossGroup *group(const QString &id) const;
    int total() const;
};

// A namespaced kind offboarding looks at.
struct NamespacedKind {
    QString group; // "" for core
    QString version;
    QString resource; // plural
    QString kind;
};
// Every kind the preview and the deletion watch list, Fission's first.
const QList<NamespacedKind> &offboardKinds();

class OffboardPreview : public QObject {
    Q_OBJECT
public:
    explicit OffboardPreview(fd::kube::RestClient *rest, QObject *parent = nullptr);
    ~OffboardPreview() override;

    void start(const QString &namespaceName);
    bool isFinished() const { return m_result.has_value(); }
    const fd::Expected<OffboardPreviewData, fd::kube::KubeError> &result() const { return *m_result; }

Q_SIGNALS:
    void finished();

private:
    void listNext(int index);

    fd::kube::RestClient *m_rest = nullptr;
    OffboardPreviewData m_data;
    QList<std::pair<NamespacedKind, fd::kube::KubeObject>> m_objects;
    std::optional<fd::Expected<OffboardPreviewData, fd::kube::KubeError>> m_result;
};

struct HeldObject {
    QString kind;
    QString name;
    QString path; // the object's REST path
    QStringList finalizers;
};

struct NamespaceDeletionState {
    bool gone = false;
    bool terminating = false;      // status.phase Terminating (a deletion is under way)
    QStringList finalizers;        // spec.finalizers of the namespace ("kubernetes")
    QStringList conditions;        // "Type: message" of the conditions that are True
    QList<HeldObject> heldObjects; // objects left in the namespace that still carry finalizers
    QString error;                 // the last failed read, translated (the watch keeps polling)
};

class NamespaceDeletionWatch : public QObject {
    Q_OBJECT
public:
    NamespaceDeletionWatch(fd::kube::RestClient *rest, QString namespaceName, QObject *parent = nullptr);
    ~NamespaceDeletionWatch() override;

    void start(int intervalMs = 1000);
    const NamespaceDeletionState &state() const { return m_state; }
    // PATCH metadata.finalizers to null on `object`; `done` gets an empty string or the error.
    void removeFinalizers(const HeldObject &object, std::function<void(const QString &error)> done);

Q_SIGNALS:
    void changed();
    void gone();

private:
    void poll();
    void listHeld(int index, QList<HeldObject> held);
    void schedule();

    fd::kube::RestClient *m_rest = nullptr;
    QString m_namespace;
    QTimer *m_timer = nullptr;
    bool m_polling = false;
    NamespaceDeletionState m_state;
    NamespaceDeletionState m_next;
};

} // namespace fd::engine::onboarding
