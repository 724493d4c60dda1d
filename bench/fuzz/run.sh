#!/usr/bin/env bash
# Build the libFuzzer targets of tests/fuzz with clang, ASan and UBSan, and run each for a bounded
# time; then print executions, exec/s, coverage and findings per target.
#
#   bench/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     # default 60 s; all five targets
#   targets: rule_pack config file_scan sarif inline_ignore
#
# Set-up is done here and is idempotent: scripts/setup.sh (the normal build's packages and the
# grammar tarballs), then clang, the libFuzzer runtime and llvm-symbolizer from Debian if missing.
# The normal gcc build and scripts/test do not need any of it.
# Build folder: $CITIZENSCAN_FUZZ_BUILD (default build-fuzz/), apart from build/. In it:
#   seeds/<target>      regenerated from the repository on every run (bench/fuzz/seeds.py)
#   corpus/<target>     what the fuzzer found interesting; kept, so runs build on each other
#   artifacts/<target>  crash-*, leak-*, timeout-*, oom-* inputs (rerun one: build-fuzz/tests/fuzz/fuzz_<target> FILE)
#   logs/<target>.log   the fuzzer's output
# After the run, the logs the SARIF-writing targets produce for every corpus input are checked
# against the official SARIF 2.1.0 schema (tests/e2e/validate_sarif.py), as the test suite does.
# Exit status: 0 when no target found anything, 1 otherwise, 2 when the build or set-up failed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
all_targets=(rule_pack config file_scan sarif inline_ignore)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "$0: unknown target '$target' (${all_targets[*]})" >&2; exit 2; }
done
build=${CITIZENSCAN_FUZZ_BUILD:-$repo/build-fuzz}
cache=${CITIZENSCAN_CACHE:-$HOME/.cache/citizenscan}

# --- set-up --------------------------------------------------------------------------------------
"$repo/scripts/setup.sh" || exit 2
missing=()
command -v clang >/dev/null && command -v clang++ >/dev/null || missing+=(clang)
command -v llvm-symbolizer >/dev/null || missing+=(llvm)
if command -v clang++ >/dev/null; then
  [ -f "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ] || missing+=(libclang-rt-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "fuzz: installing Debian packages: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  [ -f "$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a" ] ||
    { echo "fuzz: the libFuzzer runtime is still missing after installing ${missing[*]}" >&2; exit 2; }
fi

# --- build ---------------------------------------------------------------------------------------
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCITIZENSCAN_CACHE="$cache" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" \
  -DCITIZENSCAN_SANITIZE=address,undefined -DCITIZENSCAN_FUZZ=ON -DENABLE_TESTING=OFF -DENABLE_BENCHMARKS=OFF \
  >"$build.configure.log" 2>&1 || { cat "$build.configure.log" >&2; exit 2; }
cmake --build "$build" -j "${CITIZENSCAN_FUZZ_JOBS:-2}" --target citizenscan "${targets[@]/#/fuzz_}" >&2 || exit 2

# --- seeds ---------------------------------------------------------------------------------------
rm -rf "$build/seeds" && mkdir -p "$build/seeds" "$build/logs"
starter=$(mktemp -d)
trap 'rm -rf "$starter"' EXIT
ASAN_OPTIONS=detect_leaks=0 "$build/citizenscan" init "$starter" >/dev/null
python3 "$repo/bench/fuzz/seeds.py" "$repo" "$build/seeds" "$starter/.citizenscan.json"

# --- run -----------------------------------------------------------------------------------------
# Leaks are findings too: libFuzzer checks each input with LeakSanitizer (-detect_leaks=1, its default).
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$repo/bench/fuzz/lsan.supp:print_suppressions=0}
found=0
rows=()
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target artifacts=$build/artifacts/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  flags=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -print_final_stats=1
         -artifact_prefix="$artifacts/")
  [ -f "$build/seeds/$target.dict" ] && flags+=(-dict="$build/seeds/$target.dict")
  echo "fuzz: $target for ${seconds}s (log: $log)" >&2
  before=$(find "$artifacts" -type f | wc -l)
  status=0 started=$SECONDS
  "$build/tests/fuzz/fuzz_$target" "${flags[@]}" "$corpus" "$build/seeds/$target" >"$log" 2>&1 || status=$?
  after=$(find "$artifacts" -type f | wc -l)
  # The last value libFuzzer printed (none when it stopped before its first status line).
  last() { { grep -o "$1" "$log" || true; } | tail -1 | grep -o '[0-9]*$' || true; }
  execs=$(last 'stat::number_of_executed_units: *[0-9]*')
  rate=$(last 'stat::average_exec_per_sec: *[0-9]*')
  cov=$(last 'cov: [0-9]*')
  features=$(last 'ft: [0-9]*')
  units=$(find "$corpus" -type f | wc -l)
  new=$((after - before)) wall=$((SECONDS - started))
  if [ "$status" -ne 0 ] || [ "$new" -gt 0 ]; then
    found=1
    echo "fuzz: $target stopped with status $status; new artifacts: $new (see $log)" >&2
    grep -m3 -E '^==[0-9]+==ERROR|runtime error|citizenscan fuzz invariant|Test unit written' "$log" >&2 || true
  fi
  rows+=("$(printf '%-14s %8s %10s %8s %6s %7s %7s %s' "$target" "${wall}s" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${features:-?}" "$units" "$new")")
done

# --- SARIF of every corpus input against the official schema -------------------------------------
schema=$cache/pkg/microsoft-sarif-multitool-linux-5.7.0/sarif-2.1.0.json
schema_results=()
for target in sarif file_scan; do
  [[ " ${targets[*]} " == *" $target "* ]] || continue
  logs=$(mktemp -d)
  find "$build/corpus/$target" -type f | head -n "${CITIZENSCAN_FUZZ_SCHEMA_SAMPLE:-400}" |
    CITIZENSCAN_FUZZ_SARIF_DIR=$logs xargs -r "$build/tests/fuzz/fuzz_$target" >/dev/null 2>&1 || true
  count=$(find "$logs" -name '*.sarif' | wc -l)
  if [ "$count" -gt 0 ] &&
     python3 "$repo/tests/e2e/validate_sarif.py" "$schema" "$logs"/*.sarif >"$build/logs/schema-$target.log" 2>&1; then
    schema_results+=("$target: $count logs valid")
  else
    found=1
    schema_results+=("$target: $count logs, NOT all valid (see $build/logs/schema-$target.log)")
  fi
  rm -rf "$logs"
done

# wall: the whole run of the target, loading the corpus included (libFuzzer's time limit starts after it).
printf '\n%-14s %8s %10s %8s %6s %7s %7s %s\n' target wall execs exec/s cov ft corpus artifacts
printf '%s\n' "${rows[@]}"
[ ${#schema_results[@]} -eq 0 ] || printf 'official SARIF schema, corpus replayed: %s\n' "$(IFS=';'; echo "${schema_results[*]}")"
exit "$found"
