#!/usr/bin/python3
# import-cli.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs `crosscheck-cli import-brat` (and `new` on folders and cluster files)
# as a user would, and checks the projects it writes with Python alone: a
# brat reader written here, independent of Crosscheck, reads the .txt as brat
# does (UTF-8, universal newlines, offsets in code points) and checks that
# every T, R, E, A, M, N, # and * line is in the project where it belongs;
# tests/check-project.py then checks the project file itself. Prints TAP.

import json
import os
import re
import subprocess
import sys

from cli_common import expect, load, main, run, test, tmpdir, write
SHARED = os.environ["CROSSCHECK_SHARED_DATA"]
HERE = os.path.dirname(os.path.abspath(__file__))
CHECK_PROJECT = os.path.join(HERE, "check-project.py")
EXAMPLES = os.path.join(SHARED, "brat-examples")

# --------------------------------------------------------------------------
# An independent reader of brat folders

def read_brat(folder):
    """Returns {name: (text as brat sees it, [ann lines])}."""
    docs = {}
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".txt"):
            continue
        stem = entry[:-4]
        # newline=None is Python's universal newlines, as brat opens files.
        with open(os.path.join(folder, entry), encoding="utf-8", newline=None) as f:
            text = f.read()
        lines = []
        ann = os.path.join(folder, stem + ".ann")
        if os.path.exists(ann):
            with open(ann, encoding="utf-8", newline=None) as f:
                lines = [line.rstrip("\n") for line in f if line.strip()]
        docs[stem] = (text, lines)
    return docs


def check_against_brat(project, folder):
    """Every line of every .ann file is in @project; returns a count."""
    documents = {d["source"]: d for d in project["documents"]}
    spans_of_doc = {}
    for s in project["spans"]:
        spans_of_doc.setdefault(s["document"], []).append(s)
    links = {(link["type"], link["from"], link["to"]) for link in project["links"]}
    notes = {(link["type"], link["from"], link["to"]): link["note"] for link in project["links"]}
    spans_by_id = {s["id"]: s for s in project["spans"]}
    expected_links = set()
    checked = 0

    for stem, (brat_text, lines) in read_brat(folder).items():
        doc = documents.get(stem + ".txt")
        expect(doc is not None, f"{stem}.txt is not in the project")
        bom = 1 if brat_text.startswith("\ufeff") else 0
        expect(doc["text"] == brat_text[bom:], f"{stem}: the text differs from the .txt")
        spans = spans_of_doc.get(doc["id"], [])
        by_place = {}
        for s in spans:
            by_place.setdefault((s["start"], s["end"], s["label"]), []).append(s)

        first = {}       # T or E id → span id standing for it
        relations = {}   # R id → (type, from, to)
        fragments = {}   # T id → all its spans
        n_fragments = 0
        parsed = [line.split("\t") for line in lines]

        for fields in parsed:
            if not fields[0].startswith("T"):
                continue
            tid = fields[0]
            label, offsets = fields[1].split(" ", 1)
            ranges = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            texts = [brat_text[a:b] for a, b in ranges]
            expect(fields[2] == " ".join(texts),
                   f"{stem}.ann {tid}: the .ann text {fields[2]!r} is not {' '.join(texts)!r}")
            fragments[tid] = []
            for (a, b), covered in zip(ranges, texts):
                candidates = by_place.get((a - bom, b - bom, label), [])
                expect(candidates, f"{stem}.ann {tid}: no {label} span at {a}-{b}")
                span = candidates.pop(0)
                # The offset rule, with brat's own text as the reference.
                expect(doc["text"][span["start"]:span["end"]] == covered == span["text"],
                       f"{stem}.ann {tid}: span {span['id']} does not cover {covered!r}")
                if len(ranges) > 1:
                    expect(span["attributes"].get("fragment_of") == tid,
                           f"{stem}.ann {tid}: fragment {span['id']} is not marked")
                fragments[tid].append(span)
                n_fragments += 1
            first[tid] = fragments[tid][0]["id"]
            checked += 1
        expect(n_fragments == len(spans), f"{stem}: {len(spans)} spans for {n_fragments} fragments")

        for fields in parsed:
            if fields[0].startswith("E"):
                first[fields[0]] = first[fields[1].split()[0].split(":")[1]]

        for fields in parsed:
            kind = fields[0][0]
            parts = fields[1].split() if len(fields) > 1 else []
            if kind == "R":
                (_, a1), (_, a2) = (p.split(":") for p in parts[1:3])
                relations[fields[0]] = (parts[0], first[a1], first[a2])
                expected_links.add(relations[fields[0]])
            elif kind == "E":
                trigger = first[fields[0]]
                for arg in parts[1:]:
                    role, target = arg.split(":")
                    expected_links.add((re.sub(r"[0-9]+$", "", role) or role, trigger, first[target]))
            elif kind == "*":
                for other in parts[2:]:
                    expected_links.add((parts[0], first[parts[1]], first[other]))
            elif kind in "AM":
                value = parts[2] if len(parts) == 3 else "true"
                for span in fragments.get(parts[1]) or [spans_by_id[first[parts[1]]]]:
                    expect(span["attributes"].get(parts[0]) == value,
                           f"{stem}.ann {fields[0]}: {span['id']} lacks {parts[0]}={value}")
            elif kind == "N":
                span = spans_by_id[first[parts[1]]]
                expect(span["attributes"].get(parts[0]) == parts[2],
                       f"{stem}.ann {fields[0]}: {span['id']} lacks {parts[0]}={parts[2]}")
            elif kind == "#":
                text = fields[2].strip() if len(fields) > 2 else ""
                if parts[1].startswith("R"):
                    expect(text in notes.get(relations[parts[1]], "").split("\n"),
                           f"{stem}.ann {fields[0]}: note {text!r} missing on {parts[1]}")
                    checked += 1
                    continue
                span = spans_by_id[first[parts[1]]]
                if parts[0] == "AnnotatorNotes":
                    expect(text in span["note"].split("\n"),
                           f"{stem}.ann {fields[0]}: note {text!r} missing on {span['id']}")
                else:
                    expect(span["attributes"].get(parts[0]) == text,
                           f"{stem}.ann {fields[0]}: {span['id']} lacks {parts[0]}={text!r}")
            else:
                continue
            checked += 1

    expect(links == expected_links,
           f"links differ: missing {sorted(expected_links - links)[:5]}, "
           f"extra {sorted(links - expected_links)[:5]}")
    return checked


