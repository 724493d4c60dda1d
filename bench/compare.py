#!/usr/bin/env python3
"""Times citizenscan against its peers on the same corpus, in one invocation, and prints a Markdown
table: wall time, CPU time (user + system), MB/s and files/s over the files each tool reads, peak
RSS, finding counts, and ratios against citizenscan (with 2 threads).

    bench/setup.sh                                   # ripgrep, bandit, secretlint, eslint (+ plugins)
    bench/compare.py CORPUS [--build build] [--peers DIR] [--skip eslint,...]

Tools and the files they are given:
  citizenscan -j2 / -j1   every file it recognises (--no-ignore), all four packs
  ripgrep                 the same files, with the credentials pack's regexes (the practical lower
                          bound: one regex pass, no parsing)
  bandit                  the Python files (its default plugins)
  secretlint              the same files as citizenscan (recommended preset)
  eslint                  the JavaScript and Apps Script files (eslint-plugin-security recommended,
                          eslint-plugin-no-secrets)
Each throughput is over that tool's own input bytes, so a ratio says how much faster citizenscan
gets through a byte than the peer does, even where the peer reads only part of the corpus.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CODE_EXT = {".py", ".pyw", ".js", ".mjs", ".cjs", ".jsx", ".gs", ".sql"}
TEXT_EXT = {".json", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".properties", ".toml", ".ipynb", ".env"}
JS_EXT = {".js", ".mjs", ".cjs", ".jsx", ".gs"}


def scanned_by_citizenscan(name):
    ext = os.path.splitext(name)[1].lower()
    return ext in CODE_EXT or ext in TEXT_EXT or name == ".env" or name.startswith(".env.") or name.endswith(".env")


def inventory(corpus):
    """Files per tool's input set: (count, bytes, list)."""
    sets = {"all": [], "citizenscan": [], "python": [], "js": []}
    for folder, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if d not in (".git", ".hg", ".svn")]
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or os.path.islink(path):
                continue
            sets["all"].append(path)
            ext = os.path.splitext(name)[1].lower()
            if scanned_by_citizenscan(name):
                sets["citizenscan"].append(path)
            if ext in (".py", ".pyw"):
                sets["python"].append(path)
            if ext in JS_EXT:
                sets["js"].append(path)
    return {k: (len(v), sum(os.path.getsize(p) for p in v), v) for k, v in sets.items()}


TIMEOUT = None  # seconds per peer (--timeout); a peer stopped there is reported as "> limit"


def timed(command, cwd=None, stdout_path=None, limit=None):
    """Runs command under /usr/bin/time; returns (wall s, cpu s, peak RSS MB, exit code, stdout text,
    stderr text). With a limit, `timeout` stops the command there (exit code 124)."""
    if limit:
        command = ["timeout", str(limit)] + command
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        with open(stdout_path or os.devnull, "wb") as out:
            proc = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + command, cwd=cwd,
                                  stdout=out, stderr=subprocess.PIPE)
        fields = t.read().split()[-4:]
    wall, user, system, rss_kb = float(fields[0]), float(fields[1]), float(fields[2]), int(fields[3])
    text = open(stdout_path, errors="replace").read() if stdout_path else ""
    return wall, user + system, rss_kb / 1024.0, proc.returncode, text, proc.stderr.decode(errors="replace")


