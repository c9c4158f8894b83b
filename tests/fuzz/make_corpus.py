#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers in tests/fuzz/corpus/<target>/.

Run from anywhere: python3 tests/fuzz/make_corpus.py. The files are small, realistic inputs
(what kubectl, helm and the apiserver really send), written by hand here, and committed; rerun
after changing this script. Protobuf request bodies come from tests/sim/codec/data (captured
from real kubectl and helm). Files of a target that this script does not write are removed.
"""

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
PROTOBUF = HERE.parent / "sim" / "codec" / "data"


def write_target(target, files):
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.iterdir():
        if old.name not in files:
            old.unlink()
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode()
        (directory / name).write_bytes(data)


def compact(obj):
    return json.dumps(obj, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
# fuzz_sim_request: requests to the emulator, separated by a "%%%%" line.

def request(method, target, body=b"", headers=None):
    head = f"{method} {target}\n"
    for name, value in (headers or {}).items():
        head += f"{name}: {value}\n"
    data = body if isinstance(body, bytes) else body.encode()
    return head.encode() + b"\n" + data


def script(*requests):
    return b"\n%%%%\n".join(requests)


JSON = {"content-type": "application/json"}


def cm(name, namespace="default", data=None, labels=None):
    meta = {"name": name, "namespace": namespace}
    if labels:
        meta["labels"] = labels
    return compact({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": data or {"k": "v"}})


def deployment(name, image="nginx:1.27", replicas=2):
    return compact({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "labels": {"app": name}},
        "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                 "template": {"metadata": {"labels": {"app": name}},
                              "spec": {"containers": [{"name": "web", "image": image,
                                                       "ports": [{"containerPort": 80}],
                                                       "env": [{"name": "MODE", "value": "prod"}]}]}}}})


CRD = compact({
    "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
    "metadata": {"name": "widgets.example.com"},
    "spec": {"group": "example.com", "scope": "Namespaced",
             "names": {"plural": "widgets", "singular": "widget", "kind": "Widget", "shortNames": ["wd"]},
             "versions": [{"name": "v1", "served": True, "storage": True,
                           "subresources": {"status": {}},
                           "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                               "spec": {"type": "object", "properties": {
                                   "size": {"type": "integer", "minimum": 0},
                                   "color": {"type": "string", "enum": ["red", "blue"]}}},
                               "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": True}}}}}]}})


def sim_request_corpus():
    files = {}
    ns = "/api/v1/namespaces"
    cms = f"{ns}/default/configmaps"
    files["crud_configmap"] = script(
        request("POST", cms, cm("a", labels={"app": "web", "tier": "front"}), JSON),
        request("GET", f"{cms}/a"),
        request("PUT", f"{cms}/a", cm("a", data={"k": "v2"}), JSON),
        request("DELETE", f"{cms}/a"))
    files["list_selectors"] = script(
        request("POST", cms, cm("b", labels={"app": "web"}), JSON),
        request("POST", cms, cm("c", labels={"app": "db", "tier": "back"}), JSON),
        request("GET", f"{cms}?labelSelector=app%20in%20(web,db),tier!=front"),
        request("GET", "/api/v1/configmaps?fieldSelector=metadata.namespace%3Ddefault,metadata.name!=b"),
        request("GET", f"{cms}?labelSelector=!tier&limit=1"))
    files["pagination"] = script(
        *[request("POST", cms, cm(f"p{i}"), JSON) for i in range(5)],
        request("GET", f"{cms}?limit=2"),
        request("GET", f"{cms}?limit=2&continue=eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6IjEwIiwic3RhcnQiOiJkZWZhdWx0L3AxXHUwMDAwIn0"),
        request("GET", f"{cms}?limit=2&resourceVersion=1&resourceVersionMatch=Exact"),
        request("GET", f"{cms}?resourceVersion=999999999"))
    files["namespace_lifecycle"] = script(
        request("POST", ns, compact({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}), JSON),
        request("POST", f"{ns}/team-a/configmaps", cm("x", "team-a"), JSON),
        request("DELETE", f"{ns}/team-a"),
        request("POST", f"{ns}/team-a/configmaps", cm("y", "team-a"), JSON),
        request("PUT", f"{ns}/team-a/finalize",
                compact({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}, "spec": {"finalizers": []}}), JSON),
        request("GET", f"{ns}/team-a"))
    files["missing_namespace"] = script(request("POST", f"{ns}/nope/configmaps", cm("z", "nope"), JSON))
    files["yaml_body"] = script(
        request("POST", f"{ns}/default/secrets",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s1\n  labels: {a: b}\ntype: Opaque\nstringData:\n  password: hunter2\n",
                {"content-type": "application/yaml"}),
        request("GET", f"{ns}/default/secrets/s1", headers={"accept": "application/yaml"}))
    files["merge_patch"] = script(
        request("POST", cms, cm("m"), JSON),
        request("PATCH", f"{cms}/m", compact({"metadata": {"labels": {"x": "1"}}, "data": {"k": None, "n": "2"}}),
                {"content-type": "application/merge-patch+json"}))
    files["json_patch"] = script(
        request("POST", cms, cm("j"), JSON),
        request("PATCH", f"{cms}/j", compact([{"op": "test", "path": "/data/k", "value": "v"},
                                              {"op": "add", "path": "/data/new", "value": "x"},
                                              {"op": "move", "from": "/data/k", "path": "/data/moved"},
                                              {"op": "remove", "path": "/data/new"}]),
                {"content-type": "application/json-patch+json"}),
        request("PATCH", f"{cms}/j", compact([{"op": "test", "path": "/data/k", "value": "nope"}]),
                {"content-type": "application/json-patch+json"}))
    deploys = "/apis/apps/v1/namespaces/default/deployments"
    files["strategic_merge_patch"] = script(
        request("POST", deploys, deployment("web"), JSON),
        request("PATCH", f"{deploys}/web", compact({"spec": {"template": {"spec": {"containers": [
            {"name": "web", "image": "nginx:1.28", "env": [{"name": "MODE", "$patch": "delete"}, {"name": "X", "value": "1"}]},
            {"name": "sidecar", "image": "busybox"}]}}}}),
                {"content-type": "application/strategic-merge-patch+json"}),
        request("GET", f"{deploys}/web/scale"),
        request("PATCH", f"{deploys}/web/scale", compact({"spec": {"replicas": 3}}),
                {"content-type": "application/merge-patch+json"}))
    apply_cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  owner: first\n"
    files["server_side_apply"] = script(
        request("PATCH", f"{cms}/ssa?fieldManager=first", apply_cm, {"content-type": "application/apply-patch+yaml"}),
        request("PATCH", f"{cms}/ssa?fieldManager=second", apply_cm.replace("first", "second"),
                {"content-type": "application/apply-patch+yaml"}),
        request("PATCH", f"{cms}/ssa?fieldManager=second&force=true", apply_cm.replace("first", "second"),
                {"content-type": "application/apply-patch+yaml"}),
        request("GET", f"{cms}/ssa"))
    files["dry_run"] = script(
        request("POST", f"{cms}?dryRun=All", cm("dry"), JSON),
        request("POST", f"{cms}?dryRun=Some", cm("dry"), JSON),
        request("GET", f"{cms}/dry"))
    files["stale_update"] = script(
        request("POST", cms, cm("st"), JSON),
        request("PUT", f"{cms}/st", compact({"apiVersion": "v1", "kind": "ConfigMap",
                                             "metadata": {"name": "st", "resourceVersion": "1"}, "data": {}}), JSON))
    files["watch_then_writes"] = script(
        request("GET", f"{cms}?watch=1&allowWatchBookmarks=true&resourceVersion=0&labelSelector=app%3Dw"),
        request("POST", cms, cm("w1", labels={"app": "w"}), JSON),
        request("PATCH", f"{cms}/w1", compact({"metadata": {"labels": {"app": "other"}}}),
                {"content-type": "application/merge-patch+json"}),
        request("DELETE", f"{cms}/w1"))
    files["watch_list"] = script(
        request("GET", f"{cms}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true"),
        request("GET", f"{cms}?watch=true&sendInitialEvents=true"),
        request("GET", f"/api/v1/watch/namespaces/default/configmaps?resourceVersion=1&timeoutSeconds=1"))
    files["compact_then_watch"] = script(
        request("POST", "/_sim/faults", compact({"compact": True}), JSON),
        request("GET", f"{cms}?watch=1&resourceVersion=2"),
        request("GET", f"{cms}?limit=1&continue=eyJydiI6IjIiLCJzdGFydCI6ImEifQ"))
    files["faults"] = script(
        request("POST", "/_sim/faults", compact({"failNextRequests": 1, "failStatus": 429, "retryAfterSeconds": 2}), JSON),
        request("GET", cms),
        request("POST", "/_sim/faults", compact({"failNextRequests": 1, "failStatus": 503, "failOnlyPathContaining": "secrets"}), JSON),
        request("GET", f"{ns}/default/secrets"),
        request("GET", "/_sim/faults"))
    files["drop_watches"] = script(
        request("GET", f"{cms}?watch=1"),
        request("POST", "/_sim/faults", compact({"dropWatches": True, "bookmarkIntervalMs": 10}), JSON))
    files["rbac_viewer"] = script(
        request("GET", cms, headers={"x-fuzz-user": "viewer"}),
        request("POST", cms, cm("v"), {**JSON, "x-fuzz-user": "viewer"}),
        request("GET", f"{ns}/default/secrets", headers={"x-fuzz-user": "viewer"}))
    files["rbac_developer"] = script(
        request("GET", ns, headers={"x-fuzz-user": "developer"}),
        request("POST", cms, cm("dev"), {**JSON, "x-fuzz-user": "developer"}),
        request("GET", "/api/v1/namespaces/kube-system/configmaps", headers={"x-fuzz-user": "developer"}),
        request("GET", "/version", headers={"x-fuzz-user": "not-a-token"}))
    review = compact({"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                      "spec": {"resourceAttributes": {"namespace": "default", "verb": "create", "resource": "pods"}}})
    rules = compact({"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectRulesReview", "spec": {"namespace": "default"}})
    files["access_reviews"] = script(
        request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review, {**JSON, "x-fuzz-user": "developer"}),
        request("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", rules, {**JSON, "x-fuzz-user": "viewer"}),
        request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                compact({"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"}), JSON))
    files["discovery"] = script(
        request("GET", "/version"), request("GET", "/api"),
        request("GET", "/apis", headers={"accept": "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"}),
        request("GET", "/apis/apps"), request("GET", "/apis/apps/v1"), request("GET", "/api/v1"),
        request("GET", "/healthz"), request("GET", "/openapi/v2"))
    files["openapi"] = script(request("GET", "/openapi/v3"), request("GET", "/openapi/v3/apis/apps/v1"),
                              request("GET", "/openapi/v3/api/v1?hash=abc"))
    files["crd_and_custom_resource"] = script(
        request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", CRD, JSON),
        request("POST", "/apis/example.com/v1/namespaces/default/widgets",
                compact({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"},
                         "spec": {"size": 3, "color": "red", "unknown": 1}}), JSON),
        request("PUT", "/apis/example.com/v1/namespaces/default/widgets/w/status",
                compact({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}, "status": {"ok": True}}), JSON),
        request("GET", "/apis/example.com/v1/widgets"),
        request("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com"))
    files["deployment_rollout"] = script(
        request("POST", deploys, deployment("roll", replicas=3), JSON),
        request("GET", "/apis/apps/v1/namespaces/default/replicasets"),
        request("GET", f"{ns}/default/pods?labelSelector=app%3Droll"),
        request("PATCH", f"{deploys}/roll", compact({"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:2"}]}}}}),
                {"content-type": "application/strategic-merge-patch+json"}),
        request("DELETE", f"{deploys}/roll", compact({"kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Foreground"}), JSON))
    pod = compact({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "logger"},
                   "spec": {"containers": [{"name": "main", "image": "busybox"}]}})
    files["pod_logs"] = script(
        request("POST", f"{ns}/default/pods", pod, JSON),
        request("GET", f"{ns}/default/pods/logger/log?tailLines=5&timestamps=true"),
        request("GET", f"{ns}/default/pods/logger/log?follow=true&container=main&sinceSeconds=10"),
        request("GET", f"{ns}/default/pods/logger/log?previous=true"),
        request("DELETE", f"{ns}/default/pods/logger?gracePeriodSeconds=0"))
    job = compact({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "once"},
                   "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "busybox"}]}}}})
    files["job_and_gc"] = script(
        request("POST", "/apis/batch/v1/namespaces/default/jobs", job, JSON),
        request("DELETE", "/apis/batch/v1/namespaces/default/jobs/once?propagationPolicy=Background"),
        request("DELETE", f"{ns}/default/pods?labelSelector=job-name%3Donce"))
    files["finalizers_and_preconditions"] = script(
        request("POST", cms, compact({"apiVersion": "v1", "kind": "ConfigMap",
                                      "metadata": {"name": "fin", "finalizers": ["example.com/keep"]}}), JSON),
        request("DELETE", f"{cms}/fin", compact({"preconditions": {"uid": "wrong"}}), JSON),
        request("DELETE", f"{cms}/fin"),
        request("PATCH", f"{cms}/fin", compact({"metadata": {"finalizers": None}}), {"content-type": "application/merge-patch+json"}))
    files["delete_collection"] = script(
        request("POST", cms, cm("dc1", labels={"batch": "1"}), JSON),
        request("POST", cms, cm("dc2", labels={"batch": "1"}), JSON),
        request("DELETE", f"{cms}?labelSelector=batch%3D1&dryRun=All"),
        request("DELETE", f"{cms}?labelSelector=batch%3D1"))
    files["bad_bodies"] = script(
        request("POST", cms, '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":', JSON),
        request("POST", cms, compact({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "wrongkind"}}), JSON),
        request("POST", cms, compact({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "Bad_Name"}}), JSON),
        request("POST", cms, "key: [unclosed", {"content-type": "application/yaml"}),
        request("POST", cms, "\x00\x01\x02", {"content-type": "application/vnd.kubernetes.protobuf"}),
        request("POST", cms, "<xml/>", {"content-type": "application/xml"}),
        request("PATCH", f"{cms}/missing", "{}", {"content-type": "application/merge-patch+json"}),
        request("PUT", "/api/v1/namespaces/default/configmaps", cm("nopath"), JSON))
    files["odd_paths"] = script(
        request("GET", "/api/v1/namespaces/default/configmaps/a/b/c"),
        request("GET", "/apis/nope.example.com/v1/things"),
        request("GET", "/api/v1/nodes/sim-node-1/proxy/metrics"),
        request("GET", "/api/v1/namespaces/default/services/web:80/proxy/healthz"),
        request("OPTIONS", "/api/v1/pods"),
        request("HEAD", "/api/v1/namespaces"),
        request("GET", "/apis/apps/v1/watch/deployments"),
        request("GET", "/%2e%2e/api/v1?x=%zz&y=1;z=2"))
    files["service_account_token"] = script(
        request("POST", f"{ns}/default/serviceaccounts",
                compact({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "robot"}}), JSON),
        request("POST", f"{ns}/default/serviceaccounts/robot/token",
                compact({"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": {"audiences": ["api"]}}), JSON))
    rbac = compact({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "reader"},
                    "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]})
    binding = compact({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "reader"},
                       "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "reader"},
                       "subjects": [{"kind": "User", "name": "viewer", "apiGroup": "rbac.authorization.k8s.io"}]})
    files["rbac_objects"] = script(
        request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", rbac, JSON),
        request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", binding, JSON),
        request("GET", cms, headers={"x-fuzz-user": "viewer"}))
    workloads = {
        "statefulset": ("/apis/apps/v1/namespaces/default/statefulsets", {
            "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
            "spec": {"serviceName": "db", "replicas": 1, "selector": {"matchLabels": {"app": "db"}},
                     "template": {"metadata": {"labels": {"app": "db"}}, "spec": {"containers": [{"name": "db", "image": "postgres"}]}},
                     "volumeClaimTemplates": [{"metadata": {"name": "data"},
                                               "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}]}}),
        "daemonset": ("/apis/apps/v1/namespaces/default/daemonsets", {
            "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
            "spec": {"selector": {"matchLabels": {"app": "agent"}},
                     "template": {"metadata": {"labels": {"app": "agent"}}, "spec": {"containers": [{"name": "a", "image": "agent"}]}}}}),
        "service": (f"{ns}/default/services", {
            "apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
            "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080}]}}),
        "hpa": ("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", {
            "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": "web"},
            "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 1, "maxReplicas": 5}}),
        "pdb": ("/apis/policy/v1/namespaces/default/poddisruptionbudgets", {
            "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "web"},
            "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "web"}}}}),
        "cronjob": ("/apis/batch/v1/namespaces/default/cronjobs", {
            "apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"},
            "spec": {"schedule": "0 3 * * *", "jobTemplate": {"spec": {"template": {"spec": {
                "restartPolicy": "OnFailure", "containers": [{"name": "c", "image": "busybox"}]}}}}}}),
        "lease": ("/apis/coordination.k8s.io/v1/namespaces/kube-system/leases", {
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": "leader"},
            "spec": {"holderIdentity": "me", "leaseDurationSeconds": 15}}),
        "webhook": ("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", {
            "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
            "metadata": {"name": "hook"}, "webhooks": []}),
        "pvc": (f"{ns}/default/persistentvolumeclaims", {
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}),
    }
    for name, (path, obj) in workloads.items():
        files[f"create_{name}"] = script(request("POST", path, compact(obj), JSON),
                                          request("GET", f"{path}/{obj['metadata']['name']}"))
    protobuf = {"content-type": "application/vnd.kubernetes.protobuf", "accept": "application/json"}
    captured = {
        "kubectl133-create-secret-generic.bin": ("POST", f"{ns}/default/secrets"),
        "kubectl133-create-configmap.bin": ("POST", f"{ns}/team-a/configmaps"),
        "kubectl133-create-namespace.bin": ("POST", ns),
        "kubectl133-create-serviceaccount.bin": ("POST", f"{ns}/default/serviceaccounts"),
        "kubectl133-create-deployment.bin": ("POST", deploys),
        "kubectl133-can-i-create-pods.bin": ("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
        "kubectl133-can-i-list.bin": ("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"),
        "kubectl133-whoami.bin": ("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews"),
        "helm41-install-secret-post.bin": ("POST", f"{ns}/default/secrets"),
        "helm41-delete-options.bin": ("DELETE", f"{ns}/default/secrets/sh.helm.release.v1.rel1.v1"),
    }
    for name, (method, path) in captured.items():
        body = (PROTOBUF / name).read_bytes()
        files["protobuf_" + name.removesuffix(".bin")] = script(request(method, path, body, protobuf))
    return files


# ---------------------------------------------------------------------------------------------
# fuzz_sim_http1: raw bytes a client sends on one HTTP/1.1 connection. The last byte also
# chooses how the bytes are split into reads (0: one read, 1: byte by byte).

def http1_corpus():
    crlf = lambda text: text.replace("\n", "\r\n").encode()
    files = {
        "get": crlf("GET /version HTTP/1.1\nHost: x\n\n"),
        "pipelined": crlf("GET /a HTTP/1.1\nHost: x\n\nGET /b HTTP/1.1\nHost: x\n\nHEAD /c HTTP/1.1\nHost: x\n\n"),
        "post_body": crlf("POST /api/v1/namespaces/default/configmaps HTTP/1.1\nHost: x\nContent-Type: application/json\n"
                          "Content-Length: 15\n\n") + b'{"kind":"x"}\r\n\r\n',
        "chunked_body": crlf("PUT /stream HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n5\nhello\n6\n world\n0\n\n"),
        "chunked_trailer": crlf("POST /e HTTP/1.1\nTransfer-Encoding: chunked\n\n3;ext=1\nabc\n0\nX-Trailer: t\n\n"),
        "hold_then_pipelined": crlf("GET /hold/watch HTTP/1.1\nHost: x\n\nGET /after HTTP/1.1\nHost: x\n\n"),
        "hold_hang_up": crlf("GET /hold HTTP/1.1\nHost: x\n\nGET /never HTTP/1.1\n\n") + b"\x80",
        "abort": crlf("GET /abort HTTP/1.1\nHost: x\n\nGET /lost HTTP/1.1\n\n"),
        "empty_204": crlf("DELETE /empty HTTP/1.1\nHost: x\nContent-Length: 0\n\n"),
        "http10_close": crlf("GET /old HTTP/1.0\n\n"),
        "keepalive_close": crlf("GET /a HTTP/1.1\nConnection: close\n\nGET /b HTTP/1.1\n\n"),
        "too_large_length": crlf("POST /big HTTP/1.1\nContent-Length: 999999\n\n") + b"x" * 64,
        "too_large_chunked": crlf("POST /big HTTP/1.1\nTransfer-Encoding: chunked\n\n1001\n") + b"y" * 4200 + b"\r\n0\r\n\r\n",
        "bad_target": crlf("GET /a%zz HTTP/1.1\n\n"),
        "bad_method": crlf("BREW /pot HTTP/1.1\n\n"),
        "absolute_form": crlf("GET https://example.com:6443/api/v1?watch=1&x=%20 HTTP/1.1\nHost: example.com\n\n"),
        "asterisk": crlf("OPTIONS * HTTP/1.1\nHost: x\n\n"),
        "folded_headers": crlf("GET /f HTTP/1.1\nX-Long: a\n b\nHost: x\n\n"),
        "upgrade": crlf("GET /ws HTTP/1.1\nHost: x\nConnection: Upgrade\nUpgrade: websocket\n\nGET /next HTTP/1.1\n\n"),
        "connect": crlf("CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n"),
        "expect_continue": crlf("POST /x HTTP/1.1\nExpect: 100-continue\nContent-Length: 2\n\nok"),
        "garbage": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 20,
        "bytewise_pipeline": crlf("GET /stream HTTP/1.1\n\nPOST /p HTTP/1.1\nContent-Length: 3\n\nabc") + b"\x01",
        "many_headers": crlf("GET /h HTTP/1.1\n" + "".join(f"X-H{i}: {i}\n" for i in range(40)) + "\n"),
    }
    return files


# ---------------------------------------------------------------------------------------------
# Client side: objects, lists, Status errors and watch streams as the apiserver sends them.

MANAGED = [{"manager": "kubectl-client-side-apply", "operation": "Update", "apiVersion": "v1",
            "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1",
            "fieldsV1": {"f:metadata": {"f:labels": {".": {}, "f:app": {}}}}}]


def pod(name, namespace="fission-function", rv="1001", labels=None, owners=True, deleting=False, managed=True):
    meta = {"name": name, "namespace": namespace, "uid": f"uid-{name}", "resourceVersion": rv,
            "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
            "labels": labels or {"app": "pool", "environmentName": "nodejs", "functionName": "hello"}}
    if owners:
        meta["ownerReferences"] = [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "pool-abc",
                                    "uid": "uid-rs", "controller": True, "blockOwnerDeletion": True}]
    if deleting:
        meta["deletionTimestamp"] = "2026-01-01T00:01:00Z"
        meta["finalizers"] = ["example.com/x"]
    if managed:
        meta["managedFields"] = MANAGED
    return {"metadata": meta,
            "spec": {"containers": [{"name": "nodejs", "image": "fission/node-env:1.32",
                                     "resources": {"requests": {"cpu": "10m", "memory": "16Mi"}}}]},
            "status": {"phase": "Running", "podIP": "10.0.0.7",
                       "conditions": [{"type": "Ready", "status": "True"}]}}


def typed(obj, api="v1", kind="Pod"):
    return {"apiVersion": api, "kind": kind, **obj}


def status(code, reason, message, causes=None, retry=None):
    s = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": message,
         "reason": reason, "code": code}
    details = {}
    if causes:
        details["causes"] = causes
    if retry is not None:
        details["retryAfterSeconds"] = retry
    if details:
        s["details"] = details
    return s


def decode_corpus():
    files = {
        "pod": compact(typed(pod("p1"))),
        "pod_untyped": compact(pod("p2", managed=False)),
        "pod_deleting": compact(typed(pod("p3", deleting=True))),
        "pod_pretty": json.dumps(typed(pod("p4")), indent=2),
        "configmap_escapes": compact({"apiVersion": "v1", "kind": "ConfigMap",
                                      "metadata": {"name": "caf\u00e9-\\u0041", "namespace": "d\u00e9v",
                                                   "labels": {"a\"b": "c\\d", "\u65e5\u672c": "\u2603"}},
                                      "data": {"k": "line1\nline2\t\u0000"}}),
        "namespace": compact({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "tenant-a", "uid": "u",
                                                                                  "resourceVersion": "5"},
                              "status": {"phase": "Active"}}),
        "function_cr": compact({"apiVersion": "fission.io/v1", "kind": "Function",
                                "metadata": {"name": "hello", "namespace": "default", "resourceVersion": "77",
                                             "generation": 3, "managedFields": MANAGED},
                                "spec": {"environment": {"name": "nodejs", "namespace": "default"},
                                         "package": {"packageref": {"name": "hello-pkg", "namespace": "default"}},
                                         "InvokeStrategy": {"StrategyType": "execution",
                                                            "ExecutionStrategy": {"ExecutorType": "poolmgr"}}}}),
        "pod_list": compact({"kind": "PodList", "apiVersion": "v1",
                             "metadata": {"resourceVersion": "2000", "continue": "eyJ2IjoibWV0YSJ9", "remainingItemCount": 40},
                             "items": [pod("l1"), pod("l2", rv="1002", owners=False)]}),
        "list_kind_after_items": compact({"items": [pod("k1", managed=False)], "kind": "PodList", "apiVersion": "v1",
                                          "metadata": {"resourceVersion": "9"}}),
        "empty_list": compact({"kind": "ConfigMapList", "apiVersion": "v1", "metadata": {"resourceVersion": "3"}, "items": []}),
        "null_items": compact({"kind": "SecretList", "apiVersion": "v1", "metadata": None, "items": None}),
        "status_not_found": compact(status(404, "NotFound", 'pods "x" not found')),
        "status_invalid": compact(status(422, "Invalid", 'ConfigMap "Bad" is invalid',
                                         [{"reason": "FieldValueInvalid", "message": "Invalid value", "field": "metadata.name"}])),
        "status_throttled": compact(status(429, "TooManyRequests", "slow down", retry=7)),
        "status_rv_too_large": compact(status(504, "Timeout", "Too large resource version: 10, current: 5",
                                              [{"reason": "ResourceVersionTooLarge", "message": "Too large resource version"}])),
        "status_conflict": compact(status(409, "Conflict", "the object has been modified")),
        "html_error": "<html><body><h1>502 Bad Gateway</h1>\r\n</body></html>",
        "event_added": compact({"type": "ADDED", "object": typed(pod("e1"))}),
        "event_bookmark": compact({"type": "BOOKMARK", "object": {"kind": "Pod", "apiVersion": "v1", "metadata": {
            "resourceVersion": "12345", "annotations": {"k8s.io/initial-events-end": "true"}}}}),
        "event_error": compact({"type": "ERROR", "object": status(410, "Expired", "too old resource version: 1 (5)")}),
        "event_deleted_untyped": compact({"object": pod("e2", managed=False), "type": "DELETED"}),
        "big_numbers": compact({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "n", "generation": 9223372036854775807},
                                "data": {}, "x": [1e308, -0.0, 12345678901234567890, True, False, None]}),
        "deep": '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"x":' + "[" * 150 + "]" * 150 + "}",
        "duplicate_keys": '{"metadata":{"name":"a","name":"b","labels":{"x":"1","x":"2"}},"kind":"Pod","apiVersion":"v1"}',
        # Regression (was accepted and stored as invalid JSON): a ':' after a plain string value.
        "regression_colon_after_string": '{"metadata":{"name":"p","":"":]}}',
        "many_labels": compact({"apiVersion": "v1", "kind": "Pod",
                                "metadata": {"name": "labels", "labels": {f"example.com/l{i}": str(i) for i in range(60)}}}),
    }
    return files


def watch_corpus():
    lines = lambda *events: "".join(compact(e) + "\n" for e in events)
    added = {"type": "ADDED", "object": typed(pod("w1"))}
    modified = {"type": "MODIFIED", "object": typed(pod("w1", rv="1003", managed=False))}
    deleted = {"type": "DELETED", "object": pod("w1", rv="1004", managed=False)}
    bookmark = {"type": "BOOKMARK", "object": {"kind": "Pod", "apiVersion": "v1", "metadata": {"resourceVersion": "1005"}}}
    initial_end = {"type": "BOOKMARK", "object": {"kind": "Pod", "apiVersion": "v1", "metadata": {
        "resourceVersion": "1006", "annotations": {"k8s.io/initial-events-end": "true"}}}}
    gone = {"type": "ERROR", "object": status(410, "Expired", "too old resource version: 5 (9)")}
    files = {
        "stream": lines(added, modified, deleted),
        "bookmarks": lines(added, bookmark, initial_end),
        "crlf": lines(added, modified).replace("\n", "\r\n"),
        "blank_lines": "\n\n" + lines(added) + "\r\n  \n" + lines(deleted),
        "no_final_newline": lines(added) + compact(modified),
        "error_event": lines(added, gone),
        "bad_second_line": lines(added) + '{"type":"MODIFIED","object":{"metadata":{}}}\n' + lines(deleted),
        "unknown_type": lines(added) + compact({"type": "SYNC", "object": typed(pod("x"))}) + "\n",
        "truncated": lines(added)[:-40],
        "long_line_small_limit": lines(added, added) + "\xff",
        "single_byte_chunks": lines(added, bookmark) + "\x01",
        "pretty_is_invalid": json.dumps(added, indent=1) + "\n",
        "not_json": "HTTP/1.1 500 Internal Server Error\r\n\r\noops\n",
        "empty_object_event": '{"type":"ADDED","object":{}}\n',
        "many_small_events": lines(*[{"type": "MODIFIED", "object": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
            "name": f"cm{i}", "namespace": "default", "resourceVersion": str(100 + i)}, "data": {"i": str(i)}}} for i in range(30)]),
        "only_bookmarks": lines(bookmark, bookmark, initial_end, bookmark),
        "error_500": lines(added, {"type": "ERROR", "object": status(500, "InternalError", "etcd is unhappy")}),
        "error_not_status": lines({"type": "ERROR", "object": {"kind": "Pod", "metadata": {"name": "x"}}}),
        "escapes": lines({"type": "ADDED", "object": {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
            "name": "esc", "labels": {"k\"q": "v\\\n\u00e9"}}, "data": {"x": "\u0000\u001f\ud83d\ude00"}}}),
        "crlf_split_point": lines(added).replace("\n", "\r\n") + "\r",
        "whitespace_around": "  " + compact(added) + "  \n\t" + compact(deleted) + "\t\r\n",
        "nul_and_garbage": lines(added) + "\x00\x00\n" + lines(deleted),
        "bookmark_with_managed_fields": lines({"type": "BOOKMARK", "object": typed(pod("bm", rv="77"))}),
    }
    return files


# ---------------------------------------------------------------------------------------------
# fuzz_kube_kubeconfig: kubeconfig files separated by "%%%%" lines; an optional first line
# "#fuzz explicit context=NAME namespace=NS". Relative paths name the fixtures the fuzzer
# creates: ca.crt, client.crt, client.key, ec.crt, ec.key, token, bin/kubelogin, notexec.

# A throw-away self-signed EC certificate and its key, generated for this corpus only (inline
# *-data fields; the fuzzer's own fixture files are generated at start-up).
CORPUS_CERT = """-----BEGIN CERTIFICATE-----
MIIBgzCCASmgAwIBAgIUJQXJCnWEAvYcxpjOxzbvl/nGdAQwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLZnV6ei1jb3JwdXMwIBcNMjYxMjA3MDA1ODU4WhgPMjEyNjEx
MTMwMDU4NThaMBYxFDASBgNVBAMMC2Z1enotY29ycHVzMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEd4ch2LXFhbdRlzjrFtw5HxlDxbVZ8t8ToCuJ27N841LDySV0
DaHozJF65/0neCJ5Nyfubbs/z5eatwuCOud4waNTMFEwHQYDVR0OBBYEFBoQinP5
/ETGmnxReo3qC/yl7IMZMB8GA1UdIwQYMBaAFBoQinP5/ETGmnxReo3qC/yl7IMZ
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgOigQKaiSwzx1Zj0D
OPUASQR8+mfxPnjtmLMYxYnp39gCIQDy6zdKS3HdjNfiIsZa1FwoV81IKNaVhiEm
Sob2xULRqw==
-----END CERTIFICATE-----
"""
CORPUS_KEY = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjgRj8SoWpqV44BSh
LRtz5bEsiPqtLLMn8KBycda0LBShRANCAAR3hyHYtcWFt1GXOOsW3DkfGUPFtVny
3xOgK4nbs3zjUsPJJXQNoejMkXrn/Sd4Ink3J+5tuz/Pl5q3C4I653jB
-----END PRIVATE KEY-----
"""


