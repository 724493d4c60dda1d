#!/usr/bin/env bash
# Whole-scan throughput on real code that ships with Debian (Python standard library, and the
# JavaScript of installed npm/node packages), each measured against baselines in the same run:
#   - --no-prefilter: every rule on every file (what the prefilter saves),
#   - --jobs 1 vs --jobs N (what the thread pool gives),
# and the same findings either way. Prints the --stats lines and wall times (best of 3).
#
#   bench/corpus.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build}/citizenscan
jobs=$(nproc)
corpora=()
for dir in /usr/lib/python3.11 /usr/lib/python3/dist-packages /usr/share/nodejs /usr/lib/node_modules; do
  [ -d "$dir" ] && corpora+=("$dir")
done
best_of_3() {  # prints the best wall time of three runs of "$@", in seconds
  local best=""
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    t=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  printf '%d.%02d' $((best / 1000)) $(((best % 1000) / 10))
}
for dir in "${corpora[@]}"; do
  echo "== $dir"
  "$bin" scan --no-ignore --stats -j "$jobs" -f json -o /tmp/citizenscan-bench.json "$dir" 2>&1 >/dev/null | sed 's/^/   /' || true
  with=$(best_of_3 "$bin" scan --no-ignore -j "$jobs" -f json -o /tmp/citizenscan-bench.json "$dir")
  without=$(best_of_3 "$bin" scan --no-ignore --no-prefilter -j "$jobs" -f json -o /tmp/citizenscan-bench-np.json "$dir")
  single=$(best_of_3 "$bin" scan --no-ignore -j 1 -f json -o /tmp/citizenscan-bench-1.json "$dir")
  same=$(cmp -s <(python3 -c 'import json,sys;print(json.dumps(json.load(open(sys.argv[1]))["findings"]))' /tmp/citizenscan-bench.json) \
                <(python3 -c 'import json,sys;print(json.dumps(json.load(open(sys.argv[1]))["findings"]))' /tmp/citizenscan-bench-np.json) && echo yes || echo NO)
  echo "   wall: ${with}s with prefilter, ${without}s without (baseline), ${single}s with --jobs 1; same findings without prefilter: $same"
done
rm -f /tmp/citizenscan-bench*.json
