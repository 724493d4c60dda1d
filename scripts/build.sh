#!/usr/bin/env bash
# Set up (scripts/setup.sh), configure once and build incrementally into build/ (or $CITIZENSCAN_BUILD).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${CITIZENSCAN_BUILD:-$here/build}
"$here/scripts/setup.sh"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; exit 2; }
fi
jobs=$(nproc 2>/dev/null || echo 2)
if ! cmake --build "$build" -j "$jobs" >"$build.build.log" 2>&1; then
  grep -E 'error|Error|FAILED' -A3 "$build.build.log" | head -60 >&2
  echo "build: failed, full log in $build.build.log" >&2
  exit 2
fi
