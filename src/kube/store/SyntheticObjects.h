#pragma once

#include <QByteArray>
#include <QtGlobal>

// Deterministic generators of realistic Kubernetes JSON (Fission pool pods and Functions) as an
// apiserver serialises them: compact, Go field order, managedFields included. Shared by the
// store tests (memory ratio) and fd-bench-store; not linked into the application.
namespace fd::kube::synthetic {

struct Options {
    // Lean: ~2.5 KB per pod (close to the corpus the project measured: 45.7 MB for 20,000 pods),
    // one kubelet managedFields entry. Full: ~5.3 KB, what a real cluster returns for a pool pod
    // (projected token volume, tolerations, probes, image digests, three managers).
    enum class Detail { Lean, Full };
    Detail detail = Detail::Lean;
    quint64 seed = 1;
    // Share of pods that the executor has specialised (extra labels/annotations).
    int specializedPercent = 30;
    // Number of distinct environments the pool pods belong to.
    int environments = 40;
};

// One pod as a list item (no kind/apiVersion, like items of a built-in list).
QByteArray podJson(int index, const Options &options = {});
// One Fission Function (fission.io/v1) with kind/apiVersion, like items of a CR list.
QByteArray functionJson(int index, const Options &options = {});

// A list page of `count` items starting at `first`: {"kind":"PodList","apiVersion":"v1",
// "metadata":{"resourceVersion":…,"continue":…,"remainingItemCount":…},"items":[…]}.
// `total` is the size of the whole collection (sets continue/remainingItemCount).
QByteArray podListPage(int first, int count, int total, const Options &options = {});
QByteArray functionListPage(int first, int count, int total, const Options &options = {});

// Watch stream lines ("{"type":…,"object":…}\n").
QByteArray watchEventLine(const QByteArray &type, const QByteArray &objectJson);

} // namespace fd::kube::synthetic
