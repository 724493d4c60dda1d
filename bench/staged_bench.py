#!/usr/bin/env python3
"""Times `citizenscan scan --staged` on a typical commit in a 5,000-file repository, against
baselines measured in the same run on the same repository:

    bench/staged_bench.py [--binary build/citizenscan] [--files 5000] [--runs 15] [--keep DIR]

- the repository: bench/make_corpus.py (code-heavy mix), one commit, then grown or trimmed to
  exactly --files tracked files;
- the change: three existing code files edited (a function appended to each, one with a planted
  AWS key) and one new file, all staged;
- what is timed (wall-clock median and CPU, user+sys, of the child processes, over --runs runs):
  `git diff --cached --stat` (what git itself pays to look at the change), `citizenscan --version`
  (process start), `citizenscan scan` of one empty file (start + rule/query compile, the fixed
  cost of any scan), `citizenscan scan FILES` of the four changed files (the same scanning work
  without git), `citizenscan scan --staged`, and once, `citizenscan scan .` of the whole tree.

Nothing is asserted: the numbers are printed, to be read next to each other.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, cwd, check=True):
    result = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if check and result.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.decode(errors='replace')}")
    return result.returncode


def timed(cmd, cwd, runs):
    """(median wall ms, median CPU ms, exit code) of `runs` runs after one warm-up run."""
    code = run(cmd, cwd)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        code = run(cmd, cwd)
        walls.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)
    return statistics.median(walls), statistics.median(cpus), code


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, stdout=subprocess.DEVNULL)


def build_repository(repo, files):
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), repo, "--size-mb", "40",
                    "--code-share", "0.75", "--plant-every", "60", "--seed", "7"],
                   check=True, stdout=subprocess.DEVNULL)
    os.remove(os.path.join(repo, "planted.tsv"))
    all_files = sorted(os.path.relpath(os.path.join(d, f), repo) for d, _, names in os.walk(repo) for f in names)
    for extra in all_files[files:]:
        os.remove(os.path.join(repo, extra))
    for i in range(len(all_files), files):  # too few: small notes fill up to the count
        with open(os.path.join(repo, f"notes_{i}.txt"), "w") as f:
            f.write(f"note {i}\n")
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    git(repo, "config", "user.email", "bench@example.com")
    git(repo, "config", "user.name", "bench")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "corpus")
    tracked = subprocess.run(["git", "ls-files"], cwd=repo, check=True, capture_output=True, text=True).stdout.split()
    return tracked


def stage_typical_change(repo, tracked):
    python = [p for p in tracked if p.endswith(".py")][:2]
    javascript = [p for p in tracked if p.endswith(".js")][:1]
    changed = python + javascript
    with open(os.path.join(repo, python[0]), "a") as f:
        f.write('\n\ndef export_totals(rows):\n    AWS_ACCESS_KEY_ID = "AKIAQ3EGRTY6KXMFZ7PN"\n'
                '    return [r for r in rows if r]\n')
    with open(os.path.join(repo, python[1]), "a") as f:
        f.write("\n\ndef region_summary(rows):\n    return {r['region']: r['amount'] for r in rows}\n")
    with open(os.path.join(repo, javascript[0]), "a") as f:
        f.write("\nfunction monthTotals(rows) {\n  return rows.map((r) => r.amount);\n}\n")
    new = os.path.join(os.path.dirname(python[0]), "new_helper.py")
    with open(os.path.join(repo, new), "w") as f:
        f.write("import os\n\n\ndef token():\n    return os.environ['API_TOKEN']\n")
    changed.append(new)
    git(repo, "add", *changed)
    return changed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", "build", "citizenscan"))
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", help="build the repository here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = args.keep or tempfile.mkdtemp(prefix="citizenscan-staged-bench-")
    repo = os.path.join(work, "repo")
    try:
        if os.path.exists(repo):
            shutil.rmtree(repo)
        tracked = build_repository(repo, args.files)
        changed = stage_typical_change(repo, tracked)
        empty = os.path.join(work, "empty.py")
        open(empty, "w").close()
        print(f"repository: {len(tracked)} tracked files; staged change: {len(changed)} files "
              f"({', '.join(changed)}); {args.runs} runs each, median; CPU = user+sys of the processes")
        rows = [
            ("git diff --cached --stat", ["git", "diff", "--cached", "--stat"]),
            ("citizenscan --version", [binary, "--version"]),
            ("citizenscan scan EMPTY_FILE (fixed cost)", [binary, "scan", "--no-config", "-q", empty]),
            ("citizenscan scan CHANGED_FILES", [binary, "scan", "--no-config", "-q", *changed]),
            ("citizenscan scan --staged", [binary, "scan", "--no-config", "-q", "--staged"]),
        ]
        for label, cmd in rows:
            wall, cpu, code = timed(cmd, repo, args.runs)
            print(f"  {label:<44} {wall:8.1f} ms wall {cpu:8.1f} ms CPU  (exit {code})")
        wall, cpu, code = timed([binary, "scan", "--no-config", "-q", "."], repo, 1)
        print(f"  {'citizenscan scan . (whole tree, 1 run)':<44} {wall:8.1f} ms wall {cpu:8.1f} ms CPU  (exit {code})")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