def check_project_py(path):
    proc = subprocess.run([sys.executable, CHECK_PROJECT, path], capture_output=True, text=True)
    expect(proc.returncode == 0, f"check-project.py: {proc.stdout}{proc.stderr}")


# --------------------------------------------------------------------------
# The real brat files, read in place

def import_example(name, documents, spans, links):
    out = os.path.join(tmpdir(), name + ".crosscheck.json")
    folder = os.path.join(EXAMPLES, name)
    rc, stdout, stderr = run("import-brat", folder, "-o", out)
    expect(rc == 0, f"exit {rc}: {stderr}")
    expect(stdout == f"{out}: created with {documents} documents, {spans} spans and {links} links\n",
           f"stdout: {stdout!r}")
    expect(stderr == "", f"stderr: {stderr!r}")
    with open(out, encoding="utf-8") as f:
        project = json.load(f)
    checked = check_against_brat(project, folder)
    check_project_py(out)
    rc, stdout, stderr = run("validate", out)
    expect(rc == 0, f"validate: {stdout}")
    return checked


@test("real brat tutorial: every line in the project, every span on its text")
def _():
    # Figures counted with grep over news/*.ann: 119 T lines; 8 R lines +
    # 52 event arguments + 3 further members of * groups = 63 links.
    checked = import_example("news", 13, 119, 63)
    expect(checked == 119 + 8 + 23 + 2 + 11 + 1 + 4, f"{checked} lines checked")


@test("real Finnish documents: every line in the project, every span on its text")
def _():
    checked = import_example("TDT", 6, 1165, 1169)
    expect(checked == 1165 + 1169 + 3506 + 1165, f"{checked} lines checked")


