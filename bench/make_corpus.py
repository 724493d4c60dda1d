#!/usr/bin/env python3
"""Writes a reproducible synthetic tree for benchmarks: a shared drive's mix of citizen-built code
(Python, JavaScript, Apps Script, SQL), config files and non-code files, with planted findings.

    bench/make_corpus.py OUT_DIR --size-mb 200 --code-share 0.3 --seed 1 \
        --mix python=0.4,javascript=0.3,appsscript=0.1,sql=0.2 --plant-every 40

The same arguments always give the same bytes. OUT_DIR/planted.tsv lists every planted finding
(path, line, kind), so a run's recall on the planted set can be checked; the code around them is
ordinary (loops, string literals, environment reads, placeholders) and should not be flagged.
"""
import argparse
import os
import random
import string
import zlib

WORDS = ("invoice customer region total amount report month status vendor ledger account order "
         "payment budget forecast quarter sheet export summary rows record batch team owner").split()


def word(rng):
    return rng.choice(WORDS)


def ident(rng):
    return f"{word(rng)}_{word(rng)}"


def token(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def github_body(rng):
    """30 random base62 characters and their CRC-32 in 6 base62 digits, as GitHub's tokens carry
    (the scanner checks it, so a random 36-character tail is rightly not a token)."""
    payload = token(rng, BASE62, 30)
    crc = zlib.crc32(payload.encode())
    digits = ""
    for _ in range(6):
        crc, digit = divmod(crc, 62)
        digits = BASE62[digit] + digits
    return payload + digits


# Planted findings: (kind, language -> line maker). Values are random, so never a documented
# example key; each maker returns one line of its language.
def aws_key(rng):
    return "AKIA" + token(rng, string.ascii_uppercase + "234567", 16)


PLANTS = {
    "credentials/aws-access-key-id": {
        "python": lambda r: f'AWS_ACCESS_KEY_ID = "{aws_key(r)}"',
        "javascript": lambda r: f'const awsAccessKeyId = "{aws_key(r)}";',
        "appsscript": lambda r: f'var AWS_KEY = "{aws_key(r)}";',
    },
    "credentials/github-token": {
        "python": lambda r: f'GITHUB_TOKEN = "ghp_{github_body(r)}"',
        "javascript": lambda r: f'const ghToken = "ghp_{github_body(r)}";',
        "appsscript": lambda r: f'var GH = "ghp_{github_body(r)}";',
    },
    "credentials/hardcoded-password": {
        "python": lambda r: f'db_password = "{token(r, string.ascii_letters, 6)}-{r.randint(1000, 9999)}!{token(r, string.ascii_letters, 4)}"',
        "javascript": lambda r: f'const password = "{token(r, string.ascii_letters, 6)}-{r.randint(1000, 9999)}!{token(r, string.ascii_letters, 4)}";',
        "sql": lambda r: f"CREATE USER report_{word(r)} WITH PASSWORD '{token(r, string.ascii_letters, 8)}{r.randint(10, 99)}!';",
    },
}
SQL_PLANT_KINDS = ["credentials/hardcoded-password"]


def python_function(rng, n):
    name = ident(rng)
    body = [f"def {name}_{n}(rows, region={rng.choice(['None', repr(word(rng))])}):",
            f'    """Sum the {word(rng)} amounts of one {word(rng)}."""',
            "    total = 0",
            "    for row in rows:",
            f"        if row[{word(rng)!r}] == region and row['status'] != 'void':",
            f"            total += float(row[{ident(rng)!r}])",
            f"    label = f'{{region}}-{{total:.2f}}'",
            f"    token = os.environ.get({ident(rng).upper()!r}, '')",
            "    return {'label': label, 'total': total, 'count': len(rows)}",
            ""]
    return body


def js_function(rng, n, apps_script):
    name = f"{word(rng)}{word(rng).capitalize()}{n}"
    if apps_script:
        return [f"function {name}() {{",
                "  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('" + word(rng) + "');",
                "  var values = sheet.getDataRange().getValues();",
                "  var total = 0;",
                "  for (var i = 1; i < values.length; i++) {",
                f"    if (values[i][2] === '{word(rng)}') total += Number(values[i][3]);",
                "  }",
                "  var key = PropertiesService.getScriptProperties().getProperty('API_KEY');",
                f"  return {{ total: total, label: '{word(rng)}-' + total }};",
                "}", ""]
    return [f"function {name}(rows, region = '{word(rng)}') {{",
            "  let total = 0;",
            "  for (const row of rows) {",
            f"    if (row.{word(rng)} === region && row.status !== 'void') total += Number(row.{ident(rng)});",
            "  }",
            f"  const apiKey = process.env.{ident(rng).upper()};",
            f"  return {{ label: `${{region}}-${{total.toFixed(2)}}`, total, count: rows.length }};",
            "}", ""]


def sql_statement(rng, n):
    table = ident(rng)
    return [f"CREATE TABLE {table}_{n} (",
            "    id INTEGER PRIMARY KEY,",
            f"    {word(rng)}_name VARCHAR(100),",
            f"    {word(rng)}_amount NUMERIC(12, 2),",
            "    created_at TIMESTAMP",
            ");",
            f"SELECT region, SUM(amount) FROM {table}_{n} WHERE status <> 'void' GROUP BY region;",
            ""]


EXTENSIONS = {"python": ".py", "javascript": ".js", "appsscript": ".gs", "sql": ".sql"}
HEADERS = {"python": ["import os", "import csv", ""], "javascript": ["'use strict';", ""],
           "appsscript": ["// Apps Script", ""], "sql": ["-- reporting schema", ""]}


def code_file(rng, language, size, plant_every, plants, relative):
    lines = list(HEADERS[language])
    n = 0
    nbytes = sum(len(l) + 1 for l in lines)
    while nbytes < size:
        if plant_every and rng.randrange(plant_every) == 0:
            kinds = [k for k, makers in PLANTS.items() if language in makers]
            kind = rng.choice(kinds)
            lines.append(PLANTS[kind][language](rng))
            plants.append((relative, len(lines), kind))
            lines.append("")
        if language == "python":
            chunk = python_function(rng, n)
        elif language == "sql":
            chunk = sql_statement(rng, n)
        else:
            chunk = js_function(rng, n, language == "appsscript")
        lines.extend(chunk)
        nbytes += sum(len(l) + 1 for l in chunk)
        n += 1
    return "\n".join(lines) + "\n"


def non_code_file(rng, size):
    kind = rng.choice(["csv", "txt", "md", "bin", "png", "pdf"])
    if kind in ("bin", "png", "pdf"):
        return kind, rng.randbytes(size)
    if kind == "csv":
        rows = ["date,region,amount,status"]
        while sum(len(r) + 1 for r in rows) < size:
            rows.append(f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d},{word(rng)},{rng.randint(1, 99999) / 100},{word(rng)}")
        return kind, ("\n".join(rows) + "\n").encode()
    text = []
    while sum(len(t) + 1 for t in text) < size:
        text.append(" ".join(word(rng) for _ in range(rng.randint(6, 14))) + ".")
    return kind, ("\n".join(text) + "\n").encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--size-mb", type=float, default=100.0, help="total bytes to write, in MiB")
    parser.add_argument("--code-share", type=float, default=0.3, help="share of the bytes that is code")
    parser.add_argument("--mix", default="python=0.4,javascript=0.3,appsscript=0.1,sql=0.2",
                        help="language shares of the code bytes")
    parser.add_argument("--plant-every", type=int, default=40, help="one planted finding per ~N functions (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    mix = {k: float(v) for k, v in (part.split("=") for part in args.mix.split(","))}
    for language in mix:
        if language not in EXTENSIONS:
            parser.error(f"unknown language in --mix: {language}")
    total = int(args.size_mb * 1024 * 1024)
    code_budget = int(total * args.code_share)
    written = {"code": 0, "other": 0}
    plants = []
    os.makedirs(args.out, exist_ok=True)
    folder_index = 0
    file_index = 0
    folder = ""
    while written["code"] + written["other"] < total:
        is_code = written["code"] < code_budget and (written["other"] >= total - code_budget or rng.random() < args.code_share)
        if file_index % 25 == 0:  # 25 files per folder, folders spread over 17 team folders
            folder = f"team{folder_index % 17:02d}/{word(rng)}_{folder_index // 17:03d}"
            folder_index += 1
        file_index += 1
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
        if is_code:
            language = rng.choices(list(mix), weights=list(mix.values()))[0]
            size = int(rng.lognormvariate(8.6, 0.9))  # median ~5 KB, a tail of larger files
            relative = f"{folder}/{ident(rng)}_{file_index}{EXTENSIONS[language]}"
            data = code_file(rng, language, size, args.plant_every, plants, relative).encode()
            written["code"] += len(data)
        else:
            kind, data = non_code_file(rng, int(rng.lognormvariate(9.5, 1.2)))
            relative = f"{folder}/{word(rng)}_{file_index}.{kind}"
            written["other"] += len(data)
        with open(os.path.join(args.out, relative), "wb") as f:
            f.write(data)
    with open(os.path.join(args.out, "planted.tsv"), "w") as f:
        f.write("path\tline\tkind\n")
        for relative, line, kind in plants:
            f.write(f"{relative}\t{line}\t{kind}\n")
    print(f"{args.out}: {written['code'] / 2**20:.1f} MiB code, {written['other'] / 2**20:.1f} MiB other, "
          f"{file_index} files, {len(plants)} planted findings")


if __name__ == "__main__":
    main()
