#!/usr/bin/env bash
# Make this machine able to build and test citizenscan: install the Debian packages that are missing
# and fetch the pinned tree-sitter tarballs. Idempotent; quick and silent when everything is there.
# Needs root (or sudo) only when a package is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake pkg-config ca-certificates
  nodejs npm
  libre2-dev nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-jsonschema
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

"$here/scripts/fetch-grammars.sh" "${CITIZENSCAN_CACHE:-$HOME/.cache/citizenscan}" core grammar test
