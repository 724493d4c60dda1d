#!/usr/bin/env bash
# Make this machine able to build and test citizenscan: install the Debian packages that are missing
# and fetch the pinned tree-sitter tarballs. Idempotent; quick and silent when everything is there.
# Needs root (or sudo) only when a package is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

# Each requirement: the Debian package that provides it, and how to tell it is already there. Tools
# are checked by command, not by package, so a machine whose Node.js or compiler came from elsewhere
# (npm bundled with a nodesource nodejs, say) is not asked to install a conflicting Debian package.
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
need() {  # need PACKAGE CHECK...
  local package=$1; shift
  "$@" || missing+=("$package")
}
need build-essential have_cmd g++
need build-essential have_cmd make
need cmake have_cmd cmake
need pkg-config have_cmd pkg-config
need ca-certificates test -d /etc/ssl/certs
need nodejs have_cmd node
need npm have_cmd npm
need libre2-dev have_pkg libre2-dev
need nlohmann-json3-dev have_pkg nlohmann-json3-dev
need libcli11-dev have_pkg libcli11-dev
need libgtest-dev have_pkg libgtest-dev
need libbenchmark-dev have_pkg libbenchmark-dev
need git have_cmd git   # the inventory tests build a repository with history
need python3 test -x /usr/bin/python3
need python3-jsonschema /usr/bin/python3 -c 'import jsonschema' 2>/dev/null
need chromium have_cmd chromium      # the HTML report test opens the page in headless Chromium
need cmark-gfm have_cmd cmark-gfm    # the Markdown report test renders it with GitHub's cmark fork
need pre-commit have_cmd pre-commit  # the hook test runs `init`'s config through pre-commit and git commit
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

"$here/scripts/fetch-grammars.sh" "${CITIZENSCAN_CACHE:-$HOME/.cache/citizenscan}" core grammar test
