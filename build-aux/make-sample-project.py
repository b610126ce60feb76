#!/usr/bin/python3
# make-sample-project.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes data/samples/sample.crosscheck.json from the sample articles, with
# Python alone: offsets come from str.find() on the decoded text (code
# points), so the file is an independent check of Crosscheck's reader, and
# the test "sample-canonical" checks that Crosscheck writes it back byte for
# byte. Run it again after changing the articles.

import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "data", "samples")
TIME = "2026-11-23T09:00:00Z"

ARTICLES = [
    ("01-harbour-courier.txt", "2023-03-13"),
    ("02-northern-ledger.txt", "2023-03-14"),
    ("03-evening-dispatch.txt", "2023-03-15"),
    ("04-wire-brief.txt", "2023-03-15"),
]

# (document index, phrase, label, attributes, note)
SPANS = [
    (0, "Aurélie Dumont-Okafor", "PERSON", {}, ""),
    (0, "as soon as next week", "CLAIM",
     {"certainty": "hedged", "source": "people familiar with the matter"}, ""),
    (0, "12 ministers", "CLAIM", {"certainty": "asserted", "source": "two officials"}, ""),
    (0, "Lenn Crossing", "LOCATION", {}, ""),
    (1, "in April or early May", "CLAIM",
     {"certainty": "speculative", "source": "officials"}, ""),
    (1, "nine ministers", "CLAIM", {}, ""),
    (1, "Zoe\u0308 Marchetti", "PERSON", {}, "the ë is e + U+0308, two code points"),
    (2, "on 27 April", "CLAIM", {}, ""),
    (3, "in late April", "CLAIM", {"source": "two diplomatic sources"}, ""),
    (3, "🌉", "EVENT", {}, "the bridge opening, as an emoji"),
]

# (type, from span index, to span index, attributes, note)
LINKS = [
    ("contradicts", 1, 4, {"contradiction_type": "temporal"}, "timing of the visit"),
    ("contradicts", 2, 5, {"contradiction_type": "numeric"}, "size of the delegation"),
    ("supports", 8, 4, {}, ""),
]

LABELS = [
    ("PERSON", "entity", "#1c71d8", "p", []),
    ("ORGANIZATION", "entity", "#c061cb", "o", []),
    ("LOCATION", "entity", "#26a269", "l", []),
    ("DATE", "entity", "#e66100", "d", []),
    ("EVENT", "entity", "#865e3c", "e", []),
    ("CLAIM", "claim", "#e5a50a", "c",
     [("source", []), ("certainty", ["asserted", "hedged", "speculative"])]),
]

LINK_TYPES = [
    ("contradicts", True, "#e01b24", "x",
     [("contradiction_type", ["temporal", "numeric", "factual", "attribution", "other"])]),
    ("supports", False, "#2ec27e", "X", []),
    ("same-as", True, "#9141ac", "", []),
]


def dump(value):
    return json.dumps(value, ensure_ascii=False)


def compact(pairs):
    return "{" + ", ".join(f"{dump(k)}: {v}" for k, v in pairs) + "}"


def attributes(specs):
    return "[" + ", ".join(compact([("name", dump(n)), ("values", dump(v).replace('","', '", "'))])
                           for n, v in specs) + "]"


def main():
    docs = []
    for i, (name, published) in enumerate(ARTICLES):
        with open(os.path.join(SAMPLES, name), "rb") as f:
            text = f.read().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        title = next(line.strip() for line in text.split("\n") if line.strip())
        docs.append({"id": f"d{i + 1}", "title": title, "source": name, "published": published,
                     "encoding": "utf-8", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     "text": text})

    spans = []
    for n, (d, phrase, label, attrs, note) in enumerate(SPANS):
        text = docs[d]["text"]
        start = text.find(phrase)
        assert start >= 0 and text.find(phrase, start + 1) < 0, phrase
        spans.append({"id": f"s{n + 1}", "document": docs[d]["id"], "start": start,
                      "end": start + len(phrase), "label": label, "text": phrase,
                      "attributes": attrs, "note": note})
    spans.sort(key=lambda s: (int(s["document"][1:]), s["start"], s["end"], int(s["id"][1:])))

    lines = ["{", '  "format": "crosscheck-project",', '  "version": 1,']

    def section(key, items, last=False):
        if not items:
            lines.append(f'  "{key}": []' + ("" if last else ","))
            return
        lines.append(f'  "{key}": [')
        for i, item in enumerate(items):
            lines.append("    " + item + ("," if i < len(items) - 1 else ""))
        lines.append("  ]" + ("" if last else ","))

    section("labels", [compact([("name", dump(n)), ("kind", dump(k)), ("color", dump(c)),
                                ("shortcut", dump(s)), ("attributes", attributes(a))])
                       for n, k, c, s, a in LABELS])
    section("link_types", [compact([("name", dump(n)), ("symmetric", dump(sym)), ("color", dump(c)),
                                    ("shortcut", dump(s)), ("attributes", attributes(a))])
                           for n, sym, c, s, a in LINK_TYPES])
    section("documents", ["{\n" + ",\n".join(f"      {dump(k)}: {dump(v)}" for k, v in d.items())
                          + "\n    }" for d in docs])

    def fields(a):
        return [("annotator", dump("sample")), ("created", dump(TIME)), ("modified", dump(TIME)),
                ("note", dump(a["note"])),
                ("attributes", compact([(k, dump(v)) for k, v in sorted(a["attributes"].items())]))]

    section("spans", [compact([("id", dump(s["id"])), ("document", dump(s["document"])),
                               ("start", dump(s["start"])), ("end", dump(s["end"])),
                               ("label", dump(s["label"])), ("text", dump(s["text"]))] + fields(s))
                      for s in spans])
    section("links", [compact([("id", dump(f"l{i + 1}")), ("type", dump(t)),
                               ("from", dump(f"s{a + 1}")), ("to", dump(f"s{b + 1}"))]
                              + fields({"note": note, "attributes": attrs}))
                      for i, (t, a, b, attrs, note) in enumerate(LINKS)], last=True)
    lines.append("}")

    with open(os.path.join(SAMPLES, "sample.crosscheck.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
