#pragma once

#include "fission/Finding.h"
#include "fission/InstallDetection.h"
#include "fission/TenantModel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Stable JSON for findings, tenants and installs: the CLI's `-o json` and anything scripted on
// top of it. Version 1. Keys are only ever added; a change of meaning bumps "version".
// Texts (title, explanation, notes, symptom text, fix title) are in the user's language; ids,
// rule ids, states, kinds and enum values are stable English tokens meant for scripts.
//
// ObjectRef:
//   {"group": "fission.io", "kind": "Package", "namespace": "test", "name": "hello", "uid": "…"}
//   "group" is omitted for the core group, "namespace" for cluster-scoped objects, "uid" when
//   unknown. Pseudo-objects: {"kind": "HelmRelease", "namespace", "name"} and
//   {"kind": "Cluster", "name": "cluster"}.
//
// Finding:
//   {"id": "<rule>:<subject>", "rule": "namespace-not-watched", "subject": "Namespace/test",
//    "severity": "error" | "warning" | "info", "title": "…", "explanation": "…",
//    "evidence": [{"object": ObjectRef, "fields": [{"path": "status.buildstatus", "value": "failed"}],
//                  "note": "…"}],                      // "fields"/"note" omitted when empty
//    "symptoms": [{"id": "router-404" | "build-pending" | "no-active-pods" | …,
//                  "object": ObjectRef,              // omitted for "… and N more"
//                  "text": "…"}],
//    "fixes": [FixAction]}
//   The id is stable across evaluations: the same cause on the same subject keeps its id.
//
// FixAction: {"type": …, "title": "…", …}, by type:
//   "onboard":           "namespace", "world" (legacy|static|dynamic|cluster|unknown),
//                        "method" (helm-upgrade|create-tenant|remove-opt-out-label),
//                        "releaseNamespace", "releaseName", "restarts": [Deployment names],
//                        "coldStartsFunctions": bool
//   "rebuild-package":   "namespace", "name"
//   "open-logs":         "namespace", "pod" | "selector", "container" (optional), "previous": bool
//   "create-namespace":  "name"
//   "create-tenant":     "namespace"
//   "remove-finalizers": "object": ObjectRef, "finalizers": [..]
//   "rollback-release":  "releaseNamespace", "releaseName", "revision"
//   "inspect-object":    "object": ObjectRef
//
// FindingList (doctor): {"kind": "FindingList", "version": 1, "evaluatedAt": RFC 3339 UTC,
//   "counts": {"error": n, "warning": n, "info": n}, "findings": [Finding]}
// FindingChanges (doctor --watch): {"kind": "FindingChanges", "version": 1, "evaluatedAt": …,
//   "added": [Finding], "resolved": [Finding], "changed": [Finding]}
//
// Tenant:
//   {"namespace": "test", "state": "served" | "not-watched" | "partially-served" |
//    "pending-onboarding" | "terminating" | "missing-namespace" | "unknown",
//    "serving": {"state": "served" | "not-watched" | "partially-served" | "pending-onboarding" | "unknown",
//                "inTemplateEnv": bool, "viaTenant": bool,
//                "servingComponents": [..], "lackingComponents": [..]},
//    "inWatchedSet": bool, "holdsObjects": bool, "tenantObjects": [FissionTenant names],
//    "enabledLabel": "true" | "false" | … (omitted when the label is absent),
//    "namespaceExists": bool (omitted when Namespaces cannot be read), "namespaceTerminating": bool,
//    "counts": {"Function": 3, …}, "objectCount": n}
//
// Install report: {"state": "unknown" | "none" | "single" | "several", "reason": "…" (unknown only),
//   "fissionKindsServed": bool,
//   "installs": [{"releaseNamespace", "releaseName", "version", "chartLabel", "imageTag",
//                 "world", "tenancyMode", "adoptExistingResources": bool, "archivePrunerEnabled": bool,
//                 "watchedNamespaces": [template env union], "tenantNamespaces": [Ready tenants],
//                 "components": [{"name", "kind": "Deployment" | "DaemonSet", "workload",
//                                 "desired", "ready", "updated", "available",
//                                 "consumesNamespaces": bool, "watchedNamespaces": [..],
//                                 "podsOnOldEnv": [pod names]}],
//                 "helm": {"name", "revision", "status", "deployedRevision", "chart", "appVersion",
//                          "decodeError"} (omitted without a release)}]}
//   Helm values are never written out (they may hold secrets).
// TenantList (tenants): {"kind": "TenantList", "version": 1, "install": Install report,
//   "tenants": [Tenant]}

namespace fd::fission::json {

inline constexpr int FormatVersion = 1;

QJsonObject objectRef(const ObjectRef &ref);
QJsonObject fixAction(const FixAction &action);
QJsonObject finding(const Finding &finding);
QJsonArray findings(const QList<Finding> &findings);
QJsonObject findingList(const QList<Finding> &findings, const QDateTime &evaluatedAt);
QJsonObject findingChanges(const FindingsDiff &diff, const QDateTime &evaluatedAt);

QJsonObject tenant(const Tenant &tenant);
QJsonObject installReport(const InstallReport &report);
QJsonObject tenantList(const InstallReport &report, const QList<Tenant> &tenants);

} // namespace fd::fission::json
