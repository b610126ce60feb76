#!/usr/bin/python3
# e2e-reanchor.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of opening a project whose article text was edited after
# it was annotated. A copy of the sample project gets d1's text changed as
# a person editing the file would (a line added in front, with an emoji;
# "12 ministers" reworded; "Lenn Crossing" said a second time), leaving the
# spans and the SHA-256 as they were. Then the real app
#   (a) opens it and explains what changed, offering Re-anchor or Cancel;
#   (b) on Cancel (Escape) opens nothing and leaves the file as it was;
#   (c) started again, on Re-anchor (Return) shows the project with the two
#       flagged spans findable in the span list ("2 Need Review");
#   (d) saves with Ctrl+S.
# The saved file keeps every span and link, has the moved spans at their
# exact code point offsets and the others flagged with needs_review, and
# passes tests/check-project.py and crosscheck-cli validate.
# Output is TAP; see e2e-annotate.py for how Meson runs it.

import hashlib
import json
import os
import re
import subprocess
import sys
import time

from e2e_common import (a11y_env, APP, app_env, App, CLI, find_window, log,
                        quit_status, READY_TIMEOUT, readers_accept, run_tests, SAMPLES,
                        SAVE_TIMEOUT, screen_texts, screenshot, StepFailed, Window)

PREFIX = "Updated 14 March \U0001F309: "      # 20 code points, 23 UTF-16 units
CHECKS = [
    "the edited copy of the sample project is refused by validate, which suggests reanchor",
    "(a) the app explains what changed: 2 spans move, 2 need review; Re-anchor and Cancel",
    "(b) Cancel opens nothing, the app keeps running and the file is untouched (bytes, mtime)",
    "(c) Re-anchor shows the articles and the span list offers the 2 spans that need review",
    "(d) Ctrl+S writes the project file",
    "every span and link is kept; moved spans are at their code point offsets",
    "the spans that could not be placed with certainty carry needs_review reasons",
    "tests/check-project.py and crosscheck-cli validate accept the saved file",
    "Ctrl+Q quits; no GLib warnings or criticals",
]


def edited_copy(path):
    with open(os.path.join(SAMPLES, "sample.crosscheck.json"), encoding="utf-8") as f:
        project = json.load(f)
    original = {s["id"]: s for s in project["spans"]}
    d1 = project["documents"][0]
    old = d1["text"]
    if old.count("12 ministers") != 1 or old.count("Lenn Crossing") != 1:
        raise StepFailed("the sample's d1 is not as this test expects")
    d1["text"] = PREFIX + old.replace("12 ministers", "a dozen ministers").rstrip("\n") \
        + " The Lenn Crossing opens in April.\n"
    if hashlib.sha256(d1["text"].encode("utf-8")).hexdigest() == d1["sha256"]:
        raise StepFailed("the text did not change")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(project, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return original, d1["text"]


def run(tap, tmp):
    path = os.path.join(tmp, "edited.crosscheck.json")
    original, new_text = edited_copy(path)
    with open(path, "rb") as f:
        initial = f.read()
    mtime = os.stat(path).st_mtime_ns

    r = subprocess.run([CLI, "validate", path], capture_output=True, text=True, timeout=60)
    log(r.stdout + r.stderr)
    tap.check(r.returncode == 1 and "documents[0].sha256" in r.stdout
              and "2 spans moved to their quoted text, 2 spans need review" in r.stderr
              and "crosscheck-cli reanchor" in r.stderr, r.stdout + r.stderr)

    # (a), (b): the offer, then Cancel.
    env = a11y_env(app_env(tmp, ["d1:Aurélie Dumont-Okafor"]))
    app = App([APP, path], env)
    win = Window(app, find_window(app), tmp)
    texts = screen_texts("Re-anchor")
    log("labels on screen:\n" + texts)
    screenshot(tmp, "reanchor-offer.png")
    tap.check("Articles Changed Since They Were Annotated" in texts and "“edited.crosscheck.json”" in texts
              and "2 spans moved to their quoted text, 2 spans need review" in texts
              and "Needs review" in texts and "Nothing is written until you save" in texts
              and "Re-anchor" in texts and "Cancel" in texts, texts)
    win.keys("Escape")
    time.sleep(1)
    after = screen_texts("\0", timeout=3)
    tap.check(app.alive() and "Articles Changed" not in after and not any(l.startswith("READY") for l in app.lines)
              and open(path, "rb").read() == initial and os.stat(path).st_mtime_ns == mtime,
              "alive %s\nlabels:\n%s" % (app.alive(), after))
    quit_status(win, app)
    first_lines = list(app.lines)

    # (c): Re-anchor, the default.
    app = App([APP, path], env)
    win = Window(app, find_window(app), tmp)
    screen_texts("Re-anchor")
    win.keys("Return")
    try:
        app.wait_line("READY", READY_TIMEOUT)
    except StepFailed as e:
        tap.check(False, str(e))
        raise
    texts = screen_texts("Need Review")
    log("labels on screen:\n" + texts)
    win.away()
    screenshot(tmp, "reanchor-flagged.png")
    tap.check("2 Need Review" in texts and texts.count("Needs review · ") == 2
              and "2 of 10 spans" in texts, texts)

    # (d) Save over the file, which the editor chose to repair.
    win.keys("ctrl+s")
    deadline = time.monotonic() + SAVE_TIMEOUT
    data = initial
    while data == initial and time.monotonic() < deadline:
        time.sleep(0.1)
        data = open(path, "rb").read()
    if not tap.check(data != initial, "not saved within %d s" % SAVE_TIMEOUT):
        raise StepFailed("not saved")
    saved = json.loads(data)
    spans = {s["id"]: s for s in saved["spans"]}
    text = saved["documents"][0]["text"]

    def at(quote):
        return text.find(quote), text.find(quote) + len(quote)

    moved_ok = (sorted(spans) == sorted(original) and len(saved["links"]) == 3
                and all((spans[i]["start"], spans[i]["end"]) == at(original[i]["text"])
                        and spans[i]["text"] == original[i]["text"] for i in ("s1", "s2"))
                and spans["s1"]["start"] == original["s1"]["start"] + len(PREFIX)
                and text == new_text)
    tap.check(moved_ok, json.dumps(saved["spans"][:5], ensure_ascii=False, indent=1))
    flagged = sorted(i for i, s in spans.items() if "needs_review" in s)
    tap.check(flagged == ["s3", "s4"] and "“12 ministers” is no longer in it" in spans["s3"]["needs_review"]
              and "“Lenn Crossing” is there 2 times" in spans["s4"]["needs_review"],
              "flagged: %s\n%s" % (flagged, [spans[i].get("needs_review") for i in flagged]))

    tap.check(*readers_accept(path))

    status = quit_status(win, app)
    warnings = [line for line in first_lines + app.lines if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
    tap.check(status == 0 and not warnings, "status %s\n%s" % (status, "\n".join(warnings)))


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-e2e-reanchor-", [run]))
