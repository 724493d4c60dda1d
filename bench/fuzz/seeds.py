#!/usr/bin/python3
"""Write the seed corpora and dictionaries of the fuzz targets (tests/fuzz) from the repository.

usage: seeds.py REPO OUT STARTER_CONFIG
Every seed is derived from files in the repository, so nothing is committed twice:
  rule_pack      each rule of rules/*.json as a pack of its own (with its pack's definitions, labels
                 and embedded settings), and the small packs whole
  config         the starter config (`citizenscan init`, given as a file) and the JSON configs in
                 testdata/ (those that are configs are found by the fuzzer, the rest are noise)
  file_scan      every testdata/ file of a known language, prefixed with the byte that names it
  sarif          testdata/ files as raw bytes (the target reads them as strings and numbers)
  inline_ignore  the annotated testdata/ code files with each `expect: RULE` comment turned into
                 `citizenscan:ignore RULE -- fixture`, and as they are
Dictionaries: the JSON keys of the rule packs and configs, and the ignore syntax.
"""
import hashlib
import json
import os
import re
import sys

# The order of kFileNames in tests/fuzz/file_scan_fuzzer.cpp.
KINDS = {".py": 0, ".js": 1, ".mjs": 1, ".cjs": 1, ".gs": 2, ".sql": 3, ".env": 4, ".json": 5,
         ".yaml": 6, ".yml": 6, ".ini": 7, ".toml": 8, ".properties": 9, ".ipynb": 10}
CODE = {".py", ".js", ".mjs", ".gs", ".sql"}


def kind_of(name):
    if name == ".env" or name.startswith(".env."):
        return KINDS[".env"]
    return KINDS.get(os.path.splitext(name)[1].lower())


def write(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def keys_of(value, keys):
    if isinstance(value, dict):
        for key, inner in value.items():
            keys.add(key)
            keys_of(inner, keys)
    elif isinstance(value, list):
        for inner in value:
            keys_of(inner, keys)


def write_dict(path, words):
    with open(path, "w", encoding="utf-8") as f:
        for word in sorted(words):
            if word.isascii() and word.isprintable():  # libFuzzer quotes only \\, \" and \xNN
                f.write(json.dumps(word) + "\n")


def main():
    repo, out, starter = sys.argv[1], sys.argv[2], sys.argv[3]
    testdata = []
    for folder, _, names in os.walk(os.path.join(repo, "testdata")):
        for name in sorted(names):
            testdata.append(os.path.join(folder, name))
    testdata.sort()

    pack_keys = set()
    for name in sorted(os.listdir(os.path.join(repo, "rules"))):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(repo, "rules", name), "rb") as f:
            raw = f.read()
        pack = json.loads(raw)
        keys_of(pack, pack_keys)
        if len(raw) < 16 * 1024:
            write(f"{out}/rule_pack", raw)
        for rule in pack.get("rules", []):
            single = {k: v for k, v in pack.items() if k != "rules"}
            single["rules"] = [rule]
            write(f"{out}/rule_pack", json.dumps(single, indent=2).encode())
    predicates = {"#eq?", "#not-eq?", "#match?", "#not-match?", "#any-of?", "#not-any-of?", "#any-eq?", "#any-match?"}
    write_dict(f"{out}/rule_pack.dict", {json.dumps(k) for k in pack_keys} | predicates)

    config_keys = set()
    with open(starter, "rb") as f:
        write(f"{out}/config", f.read())
    for path in testdata:
        if path.endswith(".json") and "config" in os.path.basename(path):
            with open(path, "rb") as f:
                raw = f.read()
            write(f"{out}/config", raw)
            keys_of(json.loads(raw), config_keys)
    starter_text = open(starter, encoding="utf-8").read()
    config_keys |= set(re.findall(r'"([A-Za-z]+)"\s*:', starter_text))
    write_dict(f"{out}/config.dict", {json.dumps(k) for k in config_keys} | {"//", "/*", "*/"})

    for path in testdata:
        kind = kind_of(os.path.basename(path))
        with open(path, "rb") as f:
            raw = f.read()
        if kind is not None:
            write(f"{out}/file_scan", bytes([kind]) + raw)
        write(f"{out}/sarif", raw)
        if os.path.splitext(path)[1] in CODE:
            write(f"{out}/inline_ignore", raw)
            ignored = re.sub(rb"expect: *([a-z-]+/[a-z0-9-]+)", rb"citizenscan:ignore \1 -- fixture", raw)
            if ignored != raw:
                write(f"{out}/inline_ignore", ignored)
    write_dict(f"{out}/inline_ignore.dict",
               {"citizenscan:ignore", " -- ", "/*", "*/", "#", "//", "--", "credentials/*", "pii/pii-in-log"})


if __name__ == "__main__":
    main()
