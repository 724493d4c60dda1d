#!/usr/bin/env bash
# Peak RSS against corpus size. One synthetic tree from make_corpus.py (seed 1) is copied 1x, 4x
# and 16x (real copies: hard links would be one file to the walker, which skips inode twins), and
# each size is scanned with -j1 and -j2 under /usr/bin/time. Prints a Markdown table.
#
#   bench/rss_series.sh WORK_DIR [BASE_MB] [COPIES...]     # defaults: 50 MB, 1 4 16
set -euo pipefail
work=${1:?usage: bench/rss_series.sh WORK_DIR [BASE_MB] [COPIES...]}
base_mb=${2:-50}
shift $(( $# >= 2 ? 2 : 1 ))
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(1 4 16)
here=$(cd "$(dirname "$0")" && pwd)
binary=${CITIZENSCAN_BIN:-$here/../build/citizenscan}
base="$work/base-${base_mb}mb"
[ -d "$base" ] || python3 "$here/make_corpus.py" "$base" --size-mb "$base_mb" --seed 1 >/dev/null
echo "| corpus | files | MiB | threads | wall s | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for n in "${copies[@]}"; do
  tree="$work/x$n"
  if [ ! -d "$tree" ]; then
    mkdir -p "$tree"
    for i in $(seq 1 "$n"); do cp -r "$base" "$tree/copy$i"; done
  fi
  files=$(find "$tree" -type f | wc -l)
  mib=$(du -sm --apparent-size "$tree" | cut -f1)
  for jobs in 1 2; do
    t=$(mktemp)
    /usr/bin/time -o "$t" -f "%e %U %S %M" "$binary" scan --no-ignore -q -j "$jobs" -f json --fail-on none \
      -o /dev/null "$tree"
    read -r wall user sys rss <"$t"
    rm -f "$t"
    printf '| %dx %s MB synthetic | %d | %d | %d | %.1f | %.1f | %.0f |\n' "$n" "$base_mb" "$files" "$mib" "$jobs" \
      "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc)"
  done
done
