#!/usr/bin/env bash
# Installs what Fission Desk needs, builds it and starts it on the built-in demo clusters
# (the emulator runs in-process with the `demo` and `demo-modern` profiles).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
"$here/scripts/install-deps.sh"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DWITH_TESTS=OFF -DWITH_BENCH=OFF
cmake --build build/release -j"$(nproc)"
# Real helm for onboarding: the npm layer's helm when none is installed.
if ! command -v helm >/dev/null && [ -x "$here/build/tools/helm" ]; then
  export PATH="$here/build/tools:$PATH"
fi
exec build/release/src/app/fission-desk --demo "$@"
