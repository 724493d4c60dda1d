#!/usr/bin/env bash
# Assembles a mixed real corpus of at least 300 MB from what a Debian machine ships, laid out like a
# shared drive: code (the Python standard library and Debian's Python packages, Node.js packages,
# the peers installed by bench/setup.sh) next to far more non-code (documentation, man pages,
# changelogs, compressed and binary files). Files are hard links where the file system allows
# (no copy, no extra space), copies otherwise.
#
#   bench/real_corpus.sh OUT_DIR        # prints the corpus size
set -euo pipefail
out=${1:?usage: bench/real_corpus.sh OUT_DIR}
peers=${CITIZENSCAN_BENCH_DIR:-$HOME/.cache/citizenscan/bench-peers}
sources=(/usr/lib/python3.11 /usr/lib/python3/dist-packages /usr/lib/node_modules "$peers/node_modules"
         /usr/share/doc /usr/share/man /usr/share/perl /usr/share/javascript /usr/include)
mkdir -p "$out"
for src in "${sources[@]}"; do
  [ -d "$src" ] || continue
  dest="$out/$(echo "${src#/}" | tr '/' '_')"
  [ -e "$dest" ] && continue
  cp -al "$src" "$dest" 2>/dev/null || cp -a "$src" "$dest"
done
# Symlinks in these trees point back into /usr; scanners must not leave the corpus through them.
find "$out" -type l -delete
du -sh --apparent-size "$out"
