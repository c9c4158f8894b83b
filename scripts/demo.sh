#!/usr/bin/env bash
# Installs what Fission Desk needs, builds it and starts it on the built-in demo clusters.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
"$here/scripts/install-deps.sh"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWITH_TESTS=OFF -DWITH_BENCH=OFF
cmake --build build/release -j"$(nproc)"
if [ -x build/release/src/app/fission-desk ]; then
  exec build/release/src/app/fission-desk --demo "$@"
fi
# Until the desktop app exists: the emulator alone, with a kubeconfig for kubectl and helm.
kubeconfig="$here/build/demo-kubeconfig"
echo "Starting the Kubernetes emulator; in another terminal: KUBECONFIG=$kubeconfig kubectl get namespaces"
exec build/release/src/app/fission-desk-sim --profile empty --kubeconfig-out "$kubeconfig" "$@"
