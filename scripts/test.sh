#!/usr/bin/env bash
# Builds Fission Desk and runs every test: the normal build (warnings are errors) with the
# whole ctest suite and the .deb package, then the ASan+UBSan build with the suite again.
# FD_SKIP_ASAN=1 skips the sanitizer stage locally.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
jobs=${FD_JOBS:-$(nproc)}

"$here/scripts/install-deps.sh"
export FD_TOOLS_DIR="$here/build/tools"

stage() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

stage "build"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWITH_WERROR=ON
cmake --build build/release -j"$jobs"

stage "tests"
ctest --test-dir build/release -j"$jobs" --output-on-failure --timeout 300

stage "package"
(cd build/release && cpack -G DEB >/dev/null && ls -1 ./*.deb)

if [ "${FD_SKIP_ASAN:-0}" != 1 ]; then
  stage "sanitizer build (ASan+UBSan)"
  cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWITH_ASAN=ON -DWITH_WERROR=ON -DWITH_BENCH=OFF
  cmake --build build/asan -j"$jobs"
  stage "tests under ASan+UBSan"
  ctest --test-dir build/asan -j"$jobs" --output-on-failure --timeout 600
fi

stage "done"
