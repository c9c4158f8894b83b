#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace fd::sim {
struct ResourceType;
}

// JSON helpers the simulated controllers share: typed field access, owner references,
// label selectors, conditions and the pod predicates of k8s.io/kubernetes/pkg/api/v1/pod.
namespace fd::sim::ctrl {

// The field manager kube-controller-manager writes with, and the label its controllers put the
// controller revision's hash under (DaemonSets, StatefulSets, ControllerRevisions).
inline const QString kControllerManager = QStringLiteral("kube-controller-manager");
inline const QString kControllerRevisionLabel = QStringLiteral("controller-revision-hash");
// Pods a Job or StatefulSet pass creates or deletes at most; the commits queue the next pass.
inline constexpr int kMaxPodsPerSync = 500;

QJsonObject child(const QJsonObject &object, QLatin1String key);
QString text(const QJsonObject &object, QLatin1String key);
QJsonObject specOf(const QJsonObject &object);
QJsonObject statusOf(const QJsonObject &object);
QJsonObject annotationsOf(const QJsonObject &object);
qint64 generationOf(const QJsonObject &object);
bool isDeleting(const QJsonObject &object);
QStringList finalizerList(const QJsonObject &object);
bool hasFinalizer(const QJsonObject &object, const QString &finalizer);
// Removes one finalizer; returns false when it was not there.
bool removeFinalizer(QJsonObject &object, const QString &finalizer);

// RFC 3339 with second precision, as metav1.Time serialises.
QString timestamp(const QDateTime &time);
QDateTime parseTimestamp(const QString &text);

struct OwnerReference {
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;
    bool blockOwnerDeletion = false;
};
QList<OwnerReference> ownerReferencesOf(const QJsonObject &object);
std::optional<OwnerReference> controllerOf(const QJsonObject &object);
bool isControlledBy(const QJsonObject &object, const QString &ownerUid);
// metav1.NewControllerRef: controller and blockOwnerDeletion set.
QJsonObject controllerReference(const QJsonObject &owner, const ResourceType &ownerType);

// metav1.LabelSelector semantics (matchLabels AND matchExpressions). An empty selector
// selects everything, as LabelSelectorAsSelector does; a malformed one selects nothing.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels);

// Conditions. `style` decides which timestamps a condition carries.
enum class ConditionStyle {
    Pod,        // lastProbeTime: null, lastTransitionTime
    Deployment, // lastUpdateTime + lastTransitionTime
    Job,        // lastProbeTime + lastTransitionTime
    Plain       // lastTransitionTime only (ReplicaSet, Namespace, StatefulSet, …)
};
struct Condition {
    QString type;
    QString status;
    QString reason;
    QString message;
};
QJsonObject findCondition(const QJsonArray &conditions, const QString &type);
bool conditionIsTrue(const QJsonObject &status, const QString &type);
// Sets a condition; the transition time survives when the status did not change.
void setCondition(QJsonArray &conditions, const Condition &condition, const QString &now, ConditionStyle style);
void removeCondition(QJsonArray &conditions, const QString &type);

// Pods.
QString podPhase(const QJsonObject &pod);
bool podIsTerminal(const QJsonObject &pod);
// Not terminal and not being deleted (controller.FilterActivePods).
bool podIsActive(const QJsonObject &pod);
bool podIsReady(const QJsonObject &pod);
// Ready for at least minReadySeconds (podutil.IsPodAvailable).
bool podIsAvailable(const QJsonObject &pod, qint64 minReadySeconds, const QDateTime &now);
// controller.GetPodFromTemplate: a pod object for a workload's template.
QJsonObject podFromTemplate(const QJsonObject &podTemplate, const QJsonObject &ownerRef);

// Status counters the API omits when zero (`json:",omitempty"`).
void setCount(QJsonObject &status, const QString &field, qint64 value);

// A stable short hash of JSON content, encoded like k8s.io/apimachinery rand.SafeEncodeString
// (the pod-template-hash and controller-revision-hash alphabets).
QString templateHash(const QJsonObject &content, int collisionCount = 0);
// An intstr.IntOrString (count or "25%") scaled against total.
int scaledValue(const QJsonValue &value, int total, bool roundUp, int fallback);
QString randomHex(int length);

} // namespace fd::sim::ctrl