@test("CR LF, lone CR, emoji, a byte-order mark and a discontinuous span")
def _():
    folder = tmpdir()
    # brat (universal newlines): "Ann met Bo\nin Oslo 🔴\non Monday"
    write(folder, "a.txt", "Ann met Bo\r\nin Oslo \U0001F534\ron Monday")
    write(folder, "a.ann", "T1\tGPE 14 18\tOslo\r\nT2\tDATE 24 30\tMonday\r\n"
                           "T3\tPerson 0 3;8 10\tAnn Bo\r\n")
    # brat counts the mark: "Bob" is 1-4 for brat, 0-3 here.
    write(folder, "b.txt", b"\xef\xbb\xbfBob said no")
    write(folder, "b.ann", "T1\tPerson 1 4\tBob\n")
    out = os.path.join(folder, "out.crosscheck.json")
    rc, stdout, stderr = run("import-brat", folder, "-o", out)
    expect(rc == 0, f"exit {rc}: {stderr}")
    expect(stderr == "", f"stderr: {stderr!r}")
    with open(out, encoding="utf-8") as f:
        project = json.load(f)
    check_against_brat(project, folder)
    check_project_py(out)
    got = sorted((s["document"], s["start"], s["end"], s["text"]) for s in project["spans"])
    # Documents take their file names as ids.
    expect(got == [("a", 0, 3, "Ann"), ("a", 8, 10, "Bo"), ("a", 14, 18, "Oslo"),
                   ("a", 24, 30, "Monday"), ("b", 0, 3, "Bob")], f"spans: {got}")


BAD = [
    ("T1\tOrg 0 4\tAcne\n", 1,
     "the text “Acne” does not match the .txt at 0 4, which is “Acme”"),
    ("T1\tOrg 0 4\tAcme\nT2\tPerson 11 x\tBob\n", 2,
     "expected offsets START END (decimal numbers), separated by “;” for a discontinuous span, not “11 x”"),
    ("T1\tOrg 0 4\tAcme\nR1\tHas Arg1:T1 Arg2:T7\n", 2, "T7 is not defined in this file"),
    ("T1\tOrg 0 4\tAcme\nT2\tOrg 90 95\tOslo.\n", 2,
     "the offset 95 is past the end of the text (23 characters)"),
    ("T1\tOrg 0 4\tAcme\nA1\tSize\n", 2,
     "expected an attribute, an id and maybe a value, as in “Mention T4 Name”"),
]


@test("malformed lines: FILE:LINE: message, exit 1, no project written")
def _():
    for i, (ann, line, message) in enumerate(BAD):
        folder = tmpdir()
        write(folder, "doc.txt", "Acme hired Bob in Oslo.")
        write(folder, "doc.ann", ann)
        out = os.path.join(folder, "out.crosscheck.json")
        rc, stdout, stderr = run("import-brat", folder, "-o", out)
        expect(rc == 1, f"case {i}: exit {rc}")
        first = stderr.split("\n")[0]
        expect(first == f"{folder}/doc.ann:{line}: {message}", f"case {i}: {first!r}")
        expect("--skip-bad-lines" in stderr, f"case {i}: no hint: {stderr!r}")
        expect(not os.path.exists(out), f"case {i}: a project was written")


@test("--skip-bad-lines: bad lines and what refers to them left out, each reported")
def _():
    folder = tmpdir()
    write(folder, "doc.txt", "Acme hired Bob in Oslo.")
    write(folder, "doc.ann", "T1\tOrg 0 4\tAcme\nT2\tPerson 11 14\tBobby\nT3\tGPE 18 22\tOslo\n"
                             "R1\tIn Arg1:T1 Arg2:T3\nR2\tHired Arg1:T1 Arg2:T2\n")
    out = os.path.join(folder, "out.crosscheck.json")
    rc, stdout, stderr = run("import-brat", "--skip-bad-lines", folder, "-o", out)
    expect(rc == 0, f"exit {rc}: {stderr}")
    expect(stderr ==
           f"warning: {folder}/doc.ann:2: the text “Bobby” does not match the .txt at 11 14, "
           f"which is “Bob” (line left out)\n"
           f"warning: {folder}/doc.ann:5: it refers to T2, which was left out (line 2) "
           f"(line left out)\n", f"stderr: {stderr!r}")
    with open(out, encoding="utf-8") as f:
        project = json.load(f)
    expect([s["text"] for s in project["spans"]] == ["Acme", "Oslo"], "spans")
    expect([(link["type"]) for link in project["links"]] == ["In"], "links")
    check_project_py(out)


