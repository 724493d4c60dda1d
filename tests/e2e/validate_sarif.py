#!/usr/bin/python3
"""Validate SARIF files against the official SARIF 2.1.0 JSON schema.

usage: validate_sarif.py SCHEMA.json REPORT.sarif [REPORT.sarif...]
Exit 0 when every report is valid; 1 with every violation listed (report, path in the document and
message) otherwise. One line per report says how many results it has and whether it is valid.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, report_paths = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    invalid = 0
    for report_path in report_paths:
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{report_path}: /{where}: {error.message}")
        print(f"{report_path}: {len(report['runs'][0]['results'])} results, "
              f"{'valid' if not errors else str(len(errors)) + ' schema violations'} "
              f"({validator_class.__name__})")
        invalid += bool(errors)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
