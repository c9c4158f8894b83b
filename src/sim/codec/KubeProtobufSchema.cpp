#include "sim/codec/KubeProtobufSchema.h"

#include <QString>

// Field numbers: k8s.io/apimachinery pkg/apis/meta/v1/generated.proto and k8s.io/api
// {core,authorization,authentication}/v1/generated.proto. JSON names and whether a zero
// value survives: the matching Go types (`json:"x,omitempty"`, pointer or not).
namespace fd::sim::proto {

namespace {

constexpr FieldSchema scalar(unsigned number, const char *name, FieldKind kind,
                             ZeroValue zero = ZeroValue::Omit)
{
    return FieldSchema{number, name, kind, false, zero, nullptr};
}

constexpr FieldSchema list(unsigned number, const char *name, FieldKind kind)
{
    return FieldSchema{number, name, kind, true, ZeroValue::Keep, nullptr};
}

constexpr FieldSchema message(unsigned number, const char *name, const MessageSchema &schema)
{
    return FieldSchema{number, name, FieldKind::Message, false, ZeroValue::Keep, &schema};
}

constexpr FieldSchema messageList(unsigned number, const char *name, const MessageSchema &schema)
{
    return FieldSchema{number, name, FieldKind::Message, true, ZeroValue::Keep, &schema};
}

constexpr auto S = FieldKind::String;
constexpr auto B = FieldKind::Bool;
constexpr auto I64 = FieldKind::Int64;
constexpr auto Keep = ZeroValue::Keep;

// ---- meta/v1 ----

constexpr FieldSchema kOwnerReferenceFields[] = {
    scalar(5, "apiVersion", S, Keep), scalar(1, "kind", S, Keep), scalar(3, "name", S, Keep),
    scalar(4, "uid", S, Keep),        scalar(6, "controller", B, Keep),
    scalar(7, "blockOwnerDeletion", B, Keep),
};
constexpr MessageSchema kOwnerReference{"OwnerReference", kOwnerReferenceFields};

constexpr FieldSchema kManagedFieldsEntryFields[] = {
    scalar(1, "manager", S),          scalar(2, "operation", S),
    scalar(3, "apiVersion", S),       scalar(4, "time", FieldKind::Time, Keep),
    scalar(6, "fieldsType", S),       scalar(7, "fieldsV1", FieldKind::FieldsV1, Keep),
    scalar(8, "subresource", S),
};
constexpr MessageSchema kManagedFieldsEntry{"ManagedFieldsEntry", kManagedFieldsEntryFields};

constexpr FieldSchema kObjectMetaFields[] = {
    scalar(1, "name", S),
    scalar(2, "generateName", S),
    scalar(3, "namespace", S),
    scalar(4, "selfLink", S),
    scalar(5, "uid", S),
    scalar(6, "resourceVersion", S),
    scalar(7, "generation", I64),
    scalar(8, "creationTimestamp", FieldKind::Time, Keep),
    scalar(9, "deletionTimestamp", FieldKind::Time, Keep),
    scalar(10, "deletionGracePeriodSeconds", I64, Keep),
    scalar(11, "labels", FieldKind::StringMap),
    scalar(12, "annotations", FieldKind::StringMap),
    messageList(13, "ownerReferences", kOwnerReference),
    list(14, "finalizers", S),
    messageList(17, "managedFields", kManagedFieldsEntry),
};
constexpr MessageSchema kObjectMeta{"ObjectMeta", kObjectMetaFields};

constexpr FieldSchema kPreconditionsFields[] = {
    scalar(1, "uid", S, Keep), // *types.UID
    scalar(2, "resourceVersion", S, Keep),
};
constexpr MessageSchema kPreconditions{"Preconditions", kPreconditionsFields};

constexpr FieldSchema kDeleteOptionsFields[] = {
    scalar(1, "gracePeriodSeconds", I64, Keep),
    message(2, "preconditions", kPreconditions),
    scalar(3, "orphanDependents", B, Keep),
    scalar(4, "propagationPolicy", S, Keep),
    list(5, "dryRun", S),
    scalar(6, "ignoreStoreReadErrorWithClusterBreakingPotential", B, Keep),
};
constexpr MessageSchema kDeleteOptions{"DeleteOptions", kDeleteOptionsFields};

constexpr FieldSchema kRequirementFields[] = { // LabelSelectorRequirement, FieldSelectorRequirement
    scalar(1, "key", S, Keep),
    scalar(2, "operator", S, Keep),
    list(3, "values", S),
};
constexpr MessageSchema kSelectorRequirement{"SelectorRequirement", kRequirementFields};

// ---- core/v1 ----

constexpr FieldSchema kSecretFields[] = {
    message(1, "metadata", kObjectMeta),
    scalar(2, "data", FieldKind::BytesMap),
    scalar(3, "type", S),
    scalar(4, "stringData", FieldKind::StringMap),
    scalar(5, "immutable", B, Keep),
};
constexpr MessageSchema kSecret{"Secret", kSecretFields};

constexpr FieldSchema kConfigMapFields[] = {
    message(1, "metadata", kObjectMeta),
    scalar(2, "data", FieldKind::StringMap),
    scalar(3, "binaryData", FieldKind::BytesMap),
    scalar(4, "immutable", B, Keep),
};
constexpr MessageSchema kConfigMap{"ConfigMap", kConfigMapFields};

constexpr FieldSchema kNamespaceSpecFields[] = {list(1, "finalizers", S)};
constexpr MessageSchema kNamespaceSpec{"NamespaceSpec", kNamespaceSpecFields};

constexpr FieldSchema kNamespaceConditionFields[] = {
    scalar(1, "type", S, Keep),   scalar(2, "status", S, Keep),
    scalar(4, "lastTransitionTime", FieldKind::Time, Keep),
    scalar(5, "reason", S),       scalar(6, "message", S),
};
constexpr MessageSchema kNamespaceCondition{"NamespaceCondition", kNamespaceConditionFields};

constexpr FieldSchema kNamespaceStatusFields[] = {
    scalar(1, "phase", S),
    messageList(2, "conditions", kNamespaceCondition),
};
constexpr MessageSchema kNamespaceStatus{"NamespaceStatus", kNamespaceStatusFields};

constexpr FieldSchema kNamespaceFields[] = {
    message(1, "metadata", kObjectMeta),
    message(2, "spec", kNamespaceSpec),
    message(3, "status", kNamespaceStatus),
};
constexpr MessageSchema kNamespace{"Namespace", kNamespaceFields};

constexpr FieldSchema kObjectReferenceFields[] = {
    scalar(1, "kind", S),       scalar(2, "namespace", S),       scalar(3, "name", S),
    scalar(4, "uid", S),        scalar(5, "apiVersion", S),      scalar(6, "resourceVersion", S),
    scalar(7, "fieldPath", S),
};
constexpr MessageSchema kObjectReference{"ObjectReference", kObjectReferenceFields};

constexpr FieldSchema kLocalObjectReferenceFields[] = {scalar(1, "name", S)};
constexpr MessageSchema kLocalObjectReference{"LocalObjectReference", kLocalObjectReferenceFields};

constexpr FieldSchema kServiceAccountFields[] = {
    message(1, "metadata", kObjectMeta),
    messageList(2, "secrets", kObjectReference),
    messageList(3, "imagePullSecrets", kLocalObjectReference),
    scalar(4, "automountServiceAccountToken", B, Keep),
};
constexpr MessageSchema kServiceAccount{"ServiceAccount", kServiceAccountFields};

// ---- authorization/v1 ----

constexpr FieldSchema kSelectorAttributesFields[] = { // FieldSelectorAttributes, LabelSelectorAttributes
    scalar(1, "rawSelector", S),
    messageList(2, "requirements", kSelectorRequirement),
};
constexpr MessageSchema kSelectorAttributes{"SelectorAttributes", kSelectorAttributesFields};

constexpr FieldSchema kResourceAttributesFields[] = {
    scalar(1, "namespace", S), scalar(2, "verb", S),        scalar(3, "group", S),
    scalar(4, "version", S),   scalar(5, "resource", S),    scalar(6, "subresource", S),
    scalar(7, "name", S),
    message(8, "fieldSelector", kSelectorAttributes),
    message(9, "labelSelector", kSelectorAttributes),
};
constexpr MessageSchema kResourceAttributes{"ResourceAttributes", kResourceAttributesFields};

constexpr FieldSchema kNonResourceAttributesFields[] = {scalar(1, "path", S), scalar(2, "verb", S)};
constexpr MessageSchema kNonResourceAttributes{"NonResourceAttributes", kNonResourceAttributesFields};

constexpr FieldSchema kSelfSubjectAccessReviewSpecFields[] = {
    message(1, "resourceAttributes", kResourceAttributes),
    message(2, "nonResourceAttributes", kNonResourceAttributes),
};
constexpr MessageSchema kSelfSubjectAccessReviewSpec{"SelfSubjectAccessReviewSpec",
                                                     kSelfSubjectAccessReviewSpecFields};

constexpr FieldSchema kSubjectAccessReviewStatusFields[] = {
    scalar(1, "allowed", B, Keep), scalar(4, "denied", B),
    scalar(2, "reason", S),        scalar(3, "evaluationError", S),
};
constexpr MessageSchema kSubjectAccessReviewStatus{"SubjectAccessReviewStatus",
                                                   kSubjectAccessReviewStatusFields};

constexpr FieldSchema kSelfSubjectAccessReviewFields[] = {
    message(1, "metadata", kObjectMeta),
    message(2, "spec", kSelfSubjectAccessReviewSpec),
    message(3, "status", kSubjectAccessReviewStatus),
};
constexpr MessageSchema kSelfSubjectAccessReview{"SelfSubjectAccessReview", kSelfSubjectAccessReviewFields};

constexpr FieldSchema kSelfSubjectRulesReviewSpecFields[] = {scalar(1, "namespace", S)};
constexpr MessageSchema kSelfSubjectRulesReviewSpec{"SelfSubjectRulesReviewSpec",
                                                    kSelfSubjectRulesReviewSpecFields};

constexpr FieldSchema kResourceRuleFields[] = {
    list(1, "verbs", S), list(2, "apiGroups", S), list(3, "resources", S), list(4, "resourceNames", S),
};
constexpr MessageSchema kResourceRule{"ResourceRule", kResourceRuleFields};

constexpr FieldSchema kNonResourceRuleFields[] = {list(1, "verbs", S), list(2, "nonResourceURLs", S)};
constexpr MessageSchema kNonResourceRule{"NonResourceRule", kNonResourceRuleFields};

constexpr FieldSchema kSubjectRulesReviewStatusFields[] = {
    messageList(1, "resourceRules", kResourceRule),
    messageList(2, "nonResourceRules", kNonResourceRule),
    scalar(3, "incomplete", B, Keep),
    scalar(4, "evaluationError", S),
};
constexpr MessageSchema kSubjectRulesReviewStatus{"SubjectRulesReviewStatus", kSubjectRulesReviewStatusFields};

constexpr FieldSchema kSelfSubjectRulesReviewFields[] = {
    message(1, "metadata", kObjectMeta),
    message(2, "spec", kSelfSubjectRulesReviewSpec),
    message(3, "status", kSubjectRulesReviewStatus),
};
constexpr MessageSchema kSelfSubjectRulesReview{"SelfSubjectRulesReview", kSelfSubjectRulesReviewFields};

// ---- authentication/v1 ----

constexpr FieldSchema kUserInfoFields[] = {
    scalar(1, "username", S), scalar(2, "uid", S), list(3, "groups", S),
    scalar(4, "extra", FieldKind::StringListMap),
};
constexpr MessageSchema kUserInfo{"UserInfo", kUserInfoFields};

constexpr FieldSchema kSelfSubjectReviewStatusFields[] = {message(1, "userInfo", kUserInfo)};
constexpr MessageSchema kSelfSubjectReviewStatus{"SelfSubjectReviewStatus", kSelfSubjectReviewStatusFields};

constexpr FieldSchema kSelfSubjectReviewFields[] = {
    message(1, "metadata", kObjectMeta),
    message(2, "status", kSelfSubjectReviewStatus),
};
constexpr MessageSchema kSelfSubjectReview{"SelfSubjectReview", kSelfSubjectReviewFields};

struct KindEntry {
    const char *apiVersion;
    const char *kind;
    const MessageSchema *schema;
};

// The beta versions of the reviews share the v1 field numbers (checked against their
// generated.proto); kubectl falls back to them against older servers.
constexpr KindEntry kKinds[] = {
    {"v1", "Secret", &kSecret},
    {"v1", "ConfigMap", &kConfigMap},
    {"v1", "Namespace", &kNamespace},
    {"v1", "ServiceAccount", &kServiceAccount},
    {"authorization.k8s.io/v1", "SelfSubjectAccessReview", &kSelfSubjectAccessReview},
    {"authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", &kSelfSubjectAccessReview},
    {"authorization.k8s.io/v1", "SelfSubjectRulesReview", &kSelfSubjectRulesReview},
    {"authorization.k8s.io/v1beta1", "SelfSubjectRulesReview", &kSelfSubjectRulesReview},
    {"authentication.k8s.io/v1", "SelfSubjectReview", &kSelfSubjectReview},
    {"authentication.k8s.io/v1beta1", "SelfSubjectReview", &kSelfSubjectReview},
    {"authentication.k8s.io/v1alpha1", "SelfSubjectReview", &kSelfSubjectReview},
};

} // namespace

const MessageSchema *schemaForKind(QStringView apiVersion, QStringView kind)
{
    // DeleteOptions is registered in every group-version (client-go encodes it with the
    // group-version of the resource being deleted: "v1" for Helm's release Secrets).
    if (kind == u"DeleteOptions" && !apiVersion.isEmpty())
        return &kDeleteOptions;
    for (const KindEntry &entry : kKinds) {
        if (kind == QLatin1String(entry.kind) && apiVersion == QLatin1String(entry.apiVersion))
            return entry.schema;
    }
    return nullptr;
}

} // namespace fd::sim::proto