@test("command-line errors: exit 2 for usage, 1 for failures, with a clear message")
def _():
    folder = tmpdir()
    write(folder, "doc.txt", "Acme hired Bob.")
    missing = os.path.join(folder, "no-such-folder")

    rc, _, err = run("import-brat", missing, "-o", os.path.join(folder, "x.crosscheck.json"))
    expect(rc == 1 and f"crosscheck-cli: {missing}: not a folder" in err, f"missing: {rc} {err!r}")

    rc, _, err = run("import-brat", folder)
    expect(rc == 2 and "--output is required" in err, f"no -o: {rc} {err!r}")

    rc, _, err = run("import-brat", folder, "-o", os.path.join(folder, "x.json"))
    expect(rc == 2 and "project file names end in .crosscheck.json" in err, f"suffix: {rc} {err!r}")

    rc, _, err = run("import-brat", folder, folder, "-o", os.path.join(folder, "x.crosscheck.json"))
    expect(rc == 2 and "Too many arguments" in err, f"two folders: {rc} {err!r}")

    empty = os.path.join(folder, "empty")
    os.makedirs(empty)
    rc, _, err = run("import-brat", empty, "-o", os.path.join(folder, "x.crosscheck.json"))
    expect(rc == 1 and "there are no brat documents here" in err, f"empty: {rc} {err!r}")

    # Where no one can write, not even root: below a regular file.
    out = os.path.join(folder, "doc.txt", "x.crosscheck.json")
    rc, _, err = run("import-brat", folder, "-o", out)
    expect(rc == 1 and "crosscheck-cli: Could not save" in err, f"unwritable: {rc} {err!r}")

    out = os.path.join(folder, "no-dir", "x.crosscheck.json")
    rc, _, err = run("import-brat", folder, "-o", out)
    expect(rc == 1 and "crosscheck-cli: Could not save" in err, f"no such output folder: {rc} {err!r}")

    out = os.path.join(folder, "done.crosscheck.json")
    rc, _, err = run("import-brat", folder, "-o", out)
    expect(rc == 0, f"first: {rc} {err!r}")
    rc, _, err = run("import-brat", folder, "-o", out)
    expect(rc == 1 and "exists already; use --force" in err, f"exists: {rc} {err!r}")
    rc, _, err = run("import-brat", "--force", folder, "-o", out)
    expect(rc == 0, f"--force: {rc} {err!r}")


# --------------------------------------------------------------------------
# new: folders of articles and Multi-News style cluster files

@test("new FOLDER: every .txt in it, in natural order of the names")
def _():
    folder = tmpdir()
    articles = os.path.join(folder, "articles")
    write(articles, "a10.txt", "Tenth\n")
    write(articles, "a2.txt", "Second\r\nline two\n")
    write(articles, "a1.txt", "First \U0001F534\n")
    write(articles, "notes.md", "not an article")
    write(articles, ".hidden.txt", "hidden")
    single = os.path.join(folder, "single.txt")
    write(folder, "single.txt", "A single article")
    out = os.path.join(folder, "f.crosscheck.json")
    rc, stdout, stderr = run("new", "-o", out, articles, single)
    expect(rc == 0, f"exit {rc}: {stderr}")
    expect(stdout == f"{out}: created with 4 documents\n", f"stdout: {stdout!r}")
    project = load(out)
    expect([d["source"] for d in project["documents"]] == ["a1.txt", "a2.txt", "a10.txt", "single.txt"],
           f"sources: {[d['source'] for d in project['documents']]}")
    expect(project["documents"][1]["text"] == "Second\nline two\n", "CR LF not normalised")
    check_project_py(out)

    empty = os.path.join(folder, "empty")
    os.makedirs(empty)
    rc, _, err = run("new", "-o", os.path.join(folder, "e.crosscheck.json"), empty)
    expect(rc == 1 and f"crosscheck-cli: {empty}: the folder holds no articles (.txt files)" in err,
           f"empty folder: {rc} {err!r}")


