#!/usr/bin/python3
# check-export.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reads Crosscheck's exports the way a data person would: with Python's
standard library only, no Crosscheck code. It runs `crosscheck-cli export`
for every format on a project file, then checks that every exported span
text is recovered exactly from the exported text (code points; UTF-16
columns as UTF-16), and that nothing of the project went missing.

Usage: check-export.py PROJECT.crosscheck.json   (CROSSCHECK_CLI names the tool)
Prints TAP.
"""

import json
import os
import subprocess
import sys
import tempfile

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))


def slice16(text, start, end):
    data = text.encode("utf-16-le")
    return data[2 * start:2 * end].decode("utf-16-le")


def export(cli, fmt, project, out, *options):
    run = subprocess.run([cli, "export", "--format", fmt, "--output", out, *options, project],
                         capture_output=True, text=True)
    check(f"{fmt}: exit status 0", run.returncode == 0, run.stderr)
    return run


def read_text(path):
    # newline="" keeps the text exactly as written (no newline translation).
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check_jsonl(project, out):
    spans = {s["id"]: s for s in project["spans"]}
    seen = set()
    with open(os.path.join(out, "documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = doc["text"]
            for span in doc["spans"]:
                seen.add(span["id"])
                check(f"jsonl: {span['id']} by code points",
                      text[span["start"]:span["end"]] == span["text"])
                check(f"jsonl: {span['id']} by UTF-16 units",
                      slice16(text, span["start_utf16"], span["end_utf16"]) == span["text"])
                check(f"jsonl: {span['id']} as in the project",
                      span["text"] == spans[span["id"]]["text"] and
                      span["label"] == spans[span["id"]]["label"] and
                      span["attributes"] == spans[span["id"]].get("attributes", {}))
    check("jsonl: every span exported", seen == set(spans))

    links = {l["id"]: l for l in project["links"]}
    seen = set()
    with open(os.path.join(out, "links.jsonl"), encoding="utf-8") as f:
        for line in f:
            link = json.loads(line)
            seen.add(link["id"])
            want = links[link["id"]]
            check(f"jsonl: link {link['id']}",
                  link["from"] == want["from"] and link["to"] == want["to"] and
                  link["from_text"] == spans[want["from"]]["text"] and
                  link["to_text"] == spans[want["to"]]["text"] and
                  link["from_document"] == spans[want["from"]]["document"] and
                  link["attributes"] == want.get("attributes", {}))
    check("jsonl: every link exported", seen == set(links))


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return state, z ^ (z >> 31)


def neutral_sample(project, n, seed):
    """The sampler as docs/format.md describes it."""
    kinds = {l["name"]: l["kind"] for l in project["labels"]}
    claims = [s for s in project["spans"] if kinds[s["label"]] == "claim"]
    linked = {frozenset((l["from"], l["to"])) for l in project["links"]}
    candidates = [(a["id"], b["id"]) for i, a in enumerate(claims) for b in claims[i + 1:]
                  if a["document"] != b["document"] and frozenset((a["id"], b["id"])) not in linked]
    order = list(range(len(candidates)))
    state = seed
    for i in range(min(n, len(candidates))):
        state, r = splitmix64(state)
        j = i + r % (len(candidates) - i)
        order[i], order[j] = order[j], order[i]
    return [candidates[k] for k in sorted(order[:min(n, len(candidates))])]


def check_nli(project, out, neutral, seed):
    spans = {s["id"]: s for s in project["spans"]}
    texts = {d["id"]: d["text"] for d in project["documents"]}
    pairs = []
    with open(os.path.join(out, "nli.jsonl"), encoding="utf-8") as f:
        for line in f:
            pair = json.loads(line)
            pairs.append(pair)
            for n in ("1", "2"):
                sentence = pair["sentence" + n]
                span = spans[pair["span" + n]]
                got = sentence[pair[f"span{n}_start"]:pair[f"span{n}_end"]]
                check(f"nli: {pair['pairID']} span{n} in sentence{n}",
                      got == pair[f"span{n}_text"] == span["text"])
                # The sentence is the document's text around the span.
                where = span["start"] - pair[f"span{n}_start"]
                check(f"nli: {pair['pairID']} sentence{n} from the document",
                      texts[span["document"]][where:where + len(sentence)] == sentence)
    want = [l for l in project["links"] if l["type"] in ("contradicts", "supports")]
    got = [p for p in pairs if p["gold_label"] != "neutral"]
    check("nli: one pair per contradicts/supports link",
          [(p["pairID"], p["span1"], p["span2"]) for p in got] ==
          [(l["id"], l["from"], l["to"]) for l in want])
    check("nli: gold labels",
          all(p["gold_label"] == {"contradicts": "contradiction", "supports": "entailment"}[l["type"]]
              for p, l in zip(got, want)))
    sample = [(p["span1"], p["span2"]) for p in pairs if p["gold_label"] == "neutral"]
    check("nli: neutral pairs as the documented sampler picks them",
          sample == neutral_sample(project, neutral, seed), repr(sample))


def check_spacy(project, out):
    kinds = {l["name"]: l["kind"] for l in project["labels"]}
    with open(os.path.join(out, "spacy-entities.json"), encoding="utf-8") as f:
        ents = json.load(f)
    with open(os.path.join(out, "spacy-spans.json"), encoding="utf-8") as f:
        alls = json.load(f)
    check("spacy: one entry per document", len(ents) == len(alls) == len(project["documents"]))
    for doc, (text, e), (text2, a) in zip(project["documents"], ents, alls):
        check(f"spacy: {doc['id']} text", text == text2 == doc["text"])
        spans = [s for s in project["spans"] if s["document"] == doc["id"]]
        want = {(s["start"], s["end"], s["label"]): s["text"] for s in spans}
        got = [tuple(x) for x in a["spans"]["sc"]]
        check(f"spacy: {doc['id']} all spans", sorted(got) == sorted(want))
        for start, end, label in got:
            check(f"spacy: {doc['id']} {start}-{end}", text[start:end] == want.get((start, end, label)))
        last = -1
        for start, end, label in e["entities"]:
            check(f"spacy: {doc['id']} entity {start}-{end}",
                  kinds[label] == "entity" and text[start:end] == want.get((start, end, label)))
            check(f"spacy: {doc['id']} entities do not overlap", start >= last)
            last = end


def brat_fragments(spec):
    label, _, ranges = spec.partition(" ")
    return label, [tuple(int(x) for x in r.split()) for r in ranges.split(";")]


def unescape_tsv(cell):
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}[cell[i + 1]])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def check_brat(project, out):
    textbounds = {}
    n_spans = 0
    for doc in project["documents"]:
        text = read_text(os.path.join(out, doc["id"] + ".txt"))
        check(f"brat: {doc['id']}.txt is the text", text == doc["text"])
        spans = [s for s in project["spans"] if s["document"] == doc["id"]]
        with open(os.path.join(out, doc["id"] + ".ann"), encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        check(f"brat: {doc['id']}.ann ends with a line break", lines[-1] == "")
        for line in lines[:-1]:
            if not line.startswith("T"):
                continue
            tid, spec, covered = line.split("\t")
            label, fragments = brat_fragments(spec)
            # brat joins the fragments' texts with a space.
            check(f"brat: {doc['id']} {tid}",
                  " ".join(text[a:b] for a, b in fragments) == covered)
            whole = text[fragments[0][0]:fragments[-1][1]]
            textbounds[(doc["id"], tid)] = whole
            match = [s for s in spans if s["start"] == fragments[0][0] and
                     s["end"] == fragments[-1][1] and s["label"] == label]
            check(f"brat: {doc['id']} {tid} is a span", len(match) == 1 and match[0]["text"] == whole)
            n_spans += 1
    check("brat: every span exported", n_spans == len(project["spans"]))

    with open(os.path.join(out, "cross-document-links.tsv"), encoding="utf-8", newline="") as f:
        rows = [line.split("\t") for line in f.read().split("\n")[1:-1]]
    cross = [l for l in project["links"]
             if {s["id"]: s for s in project["spans"]}[l["from"]]["document"] !=
             {s["id"]: s for s in project["spans"]}[l["to"]]["document"]]
    check("brat: every cross-document link in the TSV", [r[0] for r in rows] == [l["id"] for l in cross])
    for r in rows:
        check(f"brat: TSV {r[0]} from", textbounds[(r[2], r[3])] == unescape_tsv(r[6]))
        check(f"brat: TSV {r[0]} to", textbounds[(r[4], r[5])] == unescape_tsv(r[7]))


def check_webanno(project, out):
    with open(os.path.join(out, "annotations.jsonld"), encoding="utf-8") as f:
        collection = json.load(f)
    check("webanno: W3C context", collection["@context"] == "http://www.w3.org/ns/anno.jsonld")
    items = collection["first"]["items"]
    check("webanno: total", collection["total"] == len(items) ==
          len(project["spans"]) + len(project["links"]))
    texts = {}
    for item in items:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            source = target["source"]
            if source not in texts:
                texts[source] = read_text(os.path.join(out, source))
            text = texts[source]
            quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
            pos = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
            start, end = pos["start"], pos["end"]
            check(f"webanno: {item['id']} position", text[start:end] == quote["exact"])
            check(f"webanno: {item['id']} prefix",
                  text[start - len(quote["prefix"]):start] == quote["prefix"])
            check(f"webanno: {item['id']} suffix", text[end:end + len(quote["suffix"])] == quote["suffix"])
    spans = {"#" + s["id"]: s for s in project["spans"]}
    for item in items:
        if item["id"] in spans:
            pos = item["target"]["selector"][1]
            s = spans[item["id"]]
            check(f"webanno: {item['id']} offsets as in the project",
                  (pos["start"], pos["end"]) == (s["start"], s["end"]))


def check_tokens(project, out):
    """CoNLL and HF carry no offsets; their tokens must still be the
    document's text, in order, with only white space between them."""
    texts = [d["text"] for d in project["documents"]]
    with open(os.path.join(out, "conll", "entities.conll"), encoding="utf-8") as f:
        blocks = f.read().split("-DOCSTART-\tO\n")[1:]
    check("conll: one block per document", len(blocks) == len(texts))
    for text, block in zip(texts, blocks):
        tokens = [line.split("\t")[0] for line in block.split("\n") if line]
        rest = text
        for token in tokens:
            i = rest.find(token)
            check(f"conll: token {token!r} in order", i >= 0 and rest[:i].strip() == "")
            rest = rest[i + len(token):]
        check("conll: nothing but white space left out", rest.strip() == "")
    with open(os.path.join(out, "hf", "labels.json"), encoding="utf-8") as f:
        names = json.load(f)
    with open(os.path.join(out, "hf", "tokens.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    tags = {}
    for block in blocks:
        for line in block.split("\n"):
            if line:
                tags.setdefault("all", []).append(tuple(line.split("\t")))
    flat = [(t, names[n]) for row in rows for t, n in zip(row["tokens"], row["ner_tags"])]
    check("hf: the same tokens and tags as conll", flat == tags["all"])


def main():
    cli = os.environ["CROSSCHECK_CLI"]
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        project = json.load(f)

    with tempfile.TemporaryDirectory() as tmp:
        out = lambda name: os.path.join(tmp, name)
        export(cli, "jsonl", path, out("jsonl"), "--utf16-offsets")
        check_jsonl(project, out("jsonl"))
        export(cli, "nli", path, out("nli"), "--neutral", "2")
        check_nli(project, out("nli"), 2, 20230313)
        export(cli, "nli", path, out("nli-seed"), "--neutral", "1", "--seed", "7")
        check_nli(project, out("nli-seed"), 1, 7)
        export(cli, "spacy", path, out("spacy"))
        check_spacy(project, out("spacy"))
        export(cli, "brat", path, out("brat"))
        check_brat(project, out("brat"))
        export(cli, "webanno", path, out("webanno"))
        check_webanno(project, out("webanno"))
        export(cli, "conll", path, out("conll"))
        export(cli, "hf", path, out("hf"))
        check_tokens(project, tmp)

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
