#!/usr/bin/env bash
# What the program view costs: `citizenscan inventory` against a plain `citizenscan scan` of the
# same tree, in the same run (the target: inventory <= 1.5x the scan's wall time on 10,000 files).
#
#   bench/inventory.sh [BUILD_DIR] [TREE]      (TREE default /tmp/citizenscan-inventory-bench)
#
# The tree is made once and reproducibly: bench/make_corpus.py --size-mb 160 --seed 3 (about
# 10,300 files, 48 MiB of code, the rest documents and binaries), regrouped 25 files per folder
# (about 410 folders), then the folders are turned into tools in turn: a package.json, a requirements.txt, an appsscript.json
# (clasp project), or nothing (loose scripts); every 8th tool folder is also a git repository with
# two commits by two authors, so the inventory reads history. Then, interleaved so that a busy
# machine slows every command alike, best of 5 (wall) with user+system CPU and peak RSS of that run:
#   scan -f json | inventory -f json | inventory --no-git -f json
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build}/citizenscan
tree=${2:-/tmp/citizenscan-inventory-bench}
runs=${RUNS:-5}

if [ ! -f "$tree/.made" ]; then
  rm -rf "$tree"
  [ -d "$tree.raw" ] || python3 "$here/bench/make_corpus.py" "$tree.raw" --size-mb 160 --seed 3
  # Regroup: 25 files per tool folder (teamNN/toolNNN), in the generator's sorted order.
  python3 - "$tree.raw" "$tree" <<'PY'
import os, sys
raw, out = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, f), raw) for d, _, fs in os.walk(raw) for f in fs if f != "planted.tsv")
for i, rel in enumerate(files):
    tool = i // 25
    folder = os.path.join(out, f"team{tool % 17:02d}", f"tool{tool:04d}")
    os.makedirs(folder, exist_ok=True)
    os.rename(os.path.join(raw, rel), os.path.join(folder, f"{i:05d}_{os.path.basename(rel)}"))
PY
  rm -rf "$tree.raw"
  i=0
  while IFS= read -r folder; do
    case $((i % 4)) in
      0) printf '{"name": "tool-%d", "scripts": {"start": "node index.js"}}\n' "$i" >"$folder/package.json" ;;
      1) printf 'requests==2.31.0\npsycopg2==2.9.9\n' >"$folder/requirements.txt" ;;
      2) printf '{"timeZone": "Etc/UTC", "runtimeVersion": "V8"}\n' >"$folder/appsscript.json" ;;
      3) ;;  # loose scripts
    esac
    if [ $((i % 8)) -eq 0 ]; then
      (cd "$folder" && git -c init.defaultBranch=main init -q &&
        git add -A && GIT_AUTHOR_NAME=Ana GIT_AUTHOR_EMAIL=ana@example.com GIT_COMMITTER_NAME=Ana \
          GIT_COMMITTER_EMAIL=ana@example.com git commit -qm first &&
        echo "# notes" >NOTES.md && git add -A && GIT_AUTHOR_NAME=Ben GIT_AUTHOR_EMAIL=ben@example.com \
          GIT_COMMITTER_NAME=Ben GIT_COMMITTER_EMAIL=ben@example.com git commit -qm second)
    fi
    i=$((i + 1))
  done < <(find "$tree" -mindepth 2 -maxdepth 2 -type d | sort)
  touch "$tree/.made"
fi
files=$(find "$tree" -type f -not -path '*/.git/*' | wc -l)
echo "tree: $tree ($files files, $(du -sm --exclude=.git "$tree" | cut -f1) MB), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A best_wall best_line
measure() {  # measure NAME ARGS...: one run; keeps the best wall time per NAME
  local name=$1; shift
  local out timing
  timing=$(mktemp)
  /usr/bin/time -o "$timing" -f '%e %U %S %M' "$bin" "$@" >/dev/null 2>&1 || true
  out=$(tail -1 "$timing")
  rm -f "$timing"
  local wall=${out%% *}
  if [ -z "${best_wall[$name]:-}" ] || awk "BEGIN{exit !($wall < ${best_wall[$name]})}"; then
    best_wall[$name]=$wall
    best_line[$name]=$out
  fi
}
for _ in $(seq "$runs"); do
  measure scan scan --no-config -f json "$tree"
  measure inventory inventory --no-config -f json "$tree"
  measure inventory-no-git inventory --no-config --no-git -f json "$tree"
done
printf '%-18s %8s %8s %8s %8s\n' command wall_s cpu_s rss_mb x_scan
for name in scan inventory inventory-no-git; do
  read -r wall user sys rss <<<"${best_line[$name]}"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v base="${best_wall[scan]}" \
    'BEGIN{printf "%-18s %8.2f %8.2f %8.0f %8.2f\n", n, w, u + s, r / 1024, w / base}'
done
