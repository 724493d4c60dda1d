#!/usr/bin/env bash
# Fetch the npm tarballs pinned in grammars/manifest.txt into a cache outside the source tree,
# verify each against its pinned integrity hash and unpack it.
#
#   scripts/fetch-grammars.sh [CACHE_DIR] [ROLE...]
#
# CACHE_DIR defaults to $CITIZENSCAN_CACHE or ~/.cache/citizenscan. ROLEs default to "core grammar".
# Prints nothing when everything is already in place. Exit 1 with the package name and a remedy on a
# missing, unreachable or tampered tarball.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${1:-${CITIZENSCAN_CACHE:-$HOME/.cache/citizenscan}}
shift || true
roles=("$@"); [ ${#roles[@]} -gt 0 ] || roles=(core grammar)
mkdir -p "$cache/tarballs" "$cache/pkg"

integrity_of() {  # sha512 integrity of a file, in npm's format
  node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"
}

while read -r name version integrity role; do
  case "$name" in ''|'#'*) continue ;; esac
  want=0; for r in "${roles[@]}"; do [ "$r" = "$role" ] && want=1; done
  [ $want = 1 ] || continue
  flat=$(printf '%s' "$name" | sed 's#^@##; s#/#-#')
  tgz="$cache/tarballs/$flat-$version.tgz"
  dest="$cache/pkg/$flat-$version"
  stamp="$dest/.citizenscan-integrity"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$integrity" ]; then continue; fi
  if [ ! -f "$tgz" ]; then
    echo "fetch-grammars: npm pack $name@$version" >&2
    tmp=$(mktemp -d)
    if ! (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null 2>"$tmp/err"); then
      echo "fetch-grammars: could not download $name@$version from the npm registry:" >&2
      sed 's/^/  /' "$tmp/err" >&2
      echo "  fix: check npm's registry access (npm ping), or place the tarball at $tgz" >&2
      rm -rf "$tmp"; exit 1
    fi
    mv "$tmp"/*.tgz "$tgz"; rm -rf "$tmp"
  fi
  got=$(integrity_of "$tgz")
  if [ "$got" != "$integrity" ]; then
    echo "fetch-grammars: $name@$version: integrity mismatch for $tgz" >&2
    echo "  pinned:  $integrity" >&2
    echo "  got:     $got" >&2
    echo "  fix: delete $tgz and rerun to download it again; if the registry really serves this hash," >&2
    echo "       review the change and update grammars/manifest.txt deliberately" >&2
    exit 1
  fi
  rm -rf "$dest"; mkdir -p "$dest"
  tar -xzf "$tgz" -C "$dest" --strip-components=1
  printf '%s' "$integrity" > "$stamp"
done < "$here/grammars/manifest.txt"
