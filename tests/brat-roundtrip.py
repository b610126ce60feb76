#!/usr/bin/python3
# brat-roundtrip.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Exports projects as brat with `crosscheck-cli export --format brat`,
# imports the folder again with `crosscheck-cli import-brat`, and compares
# the two project files with Python alone. Everything brat can hold must
# come back; the only differences allowed are the documented ones, listed
# below and checked one by one. Also checks that the import reads
# visual.conf, kb_shortcuts.conf and cross-document-links.tsv tolerantly.
# Prints TAP.
#
# Usage: brat-roundtrip.py PROJECT.crosscheck.json...

import json
import os
import re
import sys

from cli_common import expect, load, main, run, test, tmpdir, write

# What brat cannot hold (docs/format.md, "brat"), and so the only
# differences between a project and its brat round trip:
DOCUMENT_LOSSES = {
    # brat has the text and a file name; Crosscheck's import takes the
    # title from the first line, the source from the file name, no date.
    "title", "source", "published",
}
ANNOTATION_LOSSES = {
    # brat numbers annotations per file (T1, R1): the import numbers spans
    # and links s1…, l1… again. Spans are matched by document, offsets and
    # label; links by type and ends.
    "id",
    # brat keeps no authors or times.
    "annotator", "created", "modified",
}
# brat attribute values are single words: the exporter turns white space,
# "|" and "," into "_" (and reports it). Values of links between documents
# travel in cross-document-links.tsv as JSON, unchanged.


def brat_value(value):
    return re.sub(r"[\s|,]", "_", value) or "_"


def round_trip(path):
    """Returns (original, imported, export stderr, brat folder)."""
    folder = tmpdir()
    brat = os.path.join(folder, "brat")
    out = os.path.join(folder, "back.crosscheck.json")
    rc, _, err = run("export", "--format", "brat", "-o", brat, path)
    expect(rc == 0, f"export: exit {rc}: {err}")
    rc, stdout, import_err = run("import-brat", brat, "-o", out)
    expect(rc == 0, f"import-brat: exit {rc}: {import_err}")
    # The import of our own export has nothing to warn about.
    expect(import_err == "", f"import-brat warned: {import_err!r}")
    return load(path), load(out), err, brat


def span_key(span):
    return (span["document"], span["start"], span["end"], span["label"])


