#!/usr/bin/env bash
# Scores the rule packs on their labeled evaluation sets (bench/eval/<pack>/<language>/...):
# precision, recall and F1 per language and overall, with every miss listed.
#   bench/eval.sh                 all packs
#   bench/eval.sh pii db-loops    some packs
#   bench/eval.sh --holdout       the held-out sets (bench/holdout/<pack>/...): written without looking at
#                                 the rules, never tuned on, and not part of ctest; honest numbers, not a gate
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${CITIZENSCAN_BUILD:-$here/build}
"$here/scripts/build.sh"
sets=eval
if [ "${1:-}" = "--holdout" ]; then sets=holdout; shift; fi
packs=("$@")
if [ ${#packs[@]} -eq 0 ]; then
  for d in "$here/bench/$sets"/*/; do packs+=("$(basename "$d")"); done
fi
status=0
for pack in "${packs[@]}"; do
  "$build/bench/citizenscan_eval" --pack "$pack" "$here/bench/$sets/$pack" || status=$?
  echo
done
exit $status
