"""Validates JSON files against a JSON Schema (draft 7): the SARIF test's
validator. Usage: validate_json.py SCHEMA FILE... Prints every violation
and exits 1 if there is one; exits 2 if the schema cannot be used.

A schema whose top level holds only definitions (the copy in shared/schemas
keeps the SARIF root object as definitions.Root) would accept anything, so
such a schema is validated through definitions.Root, and one with neither
is refused."""

import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print("usage: validate_json.py SCHEMA FILE...", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as error:
        print(f"{argv[1]}: cannot read the schema: {error}", file=sys.stderr)
        return 2
    validating = set(schema) - {"$schema", "$id", "title", "description", "definitions", "$comment"}
    if not validating:
        if "Root" not in schema.get("definitions", {}):
            print(f"{argv[1]}: the schema has no root to validate against", file=sys.stderr)
            return 2
        schema["$ref"] = "#/definitions/Root"
    validator = jsonschema.Draft7Validator(schema)
    failed = False
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as error:
            print(f"{path}: not JSON: {error}")
            failed = True
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}")
        failed = failed or bool(errors)
        if not errors:
            print(f"{path}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
