#!/usr/bin/python3
# check-project.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a Crosscheck project file with Python alone (no Crosscheck code), as
# a data person would, and checks the promises of the format: every span's
# text is doc["text"][start:end] in code points, every document's SHA-256
# matches its text, references resolve, a span's needs_review (if any) is a
# reason, and the file validates against the
# JSON Schema (with the independent jsonschema package, when the environment
# names the schema in CROSSCHECK_SCHEMA). Prints one line per problem and
# exits 1 if there is any; prints a summary and exits 0 otherwise.

import hashlib
import json
import os
import sys


def check(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        project = json.load(f)

    schema_path = os.environ.get("CROSSCHECK_SCHEMA")
    if schema_path:
        import jsonschema

        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.Draft202012Validator(schema)
        for error in validator.iter_errors(project):
            where = ".".join(str(p) for p in error.absolute_path) or "(root)"
            problems.append(f"schema: {where}: {error.message}")

    docs = {d["id"]: d for d in project["documents"]}
    for d in project["documents"]:
        digest = hashlib.sha256(d["text"].encode("utf-8")).hexdigest()
        if digest != d["sha256"]:
            problems.append(f"document {d['id']}: sha256 does not match the text")
        if "\r" in d["text"]:
            problems.append(f"document {d['id']}: text contains CR")

    spans = {}
    for s in project["spans"]:
        spans[s["id"]] = s
        doc = docs.get(s["document"])
        if doc is None:
            problems.append(f"span {s['id']}: unknown document {s['document']}")
            continue
        if not 0 <= s["start"] < s["end"] <= len(doc["text"]):
            problems.append(f"span {s['id']}: range {s['start']}-{s['end']} out of bounds")
        if "needs_review" in s and not (isinstance(s["needs_review"], str) and s["needs_review"]):
            problems.append(f"span {s['id']}: needs_review must be a non-empty reason")
        got = doc["text"][s["start"]:s["end"]]
        if got != s["text"]:
            problems.append(f"span {s['id']}: text[{s['start']}:{s['end']}] is {got!r}, "
                            f"file says {s['text']!r}")

    for link in project["links"]:
        for end in ("from", "to"):
            if link[end] not in spans:
                problems.append(f"link {link['id']}: unknown span {link[end]}")

    for p in problems:
        print(f"{path}: {p}")
    if not problems:
        print(f"{path}: ok ({len(docs)} documents, {len(spans)} spans, "
              f"{len(project['links'])} links)")
    return not problems


if __name__ == "__main__":
    ok = all([check(p) for p in sys.argv[1:]])
    sys.exit(0 if ok else 1)