def b64(text):
    import base64
    return base64.b64encode(text.encode()).decode()


def kubeconfig_corpus():
    good = """apiVersion: v1
kind: Config
current-context: dev
preferences: {}
clusters:
- name: dev-cluster
  cluster:
    server: https://dev.example.com:6443
    certificate-authority: ca.crt
    tls-server-name: api.dev.example.com
- name: rancher
  cluster:
    server: https://rancher.example.com/k8s/clusters/c-abc
    insecure-skip-tls-verify: true
    proxy-url: http://proxyuser:proxy-password-123@proxy.example.com:3128
users:
- name: cert-user
  user:
    client-certificate: client.crt
    client-key: client.key
- name: token-user
  user:
    token: dev-token-abcdef123456
contexts:
- name: dev
  context:
    cluster: dev-cluster
    user: cert-user
    namespace: apps
- name: rancher
  context:
    cluster: rancher
    user: token-user
"""
    exec_user = """apiVersion: v1
kind: Config
clusters:
- name: eks
  cluster:
    server: https://ABC.gr7.eu-west-1.eks.amazonaws.com
    certificate-authority-data: bm90LWEtY2VydA==
    extensions:
    - name: client.authentication.k8s.io/exec
      extension:
        audience: sts
users:
- name: aws
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubelogin
      args: [get-token, --cluster-name, prod]
      env:
      - name: AWS_SECRET_ACCESS_KEY
        value: aws-secret-value-987654
      provideClusterInfo: true
      interactiveMode: Never
      installHint: install kubelogin from your package manager
- name: missing-plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: gke-gcloud-auth-plugin
      interactiveMode: IfAvailable
- name: not-executable
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./notexec
contexts:
- name: eks
  context: {cluster: eks, user: aws}
- name: gke
  context: {cluster: eks, user: missing-plugin}
- name: local-plugin
  context: {cluster: eks, user: not-executable}
current-context: eks
"""
    broken = """apiVersion: v1
kind: Config
clusters:
- name: bad-ca
  cluster:
    server: https://bad.example.com
    certificate-authority: /does/not/exist.crt
    insecure-skip-tls-verify: true
- name: no-server
  cluster: {}
- name: bad-url
  cluster:
    server: "ht tp://::bad"
users:
- name: bad-b64
  user:
    client-certificate-data: "!!!not base64!!!"
    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
- name: basic
  user:
    username: admin
    password: basic-password-abcdef
- name: mismatched
  user:
    client-certificate: ec.crt
    client-key: client.key
- name: oidc
  user:
    auth-provider:
      name: oidc
      config:
        id-token: eyJhbGciOiJub25lIn0.eyJleHAiOjE3MDAwMDAwMDB9.
        refresh-token: oidc-refresh-token-123456
        client-secret: oidc-client-secret-654321
        idp-issuer-url: https://issuer.example.com
contexts:
- name: ctx-bad-ca
  context: {cluster: bad-ca, user: bad-b64, namespace: Bad_Namespace}
- name: ctx-missing
  context: {cluster: nowhere, user: nobody}
- name: ctx-basic
  context: {cluster: no-server, user: basic}
- name: ctx-oidc
  context: {cluster: bad-url, user: oidc}
- name: ctx-mismatch
  context: {cluster: bad-ca, user: mismatched}
current-context: does-not-exist
"""
    second = """apiVersion: v1
kind: Config
current-context: second
clusters:
- name: dev-cluster
  cluster:
    server: https://shadowed.example.com
users:
- name: file-token
  user:
    tokenFile: token
    as: impersonated
    as-groups: [admins, devs]
    as-user-extra:
      scopes: [view]
- name: ec-user
  user:
    client-certificate: ec.crt
    client-key: ec.key
contexts:
- name: second
  context: {cluster: dev-cluster, user: file-token, namespace: kube-system}
- name: dev
  context: {cluster: dev-cluster, user: ec-user}
"""
    inline = f"""apiVersion: v1
kind: Config
current-context: inline
clusters:
- name: inline
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority-data: {b64(CORPUS_CERT)}
users:
- name: inline
  user:
    client-certificate-data: {b64(CORPUS_CERT)}
    client-key-data: {b64(CORPUS_KEY)}
- name: pem-in-data
  user:
    client-certificate-data: "{CORPUS_CERT.splitlines()[0]}"
    client-key-data: {b64(CORPUS_KEY)}
- name: only-cert
  user:
    client-certificate-data: {b64(CORPUS_CERT)}
contexts:
- name: inline
  context: {{cluster: inline, user: inline}}
- name: pem-in-data
  context: {{cluster: inline, user: pem-in-data}}
- name: only-cert
  context: {{cluster: inline, user: only-cert}}
"""
    many = "apiVersion: v1\nkind: Config\nclusters:\n" + "".join(
        f"- name: c{i}\n  cluster: {{server: 'https://c{i}.example.com'}}\n" for i in range(40)) + "users:\n" + "".join(
        f"- name: u{i}\n  user: {{token: token-for-user-{i:04d}}}\n" for i in range(40)) + "contexts:\n" + "".join(
        f"- name: ctx{i}\n  context: {{cluster: c{i}, user: u{i % 41}, namespace: ns{i}}}\n" for i in range(40))
    files = {
        "good": good,
        "inline_credentials": inline,
        "many_contexts": many,
        "home_default": "#fuzz home\n" + good,
        "home_default_empty": "#fuzz home namespace=Not_A_Label\n",
        "crlf": good.replace("\n", "\r\n"),
        "two_documents": good + "---\n" + second,
        "relative_paths": "apiVersion: v1\nkind: Config\nclusters:\n- name: r\n  cluster:\n    server: https://r\n"
                          "    certificate-authority: ./sub/../ca.crt\nusers:\n- name: r\n  user:\n    tokenFile: ../"
                          + "x/../token\n    client-certificate: /etc/hostname\n    client-key: .\ncontexts:\n"
                          "- name: r\n  context: {cluster: r, user: r}\ncurrent-context: r\n",
        "exec_v1_always": """apiVersion: v1
kind: Config
users:
- name: interactive
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: /usr/bin/definitely-not-here
      interactiveMode: Always
      provideClusterInfo: yes
      env: [{name: TOKEN, value: exec-env-secret-123456}, {value: nameless}]
clusters:
- {name: c, cluster: {server: "https://c", extensions: [{name: client.authentication.k8s.io/exec, extension: {a: [1, 2]}}]}}
contexts:
- {name: i, context: {cluster: c, user: interactive, extensions: [{name: x, extension: y}]}}
""",
        "exec_plugins": exec_user,
        "broken_entries": broken,
        "merged_two_files": good + "\n%%%%\n" + second,
        "merged_three_files": "#fuzz context=second namespace=team-a\n" + broken + "\n%%%%\n" + second + "\n%%%%\n" + good,
        "explicit_file": "#fuzz explicit context=rancher\n" + good + "\n%%%%\n" + second,
        "syntax_error": good[:400] + "\n  - : [unclosed\n",
        "duplicates": good + "- name: dev\n  context: {cluster: rancher, user: token-user}\n",
        "empty": "",
        "null_document": "~\n",
        "flow_style": '{"apiVersion":"v1","kind":"Config","clusters":[{"name":"c","cluster":{"server":"https://1.2.3.4"}}],'
                      '"users":[{"name":"u","user":{"token":"json-token-value-42"}}],'
                      '"contexts":[{"name":"j","context":{"cluster":"c","user":"u"}}],"current-context":"j"}',
        "anchors": "apiVersion: v1\nkind: Config\nclusters:\n- &c\n  name: a\n  cluster: {server: 'https://a'}\n- *c\n"
                   "users: [{name: u, user: {token: anchored-token-7777}}]\ncontexts:\n- {name: a, context: {cluster: a, user: u}}\n",
        "wrong_types": "apiVersion: v1\nkind: Config\nclusters: {name: x}\nusers:\n- name: [a, b]\n  user: token\n"
                       "contexts:\n- name: c\n  context: [1, 2]\ncurrent-context: {a: b}\n",
        "utf16": "\ufeffapiVersion: v1\nkind: Config\nclusters: []\n".encode("utf-16-le"),
        "tabs_and_bom": "\ufeffapiVersion: v1\nkind: Config\ncontexts:\n\t- name: tab\n",
        "unknown_fields": "apiVersion: v1\nkind: Config\nfoo: bar\nclusters:\n- name: c\n  cluster:\n    server: https://c\n"
                          "    surprise: 1\nusers:\n- name: u\n  user:\n    tokne: typo-token-value-1234\n"
                          "contexts:\n- name: c\n  context: {cluster: c, user: u, extra: x}\n",
    }
    return files


def main():
    write_target("fuzz_sim_request", sim_request_corpus())
    write_target("fuzz_sim_http1", http1_corpus())
    write_target("fuzz_kube_decode", decode_corpus())
    write_target("fuzz_kube_watchparser", watch_corpus())
    write_target("fuzz_kube_kubeconfig", kubeconfig_corpus())


if __name__ == "__main__":
    main()
