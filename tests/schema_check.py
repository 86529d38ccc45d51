#!/usr/bin/env python3
"""Checks that rules/schema.json and the rule-pack loader agree.

Validates with the JSON Schema draft 2020-12 validator of python3-jsonschema:
  - the schema itself;
  - every pack in rules/ (but schema.json) and tests/packs/valid/: must pass;
  - every pack in tests/packs/invalid/: must fail;
  - every pack in tests/packs/loader-only/: must pass (the loader rejects
    them for what no schema can see: RE2 errors, patterns that match the
    empty string, rule ids without their pack's prefix, duplicate ids,
    triggers naming rules that are not loaded).
The loader side of the same check is tests/unit/rules_test.cc (SchemaPacks),
which loads the same files and expects the same verdicts.

Pack files may hold // and /* */ comments, as the loader allows; they are
stripped (outside strings) before validation.

usage: schema_check.py SOURCE_DIR
"""

import json
import pathlib
import sys


def strip_comments(text):
    out, i, n = [], 0, len(text)
    in_string = False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
        elif c == '"':
            in_string = True
            out.append(c)
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def main():
    try:
        import jsonschema
    except ImportError:
        print("schema_check: python3-jsonschema is not installed (bash .ci/deps installs it)")
        return 1
    root = pathlib.Path(sys.argv[1])
    schema = json.loads((root / "rules" / "schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    must_pass = sorted(p for p in (root / "rules").glob("*.json") if p.name != "schema.json")
    must_pass += sorted((root / "tests" / "packs" / "valid").glob("*.json"))
    must_pass += sorted((root / "tests" / "packs" / "loader-only").glob("*.json"))
    must_fail = sorted((root / "tests" / "packs" / "invalid").glob("*.json"))
    if not must_fail:
        print("schema_check: no invalid packs found")
        return 1
    failures = 0
    for path in must_pass:
        try:
            pack = json.loads(strip_comments(path.read_text()))
        except json.JSONDecodeError as error:
            print(f"FAIL {path}: not JSON: {error}")
            failures += 1
            continue
        errors = sorted(validator.iter_errors(pack), key=lambda e: list(e.path))
        if errors:
            failures += 1
            print(f"FAIL {path}: the schema rejects a pack the loader accepts:")
            for error in errors[:5]:
                where = "/".join(str(p) for p in error.absolute_path) or "(root)"
                print(f"    {where}: {error.message[:200]}")
        else:
            print(f"ok   {path.relative_to(root)}: valid")
    for path in must_fail:
        pack = json.loads(strip_comments(path.read_text()))
        errors = list(validator.iter_errors(pack))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path) or "(root)"
            print(f"ok   {path.relative_to(root)}: rejected at {where}")
        else:
            failures += 1
            print(f"FAIL {path}: the schema accepts a pack the loader rejects")
    print(f"{len(must_pass)} valid and {len(must_fail)} invalid packs checked, {failures} disagreements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