def first_difference(a, b, where="project"):
    if type(a) is not type(b):
        return f"{where}: {a!r} ≠ {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}.{key}: only in {'the original' if key in a else 'the import'}"
            found = first_difference(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items ≠ {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} ≠ {b!r}"


def normalise(project, original):
    """The project less the documented losses; for the original, with the
    documented change of attribute values applied."""
    documents = {d["id"]: d for d in project["documents"]}
    keys = {}
    spans = []
    for span in project["spans"]:
        key = span_key(span)
        expect(key not in keys.values(), f"two spans {key}: cannot match them")
        keys[span["id"]] = key
        copy = {k: v for k, v in span.items() if k not in ANNOTATION_LOSSES}
        if original:
            copy["attributes"] = {k: brat_value(v) for k, v in span["attributes"].items()}
        spans.append(copy)
    links = []
    for link in project["links"]:
        copy = {k: v for k, v in link.items() if k not in ANNOTATION_LOSSES}
        copy["from"], copy["to"] = keys[link["from"]], keys[link["to"]]
        if original and copy["from"][0] == copy["to"][0]:
            copy["attributes"] = {k: brat_value(v) for k, v in link["attributes"].items()}
        links.append(copy)
    return {
        **{k: v for k, v in project.items() if k not in ("documents", "spans", "links")},
        "documents": [{k: v for k, v in d.items() if k not in DOCUMENT_LOSSES}
                      for d in documents.values()],
        "spans": sorted(spans, key=span_key),
        "links": sorted(links, key=lambda l: (l["type"], l["from"], l["to"])),
    }


def round_trip_tests(path):
    name = os.path.basename(path)
    state = {}

    def get():
        if not state:
            state["original"], state["back"], state["warnings"], state["brat"] = round_trip(path)
        return state["original"], state["back"], state["warnings"], state["brat"]

    @test(f"{name}: documents come back with their ids, texts and encodings")
    def _():
        original, back, _, _ = get()
        expect([d["id"] for d in back["documents"]] == [d["id"] for d in original["documents"]],
               f"ids: {[d['id'] for d in back['documents']]}")
        for a, b in zip(original["documents"], back["documents"]):
            for key in ("text", "encoding", "sha256"):
                expect(a[key] == b[key], f"{a['id']}.{key}: {a[key]!r:.60} ≠ {b[key]!r:.60}")

    @test(f"{name}: labels come back with kind, colour, key and attribute definitions")
    def _():
        original, back, _, _ = get()
        expect(back["labels"] == original["labels"],
               f"labels: {first_difference(original['labels'], back['labels'], 'labels')}")
        expect(any(label["kind"] == "claim" for label in back["labels"]),
               "the test project has no claim label")

    @test(f"{name}: link types come back with symmetry, colour, key and attributes")
    def _():
        original, back, _, _ = get()
        expect(back["link_types"] == original["link_types"],
               f"link types: {first_difference(original['link_types'], back['link_types'], 'link_types')}")

    @test(f"{name}: every span: offsets, label, text, note and attributes")
    def _():
        original, back, _, _ = get()
        by_key = {span_key(s): s for s in back["spans"]}
        expect(len(back["spans"]) == len(original["spans"]),
               f"{len(back['spans'])} spans, not {len(original['spans'])}")
        for span in original["spans"]:
            got = by_key.get(span_key(span))
            expect(got is not None, f"{span['id']} {span_key(span)} did not come back")
            expect(got["text"] == span["text"], f"{span['id']}: text {got['text']!r}")
            expect(got["note"] == span["note"], f"{span['id']}: note {got['note']!r} ≠ {span['note']!r}")
            want = {k: brat_value(v) for k, v in span["attributes"].items()}
            expect(got["attributes"] == want, f"{span['id']}: attributes {got['attributes']} ≠ {want}")

    @test(f"{name}: every link, within and across documents: type, ends, note, attributes")
    def _():
        original, back, _, _ = get()
        keys = {s["id"]: span_key(s) for s in original["spans"]}
        back_keys = {s["id"]: span_key(s) for s in back["spans"]}
        got = {(l["type"], back_keys[l["from"]], back_keys[l["to"]]): l for l in back["links"]}
        expect(len(back["links"]) == len(original["links"]),
               f"{len(back['links'])} links, not {len(original['links'])}")
        across = 0
        for link in original["links"]:
            key = (link["type"], keys[link["from"]], keys[link["to"]])
            expect(key in got, f"{link['id']} {key} did not come back")
            same_document = key[1][0] == key[2][0]
            across += not same_document
            want = {k: brat_value(v) if same_document else v for k, v in link["attributes"].items()}
            expect(got[key]["attributes"] == want, f"{link['id']}: attributes {got[key]['attributes']} ≠ {want}")
            expect(got[key]["note"] == link["note"], f"{link['id']}: note {got[key]['note']!r}")
        expect(across > 0, "the test project has no link between documents")

    @test(f"{name}: the documented losses are the only differences")
    def _():
        original, back, _, _ = get()
        found = first_difference(normalise(original, True), normalise(back, False))
        expect(found is None, found)
        # …and the losses are what the format reference says comes back.
        for document in back["documents"]:
            expect(document["source"] == document["id"] + ".txt", f"source {document['source']!r}")
            expect(document["published"] is None, f"published {document['published']!r}")
            first_line = next(l for l in document["text"].split("\n") if l.strip())
            expect(document["title"] == first_line.strip(), f"title {document['title']!r}")
        for annotation in back["spans"] + back["links"]:
            expect((annotation["annotator"], annotation["created"], annotation["modified"]) == ("", None, None),
                   f"{annotation['id']}: {annotation['annotator']!r} {annotation['created']!r}")

    @test(f"{name}: the export reports each change it makes")
    def _():
        original, _, warnings, _ = get()
        keys = {s["id"]: s["document"] for s in original["spans"]}
        across = [l["id"] for l in original["links"] if keys[l["from"]] != keys[l["to"]]]
        changed = [a["id"] for a in original["spans"] + original["links"]
                   if keys.get(a.get("from"), 0) == keys.get(a.get("to"), 0)
                   and any(brat_value(v) != v for v in a["attributes"].values())]
        expect(f"cross-document-links.tsv instead: {', '.join(across)}" in warnings,
               f"no warning for {across}: {warnings}")
        if changed:
            expect(f"became “_” in the attributes of {len(changed)} annotation" in warnings
                   and ", ".join(changed) in warnings, f"no warning for {changed}: {warnings}")
        lines = [l for l in warnings.splitlines() if l]
        expect(len(lines) == 1 + bool(changed), f"other warnings: {warnings}")


# --------------------------------------------------------------------------
# The files brat does not read, read tolerantly

BASE_TXT = {"a": "Ann met Bob in Oslo.\n", "b": "Bob left Oslo.\n"}
BASE_ANN = {"a": "T1\tPerson 0 3\tAnn\nT2\tPerson 8 11\tBob\nT3\tPlace 15 19\tOslo\n",
            "b": "T1\tPerson 0 3\tBob\nT2\tPlace 9 13\tOslo\n"}
CONF = "[entities]\nPerson\nPlace\n[relations]\nsame-as\tArg1:<ENTITY>, Arg2:<ENTITY>\n"
HEADER = "link\ttype\tfrom_document\tfrom_annotation\tto_document\tto_annotation\tfrom_text\tto_text\tattributes\tnote\n"


def folder_with(**files):
    folder = tmpdir()
    for stem in BASE_TXT:
        write(folder, stem + ".txt", BASE_TXT[stem])
        write(folder, stem + ".ann", BASE_ANN[stem])
    write(folder, "annotation.conf", CONF)
    names = {"visual_conf": "visual.conf", "kb_shortcuts_conf": "kb_shortcuts.conf",
             "cross_document_links_tsv": "cross-document-links.tsv"}
    for name, data in files.items():
        write(folder, names[name], data)
    return folder


def import_folder(folder, *options):
    out = os.path.join(folder, "out.crosscheck.json")
    rc, _, err = run("import-brat", folder, "-o", out, "--force", *options)
    return rc, err, load(out) if rc == 0 else None


@test("document ids: the file names, else d1, d2, …; no id given twice")
def _():
    folder = tmpdir()
    # a.ann's span and link are s1 and l1 by the time l1.txt and s1.txt
    # come (natural order); "x y" and "ü" cannot be ids.
    for stem in ("a", "l1", "s1", "x y", "ü"):
        write(folder, stem + ".txt", "Ann met Bob.\n" + stem + "\n")  # each text its own
        write(folder, stem + ".ann", "T1\tPerson 0 3\tAnn\nT2\tPerson 8 11\tBob\nR1\tknows Arg1:T1 Arg2:T2\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0 and err == "", f"exit {rc}: {err!r}")
    ids = {d["source"]: d["id"] for d in project["documents"]}
    expect(ids == {"a.txt": "a", "l1.txt": "d1", "s1.txt": "d2", "x y.txt": "d3", "ü.txt": "d4"},
           f"document ids {ids}")
    ids = list(ids.values())
    every = ids + [s["id"] for s in project["spans"]] + [l["id"] for l in project["links"]]
    expect(len(set(every)) == len(every) == 5 + 10 + 5, f"ids {every}")


def changed_copy(change):
    """A copy of the first project on the command line, changed."""
    project = load(sys.argv[1])
    change(project)
    path = os.path.join(tmpdir(), "changed.crosscheck.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False)
    return path


@test("a note with tabs and padded lines: the documented change, reported")
def _():
    path = changed_copy(lambda p: p["spans"][0].update(note="  first\tline \n\nthird"))
    original, back, warnings, _ = round_trip(path)
    key = span_key(original["spans"][0])
    got = next(s["note"] for s in back["spans"] if span_key(s) == key)
    # Tabs become spaces, white space around each line goes; empty lines stay.
    expect(got == "first line\n\nthird", f"note {got!r}")
    expect(f"in the note of 1 annotation: {original['spans'][0]['id']}" in warnings, f"{warnings}")


@test("the key #, which brat cannot hold: reported, and left out")
def _():
    path = changed_copy(lambda p: p["labels"][0].update(shortcut="#"))
    original, back, warnings, _ = round_trip(path)
    name = original["labels"][0]["name"]
    expect(f"brat cannot hold the key “#”; {name} has no key in kb_shortcuts.conf" in warnings, f"{warnings}")
    expect(back["labels"][0]["shortcut"] == "", f"{back['labels'][0]}")
    expect(back["labels"][1:] == original["labels"][1:], "other labels changed")


@test("visual.conf: colours by hex and name; bad lines are warnings")
def _():
    folder = folder_with(visual_conf=(
        "[labels]\nPerson | Person\n[drawing]\nSPAN_DEFAULT\tbgColor:lightgreen\n"
        "Person\tbgColor:#A1B2C3, fgColor:black\nPlace\tbgColor:gray\n"
        "same-as\tcolor:#abc\nUnused\tbgColor:nonsense\nPlace nonsense-without-colon\n"))
    rc, err, project = import_folder(folder)
    expect(rc == 0, f"exit {rc}: {err}")
    colors = {l["name"]: l["color"] for l in project["labels"] + project["link_types"]}
    expect(colors["Person"] == "#a1b2c3", f"Person {colors['Person']}")
    expect(colors["Place"] == "#808080", f"Place {colors['Place']}")
    expect(colors["same-as"] == "#aabbcc", f"same-as {colors['same-as']}")
    expect(f"{folder}/visual.conf:9: expected KEY:VALUE settings" in err, f"stderr: {err!r}")
    expect("nonsense”" not in err.replace("nonsense-without-colon", ""), f"unused type reported: {err!r}")
    expect(err.count("warning:") == 1, f"stderr: {err!r}")

    write(folder, "visual.conf", "[drawing]\nPerson\tbgColor:rgb(1,2,3)\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0 and "visual.conf:2: Crosscheck cannot read the colour “rgb(1”" in err, f"{rc} {err!r}")
    write(folder, "visual.conf", b"[drawing]\nPerson\tbgColor:#\xff\xfe\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0 and "visual.conf: not a brat configuration" in err, f"{rc} {err!r}")


@test("kb_shortcuts.conf: keys for labels and link types; bad and taken keys are warnings")
def _():
    folder = folder_with(kb_shortcuts_conf="# keys\nP\tPerson\nL Place\nx same-as\nP Place\n7 Person\nQQ Person\nZ Nobody\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0, f"exit {rc}: {err}")
    keys = {l["name"]: l["shortcut"] for l in project["labels"] + project["link_types"]}
    # As in brat, a key given again goes to the later type; of a type's
    # keys, the one that comes first in the file is its shortcut.
    expect(keys["Person"] == "" and keys["Place"] == "P" and keys["same-as"] == "x", f"keys {keys}")
    expect("kb_shortcuts.conf:5: the key P was Person’s (line 2); it is Place’s now, as in brat" in err,
           f"stderr: {err!r}")
    expect("kb_shortcuts.conf:6: expected one key" in err and "kb_shortcuts.conf:7: expected one key" in err,
           f"stderr: {err!r}")
    expect(err.count("warning:") == 3, f"stderr: {err!r}")


@test("annotation.conf: Crosscheck's comment lines, and bad ones")
def _():
    folder = folder_with()
    write(folder, "annotation.conf", CONF + "# crosscheck: claim Place\n[attributes]\n"
          "# crosscheck: free-text Said Arg:Person\n# crosscheck: claim Nobody\n# crosscheck: frobnicate\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0, f"exit {rc}: {err}")
    labels = {l["name"]: l for l in project["labels"]}
    expect(labels["Place"]["kind"] == "claim" and labels["Person"]["kind"] == "entity", f"{labels}")
    expect(labels["Person"]["attributes"] == [{"name": "Said", "values": []}], f"{labels['Person']}")
    expect("annotation.conf:9: “# crosscheck: claim Nobody” names no entity type" in err, f"stderr: {err!r}")
    expect("annotation.conf:10: “# crosscheck: frobnicate” is not a Crosscheck note" in err, f"stderr: {err!r}")


@test("cross-document-links.tsv: links between documents are read")
def _():
    folder = folder_with(cross_document_links_tsv=HEADER +
                         "l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{\"why\": \"same name\\tand tab\"}\tline\\nbreak\n")
    rc, err, project = import_folder(folder)
    expect(rc == 0 and err == "", f"exit {rc}: {err!r}")
    spans = {s["id"]: (s["document"], s["text"]) for s in project["spans"]}
    links = [(l["type"], spans[l["from"]], spans[l["to"]], l["attributes"], l["note"]) for l in project["links"]]
    expect(links == [("same-as", ("a", "Bob"), ("b", "Bob"), {"why": "same name\tand tab"}, "line\nbreak")],
           f"links {links}")


BAD_TSV = [
    ("l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{}\n", None),
    ("l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{}\textra\tcolumn\n", "expected 10 columns separated by tabs"),
    ("l1\tsame-as\tzz\tT2\tb\tT1\tBob\tBob\t{}\t\n", "there is no document “zz” (zz.txt) in this folder"),
    ("l1\tsame-as\ta\tT9\tb\tT1\tBob\tBob\t{}\t\n", "a.ann has no text-bound annotation “T9”"),
    ("l1\tsame-as\ta\tT2\tb\tT1\tBobby\tBob\t{}\t\n", "the text “Bobby” is not that of T2 in a.ann, which is “Bob”"),
    ("l1\tsame-as\ta\tT2\ta\tT2\tBob\tBob\t{}\t\n", "a link cannot join T2 to itself"),
    ("l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t[[[[1]]]]\t\n", "the attributes must be a JSON object of strings"),
    ("l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{\"a\": 1}\t\n", "the attribute “a” must have a name"),
    ("l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{}\tbad \\q escape\n", "a backslash in a cell must start"),
    ("l1\tno space\ta\tT2\tb\tT1\tBob\tBob\t{}\t\n", "“no space” cannot be a type name"),
    (b"l1\tsame-as\ta\tT2\tb\tT1\tBob\tBob\t{}\t\xff\n", "the line is not valid UTF-8"),
]


@test("cross-document-links.tsv: a bad line is FILE:LINE and stops the import, or is left out")
def _():
    for line, message in BAD_TSV:
        if message is None:
            continue
        good = "l0\tsame-as\ta\tT1\tb\tT1\tAnn\tBob\t{}\t\n"
        data = (HEADER + good).encode() + (line if isinstance(line, bytes) else line.encode())
        folder = folder_with(cross_document_links_tsv=data)
        tsv = os.path.join(folder, "cross-document-links.tsv")
        rc, err, _ = import_folder(folder)
        expect(rc == 1 and f"{tsv}:3: {message}" in err and "--skip-bad-lines" in err,
               f"{line!r}: exit {rc}: {err!r}")
        rc, err, project = import_folder(folder, "--skip-bad-lines")
        expect(rc == 0 and f"{tsv}:3: {message}" in err and "(line left out)" in err,
               f"{line!r} skipped: exit {rc}: {err!r}")
        expect(len(project["links"]) == 1, f"{line!r}: {len(project['links'])} links")


@test("cross-document-links.tsv: hostile bytes never crash the import")
def _():
    import random
    rng = random.Random(5)
    pieces = [b"\t", b"\n", b"\r", b"\\", b"{", b"[", b"\"", b"a", b"b", b"T1", b"T2", b"\xff", b"\x00",
              b"same-as", b"Bob", b"}", b"]"]
    for round_number in range(40):
        data = HEADER.encode() + b"".join(rng.choice(pieces) for _ in range(rng.randrange(1, 200)))
        folder = folder_with(cross_document_links_tsv=data, visual_conf=data, kb_shortcuts_conf=data)
        rc, err, _ = import_folder(folder, "--skip-bad-lines")
        expect(rc in (0, 1), f"round {round_number}: exit {rc}: {err!r}")


def renamed(path):
    """A copy of the project whose documents have ids of their own, not
    d1, d2, … as the import would number them…"""
    project = load(path)
    ids = {d["id"]: f"{chr(ord('a') + i)}-{d['id']}.news_x" for i, d in enumerate(project["documents"])}
    for document in project["documents"]:
        document["id"] = ids[document["id"]]
    for span in project["spans"]:
        span["document"] = ids[span["document"]]
    # …and labels whose colours are not the palette's that the import
    # would give them anyway.
    colors = [label["color"] for label in project["labels"]]
    for label, color in zip(project["labels"], colors[1:] + colors[:1]):
        label["color"] = color
    out = os.path.join(tmpdir(), "renamed-" + os.path.basename(path))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
    return out


if __name__ == "__main__":
    for path in sys.argv[1:]:
        round_trip_tests(path)
    round_trip_tests(renamed(sys.argv[1]))
    sys.exit(main())