CLUSTERS = (
    "Ships collide NEWLINE_CHAR NEWLINE_CHAR Two ships collided on Monday . "
    "||||| Harbour closed \U0001F534 NEWLINE_CHAR The harbour stays closed until May . |||||  \n"
    "Only one article here\r\n"
    "\n"
    "Café opens ||||| Café opens\n"
)


@test("new --clusters: one project per cluster; NEWLINE_CHAR becomes a line break")
def _():
    folder = tmpdir()
    write(folder, "train.src", CLUSTERS)
    src = os.path.join(folder, "train.src")
    out = os.path.join(folder, "news.crosscheck.json")
    rc, stdout, stderr = run("new", "--clusters", src, "-o", out)
    expect(rc == 0, f"exit {rc}: {stderr}")
    base = os.path.join(folder, "news")
    expect(stdout == f"{base}-1.crosscheck.json: created with 2 documents\n"
                     f"{base}-2.crosscheck.json: created with 1 document\n"
                     f"{base}-4.crosscheck.json: created with 1 document\n", f"stdout: {stdout!r}")
    expect(stderr == f"crosscheck-cli: {src}:1: warning: article 3 is empty; left out\n"
                     f"crosscheck-cli: {src}:3: warning: article 1 is empty; left out\n"
                     f"crosscheck-cli: {src}:3: warning: no articles; no project written\n"
                     f"crosscheck-cli: {src}:4: warning: article 2 left out: “Café opens” is "
                     f"already in the project as “Café opens”, with the same text.\n",
           f"stderr: {stderr!r}")
    first = load(f"{base}-1.crosscheck.json")
    expect([d["text"] for d in first["documents"]] ==
           ["Ships collide\n\nTwo ships collided on Monday .",
            "Harbour closed \U0001F534\nThe harbour stays closed until May ."],
           f"texts: {[d['text'] for d in first['documents']]}")
    expect([d["source"] for d in first["documents"]] == ["train.src:1:1", "train.src:1:2"], "sources")
    expect(load(f"{base}-2.crosscheck.json")["documents"][0]["text"] == "Only one article here",
           "CR at the line end kept")
    expect(not os.path.exists(f"{base}-3.crosscheck.json"), "an empty cluster was written")
    for n in (1, 2, 4):
        check_project_py(f"{base}-{n}.crosscheck.json")

    # Outputs are checked before anything is written.
    rc, _, err = run("new", "--clusters", src, "-o", out)
    expect(rc == 1 and "news-1.crosscheck.json exists already; use --force" in err, f"exists: {rc} {err!r}")

    one = os.path.join(folder, "one.crosscheck.json")
    rc, stdout, err = run("new", "--clusters", "--cluster", "2", src, "-o", one)
    expect(rc == 0 and stdout == f"{one}: created with 1 document\n", f"--cluster 2: {rc} {stdout!r} {err!r}")

    rc, _, err = run("new", "--clusters", "--cluster", "9", src, "-o", os.path.join(folder, "n.crosscheck.json"))
    expect(rc == 1 and "has 4 clusters; there is no cluster 9" in err, f"--cluster 9: {rc} {err!r}")
    rc, _, err = run("new", "--cluster", "2", src, "-o", os.path.join(folder, "n.crosscheck.json"))
    expect(rc == 2 and "--cluster needs --clusters" in err, f"no --clusters: {rc} {err!r}")
    rc, _, err = run("new", "--clusters", src, src, "-o", os.path.join(folder, "n.crosscheck.json"))
    expect(rc == 2 and "--clusters takes one cluster file" in err, f"two files: {rc} {err!r}")
    rc, _, err = run("new", "--clusters", os.path.join(folder, "missing.src"),
                     "-o", os.path.join(folder, "n.crosscheck.json"))
    expect(rc == 1 and "missing.src" in err, f"missing file: {rc} {err!r}")


if __name__ == "__main__":
    sys.exit(main())
