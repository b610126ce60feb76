#!/usr/bin/python3
# e2e-annotate.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the real application, driven like an editor would drive
# it: with the mouse and the keyboard (xdotool) on an X server. It makes a
# project of the four sample articles with crosscheck-cli, opens it in the
# app and
#   (a) drags over a name in column 1 and presses p (PERSON);
#   (b) goes to column 2 with F6 and selects a phrase with the keyboard
#       alone (Ctrl+Home, Down, End, Ctrl+Left, Shift+Ctrl+Right), presses c;
#   (c) goes to column 3, finds "27 April" with Ctrl+F, presses d (DATE),
#       saves, then relabels the span with e (EVENT);
#   (d) goes back to column 1 (Shift+F6 twice), picks the span with ], deletes
#       it, saves, undoes with Ctrl+Z;
#   (e) saves with Ctrl+S and quits with Ctrl+Q.
# The saved files are then read with Python alone. Output is TAP on stdout,
# diagnostics on stderr.
#
# Meson runs it as `build-aux/headless.sh /usr/bin/python3 tests/e2e-annotate.py`
# (a private Xvfb + D-Bus session). The environment names the programs
# (CROSSCHECK_BIN, CROSSCHECK_CLI, CROSSCHECK_SAMPLES_DIR); without it the
# script falls back to _build/ next to the source tree. Needs xdotool;
# ImageMagick's `import` is used for a debugging screenshot when present.
# The temporary directory is removed when every check passes and kept (its
# path is printed) otherwise, or always with CROSSCHECK_E2E_KEEP=1.

import json
import os
import re
import shutil
import subprocess
import sys
import time

from e2e_common import (APP, app_env, App, start_located, CHECKER, CLI, find_window, log, QUIT_TIMEOUT,
                        READY_TIMEOUT, run_tests, sample_paths, SAVE_TIMEOUT, StepFailed,
                        Window as BaseWindow)

PERSON_PHRASE = "Aurélie Dumont-Okafor"        # d1, 5th line on screen
CLAIM_PHRASE = "in April or early May"         # d2, wraps after "April"
CLAIM_SENTENCE = ("in April or early May, officials in both capitals said on "
                  "Tuesday, casting doubt on reports that the trip was imminent.")
D2_FIRST_LINE = "Veloria–Marrovia state visit"
FIND_TEXT = "27 April"                          # d3, first in the title

CHECKS = [
    "crosscheck-cli new makes a project of the 4 samples (d1..d4, no spans)",
    "the app opens the project and prints READY with the phrase locations",
    "(a) drag over %r in column 1, press p" % PERSON_PHRASE,
    "(b) F6, keyboard selection of %r in column 2, press c" % CLAIM_PHRASE,
    "(c) F6, Ctrl+F %r, Return, Escape, press d" % FIND_TEXT,
    "Ctrl+S writes the project file without a dialog",
    "the found text was tagged DATE in d3",
    "(c) press e: relabel the selected span",
    "(d) Shift+F6 twice, Ctrl+Home, ], Delete, Ctrl+S: the d1 span is gone, others kept",
    "(d) Ctrl+Z, Ctrl+S: the deleted span is back with the same id, label and offsets",
    "(e) Ctrl+Q quits without asking (exit status 0)",
    "d1 has a PERSON span with exactly %r at its offsets" % PERSON_PHRASE,
    "d2 has a CLAIM span with exactly %r" % CLAIM_PHRASE,
    "d3 has an EVENT span (relabelled, no DATE left) with exactly %r" % FIND_TEXT,
    "the project has exactly 3 spans (d1, d2, d3; none in d4)",
    "every span's text is doc['text'][start:end] (code points)",
    "crosscheck-cli validate accepts the saved file",
    "tests/check-project.py (schema, sha256, offsets) accepts the saved file",
    "the app printed no GLib warnings or criticals",
]


class Window(BaseWindow):
    def screenshot(self, name):
        """The window alone, as tmp/name, when ImageMagick's import is there."""
        if shutil.which("import") is None:
            log("no ImageMagick import: no screenshot")
            return
        path = os.path.join(self.tmp, name)
        r = subprocess.run(["import", "-window", self.wid, path],
                           capture_output=True, text=True, timeout=30)
        if r.returncode == 0:
            log("screenshot: " + path)
        else:
            log("screenshot failed: " + r.stderr.strip())


def wait_saved(path, previous, timeout=SAVE_TIMEOUT):
    """Waits until the file at path differs from previous and parses."""
    deadline = time.monotonic() + timeout
    error = "not written"
    while time.monotonic() < deadline:
        try:
            with open(path, "rb") as f:
                data = f.read()
            if data != previous:
                return data, json.loads(data.decode("utf-8"))
            error = "unchanged"
        except (OSError, ValueError) as e:
            error = str(e)
        time.sleep(0.1)
    raise StepFailed("%s not saved within %d s (%s)" % (path, timeout, error))