def rg_patterns(path):
    """The credentials pack's regexes in ripgrep's dialect: no named groups (ripgrep joins the
    patterns into one, where names would repeat), no escaped quotes (RE2 allows them, Rust does not)."""
    with open(os.path.join(ROOT, "rules", "credentials.json")) as f:
        pack = json.load(f)
    definitions = {name: value if isinstance(value, str) else "|".join(value)
                   for name, value in pack.get("definitions", {}).items()}

    def expand(text, depth=0):  # the pack's {{name}} definitions, as the loader expands them
        if depth > 16:
            raise ValueError("definitions nest too deep")
        return re.sub(r"\{\{([A-Za-z0-9_]+)\}\}", lambda m: expand(definitions[m.group(1)], depth + 1), text)

    lines = []
    for rule in pack["rules"]:
        for matcher in rule["matchers"]:
            if "regex" in matcher:
                pattern = re.sub(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>", "(?:", expand(matcher["regex"]))
                # An escaped quote (\\" after an even number of backslashes) is the quote itself.
                lines.append(re.sub(r"(?<!\\)((?:\\\\)*)\\([\"'`])", r"\1\2", pattern))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--peers", default=os.environ.get("CITIZENSCAN_BENCH_DIR",
                                                          os.path.expanduser("~/.cache/citizenscan/bench-peers")))
    parser.add_argument("--skip", default="", help="comma-separated tools to leave out")
    parser.add_argument("--timeout", type=int, default=0,
                        help="stop a peer after this many seconds and report its time as a lower bound")
    args = parser.parse_args()
    limit = args.timeout or None
    corpus = os.path.abspath(args.corpus)
    skip = set(filter(None, args.skip.split(",")))
    binary = os.path.join(args.build, "citizenscan")
    work = tempfile.mkdtemp(prefix="citizenscan-compare-")
    inv = inventory(corpus)
    rows = []

    def add(tool, input_set, measured, findings):
        wall, cpu, rss, code, _, err = measured
        files, size, _ = inv[input_set]
        stopped = limit is not None and code == 124 and not tool.startswith("citizenscan")
        rows.append({"tool": tool, "files": files, "mb": size / 2**20, "wall": wall, "cpu": cpu, "rss": rss,
                     "findings": None if stopped else findings, "stopped": stopped, "exit": code})
        print(f"  {tool}: {wall:.1f} s wall, {cpu:.1f} s CPU, exit {code}", file=sys.stderr)

    print(f"corpus {corpus}: {inv['all'][0]} files, {inv['all'][1] / 2**20:.0f} MiB", file=sys.stderr)
    for jobs in (2, 1):
        if f"citizenscan-j{jobs}" in skip:
            continue
        out = os.path.join(work, f"citizenscan-{jobs}.json")
        m = timed([binary, "scan", "--no-ignore", "--quiet", "-j", str(jobs), "-f", "json", "--fail-on", "none",
                   "-o", out, corpus])
        report = json.load(open(out))
        add(f"citizenscan -j{jobs}", "citizenscan", m, len(report["findings"]))

    if "ripgrep" not in skip:
        patterns = os.path.join(work, "patterns.txt")
        rg_patterns(patterns)
        globs = []
        for ext in sorted(CODE_EXT | TEXT_EXT):
            globs += ["-g", f"*{ext}"]
        globs += ["-g", ".env", "-g", ".env.*"]
        out = os.path.join(work, "rg.txt")
        m = timed(["rg", "--no-ignore", "--hidden", "-j", "2", "--count-matches", "--no-filename", "-f", patterns]
                  + globs + [corpus], stdout_path=out, limit=limit)
        add("ripgrep -j2 (credential regexes)", "citizenscan", m, sum(int(x) for x in m[4].split()))

    if "bandit" not in skip:
        out = os.path.join(work, "bandit.json")
        m = timed(["bandit", "-r", "-q", "-f", "json", "-o", out, corpus], limit=limit)
        try:
            findings = len(json.load(open(out))["results"])
        except (OSError, ValueError, KeyError):
            findings = None
        add("bandit (Python)", "python", m, findings)

    if "secretlint" not in skip:
        config = os.path.join(work, ".secretlintrc.json")
        with open(config, "w") as f:
            json.dump({"rules": [{"id": "@secretlint/secretlint-rule-preset-recommend"}]}, f)
        list_file = os.path.join(work, "secretlint-files.txt")
        patterns = [f"**/*{ext}" for ext in sorted(CODE_EXT | TEXT_EXT)] + ["**/.env", "**/.env.*"]
        out = os.path.join(work, "secretlint.json")
        m = timed([os.path.join(args.peers, "node_modules", ".bin", "secretlint"), "--secretlintrc", config,
                   "--secretlintignore", os.devnull, "--format", "json", "--output", out] + patterns, cwd=corpus,
                  limit=limit)
        try:
            findings = sum(len(r.get("messages", [])) for r in json.load(open(out)))
        except (OSError, ValueError):
            findings = None
        add("secretlint (recommended)", "citizenscan", m, findings)

    if "eslint" not in skip:
        # Written beside the peers' node_modules, so the plugins resolve by name.
        config = os.path.join(args.peers, "citizenscan-bench.eslint.config.mjs")
        with open(config, "w") as f:
            f.write("""import security from "eslint-plugin-security";
import noSecrets from "eslint-plugin-no-secrets";
export default [
  { ignores: ["!**/node_modules/"] },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx", "**/*.gs"],
    plugins: { security, "no-secrets": noSecrets },
    languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: { ...security.configs.recommended.rules, "no-secrets/no-secrets": "error" } },
];
""")
        out = os.path.join(work, "eslint.json")
        m = timed([os.path.join(args.peers, "node_modules", ".bin", "eslint"), "--no-warn-ignored", "-c", config,
                   "-f", "json", "-o", out, "."], cwd=corpus, limit=limit)
        try:
            findings = sum(1 for r in json.load(open(out)) for msg in r["messages"] if msg.get("ruleId"))
        except (OSError, ValueError):
            findings = None
        add("eslint + security + no-secrets (JS, .gs)", "js", m, findings)

    base = next((r for r in rows if r["tool"] == "citizenscan -j2"), rows[0])
    base_rate = base["mb"] / base["wall"]
    print(f"| tool | files | MB | wall s | CPU s | MB/s | files/s | peak RSS MB | findings | wall ÷ citizenscan | citizenscan MB/s ÷ tool MB/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["mb"] / r["wall"] if r["wall"] > 0 else float("inf")
        findings = "n/a" if r["findings"] is None else str(r["findings"])
        more, less = (">", "<") if r["stopped"] else ("", "")
        print(f"| {r['tool']}{' (stopped at the time limit)' if r['stopped'] else ''} | {r['files']} | {r['mb']:.1f} | "
              f"{more}{r['wall']:.1f} | {more}{r['cpu']:.1f} | {less}{rate:.2f} | {less}{r['files'] / r['wall']:.0f} | "
              f"{r['rss']:.0f} | {findings} | {more}{r['wall'] / base['wall']:.2f} | {more}{base_rate / rate:.2f} |")
    print(f"\ncorpus: {inv['all'][0]} files, {inv['all'][1] / 2**20:.0f} MiB in all; citizenscan reads "
          f"{inv['citizenscan'][0]} files ({inv['citizenscan'][1] / 2**20:.0f} MiB), Python "
          f"{inv['python'][1] / 2**20:.0f} MiB, JavaScript/Apps Script {inv['js'][1] / 2**20:.0f} MiB")
    versions = []
    for tool, cmd in (("ripgrep", ["rg", "--version"]), ("bandit", ["bandit", "--version"])):
        try:
            versions.append(f"{tool} " + subprocess.run(cmd, capture_output=True, text=True).stdout.split("\n")[0].split()[1])
        except (OSError, IndexError):
            pass
    for package in ("eslint", "eslint-plugin-security", "eslint-plugin-no-secrets", "secretlint",
                    "@secretlint/secretlint-rule-preset-recommend"):
        try:
            with open(os.path.join(args.peers, "node_modules", package, "package.json")) as f:
                versions.append(f"{package} {json.load(f)['version']}")
        except OSError:
            pass
    print("versions: " + ", ".join(versions))


if __name__ == "__main__":
    main()
