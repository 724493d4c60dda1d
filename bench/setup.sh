#!/usr/bin/env bash
# Installs the peers bench/compare.sh measures citizenscan against, outside the repository:
#   ripgrep and bandit from Debian; secretlint (recommended preset) and eslint with
#   eslint-plugin-security and eslint-plugin-no-secrets from npm, into $CITIZENSCAN_BENCH_DIR
#   (default ~/.cache/citizenscan/bench-peers). Idempotent: quick and silent when all is there.
set -euo pipefail
dir=${CITIZENSCAN_BENCH_DIR:-$HOME/.cache/citizenscan/bench-peers}

missing=()
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v bandit >/dev/null 2>&1 || missing+=(bandit)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v /usr/bin/time >/dev/null 2>&1 || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/setup: installing Debian packages: ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Pinned majors; the exact versions installed are printed by compare.sh with its results.
peers=(eslint@9 eslint-plugin-security@3 eslint-plugin-no-secrets@2 secretlint@9
       @secretlint/secretlint-rule-preset-recommend@9)
if [ ! -x "$dir/node_modules/.bin/eslint" ] || [ ! -x "$dir/node_modules/.bin/secretlint" ] ||
   [ ! -d "$dir/node_modules/eslint-plugin-no-secrets" ] || [ ! -d "$dir/node_modules/eslint-plugin-security" ] ||
   [ ! -d "$dir/node_modules/@secretlint/secretlint-rule-preset-recommend" ]; then
  echo "bench/setup: installing ${peers[*]} into $dir" >&2
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private": true, "name": "citizenscan-bench-peers", "version": "0.0.0"}' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "${peers[@]}" >&2)
fi
echo "$dir"