def spans_summary(project):
    return "\n".join("%s %s %s %d-%d %r" % (s["id"], s["document"], s["label"], s["start"], s["end"], s["text"])
                     for s in project["spans"]) or "(no spans)"


def key_path_for_claim(locate):
    """Keys that select CLAIM_PHRASE in column 2 from the top of the text.

    From the LOCATE lines: the number of display lines above the phrase
    (Down), and how many words of the sentence starting with the phrase are
    on the phrase's first display line (End, then Ctrl+Left that many times
    lands before "in")."""
    top = locate["d2:" + D2_FIRST_LINE][1]
    x0, y0 = locate["d2:" + CLAIM_PHRASE][:2]
    words = CLAIM_SENTENCE.split(" ")
    ends = [locate["d2:" + " ".join(words[:k])][3] for k in range(2, len(words) + 1)]
    ys = sorted(set([y0] + ends))
    steps = [b - a for a, b in zip(ys, ys[1:])]
    if not steps:
        raise StepFailed("cannot tell the line height: the sentence is on one line")
    height = min(steps)
    downs = round((y0 - top) / height)
    if abs((y0 - top) - downs * height) > height / 3:
        log("warning: phrase at y=%d is not a whole number of %d px lines below y=%d" % (y0, height, top))
    on_line = 1 + sum(1 for y in ends if abs(y - y0) < height / 2)
    if sum(1 for y in ends if y < y0 - height / 2):
        raise StepFailed("LOCATE lines of the sentence are inconsistent")
    n_words = len(CLAIM_PHRASE.split(" "))
    keys = ["ctrl+Home"] + ["Down"] * downs + ["End"] + ["ctrl+Left"] * on_line \
        + ["shift+ctrl+Right"] * n_words
    log("column 2: line height %d px, %d lines down, %d words of the sentence on that line"
        % (height, downs, on_line))
    return keys


# ---------------------------------------------------------------------------

def run(tap, tmp):
    project = os.path.join(tmp, "e2e.crosscheck.json")
    samples = sample_paths()

    # 1. The project, as the command line makes it.
    r = subprocess.run([CLI, "new", "-o", project] + samples, capture_output=True, text=True, timeout=60)
    log("crosscheck-cli new: status %d %s%s" % (r.returncode, r.stdout.strip(), r.stderr.strip()))
    created = None
    if r.returncode == 0 and os.path.exists(project):
        with open(project, "rb") as f:
            initial = f.read()
        created = json.loads(initial.decode("utf-8"))
    if not tap.check(created is not None
                     and [d["id"] for d in created["documents"]] == ["d1", "d2", "d3", "d4"]
                     and [d["source"] for d in created["documents"]] == [os.path.basename(s) for s in samples]
                     and created["spans"] == [],
                     "samples: %s\nstatus %d\n%s" % (samples, r.returncode, r.stderr)):
        raise StepFailed("no project to open")
    texts = {d["id"]: d["text"] for d in created["documents"]}

    # 2. Start the app; it tells where the phrases are on screen.
    words = CLAIM_SENTENCE.split(" ")
    requests = ["d1:" + PERSON_PHRASE, "d2:" + D2_FIRST_LINE, "d2:" + CLAIM_PHRASE] + \
        ["d2:" + " ".join(words[:k]) for k in range(2, len(words) + 1)]
    app, located = start_located(tap, [APP, project], tmp, requests)
    win = Window(app, find_window(app), tmp)

    # (a) Mouse: drag over the name in column 1 (focused on open), press p.
    x0, y0, x1, y1 = located["d1:" + PERSON_PHRASE]
    win.drag(x0, y0, x1, y1)
    win.keys("p")
    tap.check(app.alive(), "the app ended")

    # (b) Keyboard only: next column, select the phrase, press c.
    win.keys("F6")
    win.keys(*key_path_for_claim(located))
    win.keys("c")
    tap.check(app.alive(), "the app ended")

    # (c) Find in column 3, close the bar (the match stays selected), press d.
    win.keys("F6", "ctrl+f")
    win.type(FIND_TEXT)
    win.keys("Return")
    win.keys("Escape")
    win.keys("d")
    tap.check(app.alive(), "the app ended")

    # Save: the project was opened from a file, so no dialog.
    win.keys("ctrl+s")
    try:
        saved1, p1 = wait_saved(project, initial)
        tap.check(True)
    except StepFailed as e:
        tap.check(False, str(e))
        raise
    log("saved after (c):\n" + spans_summary(p1))
    d3 = [s for s in p1["spans"] if s["document"] == "d3"]
    tap.check(len(d3) == 1 and d3[0]["label"] == "DATE" and d3[0]["text"] == FIND_TEXT,
              spans_summary(p1))

    # Relabel: no text selection, the new span is the selected one.
    win.keys("e")
    win.screenshot("after-step-c.png")
    tap.check(app.alive(), "the app ended")

    # (d) Back to column 1, pick its span with ], delete it, save.
    win.keys("shift+F6", "shift+F6", "ctrl+Home", "bracketright")
    win.keys("Delete")
    win.keys("ctrl+s")
    saved2, p2 = wait_saved(project, saved1)
    log("saved after Delete:\n" + spans_summary(p2))
    before = {s["id"]: s for s in p1["spans"]}
    deleted = [s for s in p1["spans"] if s["document"] == "d1"]
    kept = [s["id"] for s in p2["spans"]]
    tap.check(len(deleted) == 1 and deleted[0]["id"] not in kept
              and sorted(kept) == sorted(i for i in before if i != deleted[0]["id"]),
              "before:\n%s\nafter:\n%s" % (spans_summary(p1), spans_summary(p2)))

    # Undo, and (e) save.
    win.keys("ctrl+z")
    win.keys("ctrl+s")
    saved3, p3 = wait_saved(project, saved2)
    log("saved after Ctrl+Z:\n" + spans_summary(p3))
    restored = [s for s in p3["spans"] if deleted and s["id"] == deleted[0]["id"]]
    fields = ("document", "start", "end", "label", "text")
    tap.check(len(restored) == 1 and all(restored[0][k] == deleted[0][k] for k in fields),
              "deleted: %s\nafter undo:\n%s" % (deleted, spans_summary(p3)))

    # (e) Quit: everything is saved, so no question.
    win.keys("ctrl+q")
    try:
        status = app.proc.wait(timeout=QUIT_TIMEOUT)
        tap.check(status == 0, "exit status %d" % status)
    except subprocess.TimeoutExpired:
        tap.check(False, "still running %d s after Ctrl+Q" % QUIT_TIMEOUT)
        app.kill()
    app.thread.join(timeout=5)

    # The file on disk, read with Python alone.
    with open(project, "rb") as f:
        final_bytes = f.read()
    final = json.loads(final_bytes.decode("utf-8"))
    if final_bytes != saved3:
        log("note: the file changed after the last Ctrl+S")
    docs = {d["id"]: d["text"] for d in final["documents"]}
    spans = final["spans"]
    summary = spans_summary(final)

    def spans_in(doc, label=None):
        return [s for s in spans if s["document"] == doc and (label is None or s["label"] == label)]

    want = texts["d1"].find(PERSON_PHRASE)
    s = spans_in("d1", "PERSON")
    tap.check(len(s) == 1 and s[0]["text"] == PERSON_PHRASE
              and (s[0]["start"], s[0]["end"]) == (want, want + len(PERSON_PHRASE))
              and docs["d1"][s[0]["start"]:s[0]["end"]] == PERSON_PHRASE,
              "want PERSON %d-%d\n%s" % (want, want + len(PERSON_PHRASE), summary))

    want = texts["d2"].find(CLAIM_PHRASE)
    s = spans_in("d2", "CLAIM")
    tap.check(len(s) == 1 and s[0]["text"] == CLAIM_PHRASE
              and (s[0]["start"], s[0]["end"]) == (want, want + len(CLAIM_PHRASE))
              and docs["d2"][s[0]["start"]:s[0]["end"]] == CLAIM_PHRASE,
              "want CLAIM %d-%d\n%s" % (want, want + len(CLAIM_PHRASE), summary))

    # Find starts at the caret, at the top of the article: the title's "27 April".
    want = texts["d3"].find(FIND_TEXT)
    s = spans_in("d3", "EVENT")
    tap.check(len(s) == 1 and not spans_in("d3", "DATE") and s[0]["text"] == FIND_TEXT
              and (s[0]["start"], s[0]["end"]) == (want, want + len(FIND_TEXT))
              and s[0]["id"] == d3[0]["id"]
              and docs["d3"][s[0]["start"]:s[0]["end"]] == FIND_TEXT,
              "want EVENT %d-%d (id %s)\n%s" % (want, want + len(FIND_TEXT), d3[0]["id"] if d3 else "?", summary))

    tap.check(len(spans) == 3 and sorted(s["document"] for s in spans) == ["d1", "d2", "d3"], summary)

    bad = [s["id"] for s in spans
           if s["document"] not in docs or not 0 <= s["start"] < s["end"] <= len(docs[s["document"]])
           or docs[s["document"]][s["start"]:s["end"]] != s["text"]]
    tap.check(spans and not bad, "offsets do not match for %s\n%s" % (bad, summary))

    r = subprocess.run([CLI, "validate", project], capture_output=True, text=True, timeout=60)
    tap.check(r.returncode == 0, "status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))

    py = os.environ.get("CROSSCHECK_PYTHON", "/usr/bin/python3")
    r = subprocess.run([py, CHECKER, project], capture_output=True, text=True, timeout=60)
    log("check-project.py: " + (r.stdout + r.stderr).strip())
    tap.check(r.returncode == 0, "status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))

    warnings = [line for line in app.lines if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
    tap.check(not warnings, "\n".join(warnings))


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-e2e-", [run]))
