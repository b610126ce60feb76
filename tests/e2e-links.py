#!/usr/bin/python3
# e2e-links.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of linking claims across articles in the real application,
# driven with the keyboard and the mouse (xdotool) on an X server, like
# tests/e2e-annotate.py. It makes a project of the four sample articles
# (d1..d4) with crosscheck-cli, opens it and
#   (a) by keyboard only, from the moment the articles are open: tags
#       "as soon as next week" in column 1 and "on 27 April" in column 3 as
#       CLAIMs with the find bar, and links them as contradicts (x, Shift+F6
#       twice to column 1, ] to the claim, Return), counting the key presses;
#   (b) by keyboard: sets the new link's contradiction_type to temporal in
#       the inspector (Return on the span, Tab to the link, Return, Tab to
#       contradiction_type, Space, Down, Return, Escape);
#   (c) by mouse: drags over "in April or early May" and "casting doubt on
#       reports that the trip was imminent" in column 2 and presses c for
#       each, then Ctrl+drags from the column 1 claim to the first
#       (contradicts) and Ctrl+Shift+drags from it to the column 3 claim
#       (supports);
#   (d) by mouse: right-clicks the second column 2 claim, picks "Link to…
#       (contradicts)", clicks the column 1 claim and presses Return;
#   (e) saves with Ctrl+S and quits with Ctrl+Q;
#   (f) in a second session on a new project of the same articles, by
#       keyboard only: tags the sentences at the caret (no selection) in
#       columns 1 and 3 and links them, in at most 15 key presses:
#       Ctrl+Down Ctrl+Down c F6 F6 Ctrl+Down Ctrl+Down c x Shift+F6 Shift+F6
#       [ Return (13).
# Each step is checked in the saved file, read with Python alone: the links
# join the right spans (by text and document) with the right type and
# attributes, every span's text is doc["text"][start:end], and
# `crosscheck-cli validate` and tests/check-project.py accept the file.
#
# Keys: the keyboard route of (a) takes 28 key presses (a key chord such as
# Ctrl+F is one press, a typed character is one press):
#   Ctrl+F, "as s" (4), Return, Escape, Shift+Ctrl+Right x4, c      12
#   F6, F6                                                           2
#   Ctrl+F, "on " (3), Return, Escape, Shift+Ctrl+Right x2, c        9
#   x, Shift+F6, Shift+F6, ], Return                                 5
# The search texts are the shortest prefixes whose first match from the top
# of the article is the phrase; Shift+Ctrl+Right then extends the match to
# the whole phrase. 15 presses cannot be reached on this route: the keys
# other than the search text (Ctrl+F, Return, Escape and c per claim, two
# F6 and the five of the link) are already 15. The test checks the count
# against KEY_BUDGET, so that a route that needs more keys shows. Route (f)
# tags whole sentences instead of phrases, and must take at most
# QUICK_BUDGET presses.
#
# The Ctrl+drags aim as an editor would: the bar that says a link is being
# made appears above the columns as soon as the drag starts and pushes the
# articles down, so the test measures how far (comparing screenshots of
# column 2 before and during the drag) and releases the button over the
# target's new place.
#
# Meson runs it as `build-aux/headless.sh /usr/bin/python3 tests/e2e-links.py`
# (a private Xvfb + D-Bus session) with the ui tests' environment; without
# it the script falls back to _build/ next to the source tree. Needs xdotool
# and ImageMagick (`import` to read where the articles moved, `convert` for
# the debugging screenshots kept on failure).
# The temporary directory is removed when every check passes and kept (its
# path is printed) otherwise, or always with CROSSCHECK_E2E_KEEP=1.

import json
import os
import re
import subprocess
import sys
import time

from e2e_common import (APP, app_env, App, start_located, CHECKER, CLI, find_window, log, PAUSE,
                        QUIT_TIMEOUT, READY_TIMEOUT, run_tests, sample_paths, SAVE_TIMEOUT,
                        StepFailed, Window as BaseWindow, xdo)

SETTLE = 0.6            # s for the link bar to slide in or out
KEY_BUDGET = 28         # key presses of the keyboard route, see above
MATCH = 0.5             # rows that must match to say where the articles moved
QUICK_BUDGET = 15       # key presses allowed for route (f)

# The claims (data/samples/README.md, "Timing of the visit"), each once in
# its article, and the keys that select them with the find bar.
CLAIM_D1 = "as soon as next week"
FIND_D1 = "as s"                 # then Shift+Ctrl+Right: soon, as, next, week
WORDS_D1 = 4
CLAIM_D2 = "in April or early May"
CLAIM_D2B = "casting doubt on reports that the trip was imminent"
CLAIM_D3 = "on 27 April"
FIND_D3 = "on "                  # then Shift+Ctrl+Right: 27, April
WORDS_D3 = 2
CONTRADICTION_TYPE = "temporal"

# Pixels into a phrase from the start LOCATE reports, to click or drag on it.
INTO = 12

# Route (f), in groups (the test pauses after each): the third paragraph of
# each article (title, dateline, then the first paragraph of text) is one
# sentence holding the phrase.
QUICK_ROUTE = [
    ("ctrl+Down", "ctrl+Down", "c"),
    ("F6", "F6", "ctrl+Down", "ctrl+Down", "c"),
    ("x",),
    ("shift+F6", "shift+F6", "bracketleft"),
    ("Return",),
]

CHECKS = [
    "crosscheck-cli new makes a project of the 4 samples (d1..d4, no spans, no links)",
    "the app opens the project and prints READY with the phrase locations",
    "(a) keyboard only: find, extend and c tags %r in d1 and %r in d3, x ... ] Return links them, "
    "Ctrl+S saves" % (CLAIM_D1, CLAIM_D3),
    "(a) the keyboard route from open articles to the link takes at most %d key presses" % KEY_BUDGET,
    "(b) keyboard: Return, Tab to the span's link, Return, Tab to contradiction_type, "
    "Space Down Return sets %r; Ctrl+S saves it" % CONTRADICTION_TYPE,
    "(c) the articles are back where READY located the phrases (no link bar, no scrolling)",
    "(c) mouse: drag over %r and %r in column 2, press c: two CLAIMs" % (CLAIM_D2, CLAIM_D2B),
    "(c) Ctrl+drag from the d1 claim shows the link bar, which moves the articles down",
    "(c) Ctrl+drag from the d1 claim to the d2 claim makes a contradicts link",
    "(c) Ctrl+Shift+drag from the d2 claim to the d3 claim makes a supports link",
    "(d) mouse: right-click the second d2 claim, Link to… (contradicts), click the d1 claim, Return: "
    "a contradicts link",
    "(e) Ctrl+Q quits without asking (exit status 0)",
    "the keyboard link: contradicts between the d1 and d3 claims, contradiction_type %r, no note"
    % CONTRADICTION_TYPE,
    "the Ctrl+drag link: contradicts from the d1 claim to the d2 claim, no attributes",
    "the Ctrl+Shift+drag link: supports from the d2 claim to the d3 claim, no attributes",
    "no other links; exactly the four CLAIM spans, at the phrases' offsets",
    "every span's text is doc['text'][start:end] and every link's ends exist",
    "crosscheck-cli validate accepts the saved file",
    "tests/check-project.py (schema, sha256, offsets) accepts the saved file",
    "the app printed no GLib warnings or criticals",
    "(f) new session, keyboard only: %s tags the sentences with %r (d1) and %r (d3) as CLAIMs and "
    "links them as contradicts" % (" ".join(k for group in QUICK_ROUTE for k in group), CLAIM_D1, CLAIM_D3),
    "(f) that route takes at most %d key presses" % QUICK_BUDGET,
    "(f) Ctrl+Q quits; crosscheck-cli validate and check-project.py accept the file; no GLib warnings",
]


# ---------------------------------------------------------------------------
# Screenshots

class Shot:
    """A screenshot of the window, as 8-bit RGB."""

    def __init__(self, width, height, data):
        self.width = width
        self.height = height
        self.data = data

    def row(self, x0, x1, y):
        start = (y * self.width + x0) * 3
        return self.data[start:start + (x1 - x0) * 3]


def vertical_shift(before, after, x0, x1, y0, y1, max_shift=200):
    """How far down the contents of before's rows y0..y1 (pixels x0..x1) are
    in after: the offset at which most rows with something on them match
    exactly. Returns (offset, fraction of those rows that match)."""
    x1 = min(x1, before.width, after.width)
    y1 = min(y1, before.height)
    rows = []
    for y in range(y0, y1):
        r = before.row(x0, x1, y)
        if r != r[:3] * (x1 - x0):
            rows.append((y, r))
    if not rows:
        raise StepFailed("nothing to compare in x %d..%d, y %d..%d" % (x0, x1, y0, y1))
    best = (0, -1.0)
    for dy in range(-20, max_shift + 1):
        inside = [(y, r) for y, r in rows if 0 <= y + dy < after.height]
        if len(inside) < len(rows) / 2:
            continue
        same = sum(1 for y, r in inside if after.row(x0, x1, y + dy) == r)
        if same / len(inside) > best[1]:
            best = (dy, same / len(inside))
    return best


class Window(BaseWindow):
    def click(self, x, y, button=1):
        self.focus()
        log("click %d at (%d, %d)" % (button, x, y))
        xdo("mousemove", "--window", self.wid, x, y, "sleep", "0.2",
            "mousedown", button, "sleep", "0.1", "mouseup", button)
        time.sleep(SETTLE)

    def grab(self):
        geometry = dict(line.split("=", 1) for line in
                        xdo("getwindowgeometry", "--shell", self.wid).split())
        width, height = int(geometry["WIDTH"]), int(geometry["HEIGHT"])
        r = subprocess.run(["import", "-window", self.wid, "-depth", "8", "rgb:-"],
                           capture_output=True, timeout=30)
        if r.returncode != 0 or len(r.stdout) != width * height * 3:
            raise StepFailed("import: status %d, %d bytes for %dx%d: %s"
                             % (r.returncode, len(r.stdout), width, height,
                                r.stderr.decode(errors="replace").strip()))
        return Shot(width, height, r.stdout)

    def save(self, shot, name):
        """Writes a grabbed Shot as a PNG file into the temporary directory."""
        path = os.path.join(self.tmp, name)
        r = subprocess.run(["convert", "-size", "%dx%d" % (shot.width, shot.height), "-depth", "8",
                            "rgb:-", path], input=shot.data, capture_output=True, timeout=30)
        log("screenshot: " + path if r.returncode == 0 else "convert failed: %r" % r.stderr)

    def screenshot(self, name):
        path = os.path.join(self.tmp, name)
        # The screen, not the window: popovers are windows of their own.
        r = subprocess.run(["import", "-window", "root", path],
                           capture_output=True, text=True, timeout=30)
        if r.returncode == 0:
            log("screenshot: " + path)
        else:
            log("screenshot failed: " + r.stderr.strip())

    def shift_since(self, before, strip):
        """How far the articles moved down since before (see vertical_shift),
        once they stop moving (the link bar slides in and out). Not moved
        yet is not stopped: a slow app (as under the sanitizers) may not have
        started the slide when the first two grabs come."""
        last = None
        for _ in range(20):
            dy, match = vertical_shift(before, self.grab(), *strip)
            if last is not None and dy == last[0] and dy != 0:
                break
            last = (dy, match)
            time.sleep(0.25)
        log("articles moved down %d px (%.0f%% of rows match)" % (dy, 100 * match))
        return dy, match

    def link_drag(self, name, src, dst, strip, shift=False):
        """Ctrl(+Shift)+drag from src to dst, releasing over dst where it is
        once the link bar has pushed the articles down. Returns the shift."""
        mods = "ctrl+shift" if shift else "ctrl"
        self.focus()
        self.away()
        time.sleep(PAUSE)
        before = self.grab()
        log("%s+drag: (%d, %d) -> (%d, %d)" % (mods, src[0], src[1], dst[0], dst[1]))
        pressed = False
        try:
            xdo("keydown", mods, "mousemove", "--window", self.wid, src[0], src[1],
                "sleep", "0.2", "mousedown", "1")
            pressed = True
            xdo("sleep", "0.08", "mousemove", "--window", self.wid, src[0] + 6, src[1],
                "sleep", "0.08", "mousemove", "--window", self.wid, src[0] + 12, src[1])
            time.sleep(SETTLE)
            dy, match = self.shift_since(before, strip)
            self.save(before, name + "-before.png")
            self.save(self.grab(), name + "-during.png")
            x1, y1 = dst[0], dst[1] + dy
            steps = 6
            args = []
            for i in range(1, steps + 1):
                args += ["sleep", "0.08", "mousemove", "--window", self.wid,
                         round(src[0] + 12 + (x1 - src[0] - 12) * i / steps),
                         round(src[1] + (y1 - src[1]) * i / steps)]
            xdo(*args)
            time.sleep(0.3)
            xdo("mouseup", "1", "sleep", "0.1", "keyup", mods)
            pressed = False
        finally:
            if pressed:
                subprocess.run(["xdotool", "mouseup", "1", "keyup", mods], capture_output=True)
        time.sleep(SETTLE)
        self.away()
        return dy, match


def file_state(path):
    try:
        st = os.stat(path)
        return (st.st_ino, st.st_mtime_ns, st.st_size)
    except OSError:
        return None


def wait_saved(path, previous, timeout=SAVE_TIMEOUT):
    """Waits until the file at path was written again (or differs from the
    bytes in previous[1]) and parses; previous is what the last call
    returned: ((inode, mtime, size), bytes)."""
    deadline = time.monotonic() + timeout
    error = "not written"
    while time.monotonic() < deadline:
        try:
            state = file_state(path)
            with open(path, "rb") as f:
                data = f.read()
            if state != previous[0] or data != previous[1]:
                project = json.loads(data.decode("utf-8"))
                return (state, data), project
            error = "unchanged"
        except (OSError, ValueError) as e:
            error = str(e)
        time.sleep(0.1)
    raise StepFailed("%s not saved within %d s (%s)" % (path, timeout, error))


def summary(project):
    spans = {s["id"]: s for s in project["spans"]}
    lines = ["%s %s %s %d-%d %r %s" % (s["id"], s["document"], s["label"], s["start"], s["end"],
                                       s["text"], json.dumps(s.get("attributes", {})))
             for s in project["spans"]] or ["(no spans)"]

    def end(i):
        s = spans.get(i)
        return "%s(%s %r)" % (i, s["document"], s["text"]) if s else "%s(?)" % i

    lines += ["%s %s %s -> %s %s note=%r" % (l["id"], l["type"], end(l["from"]), end(l["to"]),
                                           json.dumps(l.get("attributes", {})), l.get("note", ""))
              for l in project["links"]] or ["(no links)"]
    return "\n".join(lines)


class Saver:
    """Ctrl+S, then the saved project; remembers the bytes to see the next save."""

    def __init__(self, win, path, initial):
        self.win = win
        self.path = path
        self.last = (file_state(path), initial)

    def save(self, what):
        self.win.keys("ctrl+s")
        self.last, project = wait_saved(self.path, self.last)
        log("saved after %s:\n%s" % (what, summary(project)))
        return project


def find_span(project, doc, text):
    found = [s for s in project["spans"] if s["document"] == doc and s["text"] == text]
    return found[0] if len(found) == 1 else None


def links_between(project, a, b, type_=None, directed=False):
    """Links joining spans a and b (from a to b when directed)."""
    if a is None or b is None:
        return []
    out = []
    for link in project["links"]:
        ends = (link["from"], link["to"])
        if type_ is not None and link["type"] != type_:
            continue
        if ends == (a["id"], b["id"]) or (not directed and ends == (b["id"], a["id"])):
            out.append(link)
    return out


def label_spec(project, key, name):
    for label in project[key]:
        if label["name"] == name:
            return label
    raise StepFailed("the project has no %s %r" % (key, name))


def run(tap, tmp):
    project_path = os.path.join(tmp, "links.crosscheck.json")
    samples = sample_paths()

    # 1. The project, as the command line makes it.
    r = subprocess.run([CLI, "new", "-o", project_path] + samples, capture_output=True, text=True, timeout=60)
    log("crosscheck-cli new: status %d %s%s" % (r.returncode, r.stdout.strip(), r.stderr.strip()))
    created = None
    if r.returncode == 0 and os.path.exists(project_path):
        with open(project_path, "rb") as f:
            initial = f.read()
        created = json.loads(initial.decode("utf-8"))
    if not tap.check(created is not None
                     and [d["id"] for d in created["documents"]] == ["d1", "d2", "d3", "d4"]
                     and [d["source"] for d in created["documents"]] == [os.path.basename(s) for s in samples]
                     and created["spans"] == [] and created["links"] == [],
                     "samples: %s\nstatus %d\n%s" % (samples, r.returncode, r.stderr)):
        raise StepFailed("no project to open")
    texts = {d["id"]: d["text"] for d in created["documents"]}
    for doc, phrase in (("d1", CLAIM_D1), ("d2", CLAIM_D2), ("d2", CLAIM_D2B), ("d3", CLAIM_D3)):
        if texts[doc].count(phrase) != 1:
            raise StepFailed("%r is not exactly once in %s" % (phrase, doc))
    for doc, find, phrase in (("d1", FIND_D1, CLAIM_D1), ("d3", FIND_D3, CLAIM_D3)):
        if not phrase.startswith(find) or texts[doc].lower().find(find.lower()) != texts[doc].find(phrase):
            raise StepFailed("the first %r in %s is not the start of %r" % (find, doc, phrase))

    # Where the inspectors' fields are: after the label (or type) and the
    # note come the attributes, in the order the project defines them.
    claim_attributes = label_spec(created, "labels", "CLAIM")["attributes"]
    contradicts = label_spec(created, "link_types", "contradicts")
    names = [a["name"] for a in contradicts["attributes"]]
    if "contradiction_type" not in names:
        raise StepFailed("contradicts has no contradiction_type attribute: %s" % names)
    ctype_field = names.index("contradiction_type")
    ctype_values = contradicts["attributes"][ctype_field]["values"]
    if CONTRADICTION_TYPE not in ctype_values:
        raise StepFailed("%r is not a contradiction_type: %s" % (CONTRADICTION_TYPE, ctype_values))

    # 2. Start the app; it tells where the phrases are on screen.
    requests = ["d1:" + CLAIM_D1, "d2:" + CLAIM_D2, "d2:" + CLAIM_D2B, "d3:" + CLAIM_D3]
    app, located = start_located(tap, [APP, project_path], tmp, requests)
    win = Window(app, find_window(app), tmp)
    saver = Saver(win, project_path, initial)
    win.away()
    time.sleep(PAUSE)
    at_ready = win.grab()
    win.screenshot("ready.png")

    # Column 2, which no step of (a) to (c) changes but for link lines
    # crossing it, tells how far the articles moved.
    # (Not its bottom, where toasts such as "Saved" show.)
    x2 = located["d2:" + CLAIM_D2][0]
    strip = (max(0, x2 - 250), x2 + 30, 120, at_ready.height - 120)

    # (a) Keyboard only, from the articles as they opened (column 1 has the
    # focus and the caret at the top of each article).
    win.presses = 0
    win.keys("ctrl+f")
    win.type(FIND_D1)
    win.keys("Return", "Escape")
    win.keys(*["shift+ctrl+Right"] * WORDS_D1)
    win.keys("c")
    win.keys("F6", "F6", "ctrl+f")
    win.type(FIND_D3)
    win.keys("Return", "Escape")
    win.keys(*["shift+ctrl+Right"] * WORDS_D3)
    win.keys("c")
    # The d3 claim is selected: link from it, pick the d1 claim (the caret
    # of column 1 is at its start), and make the link.
    win.keys("x")
    win.screenshot("a-linking.png")
    win.keys("shift+F6", "shift+F6", "bracketright")
    win.screenshot("a-picked.png")
    win.keys("Return")
    presses = win.presses
    log("keyboard route: %d key presses from open articles to the link" % presses)

    p1 = saver.save("(a)")
    d1 = find_span(p1, "d1", CLAIM_D1)
    d3 = find_span(p1, "d3", CLAIM_D3)
    kbd = links_between(p1, d1, d3, "contradicts")
    tap.check(len(p1["spans"]) == 2 and d1 and d3 and d1["label"] == d3["label"] == "CLAIM"
              and len(p1["links"]) == 1 and len(kbd) == 1, summary(p1))
    tap.check(presses <= KEY_BUDGET, "%d key presses, budget %d" % (presses, KEY_BUDGET))
    if not kbd:
        raise StepFailed("no keyboard link to go on with")
    kbd_id = kbd[0]["id"]

    # (b) The d1 claim is selected and has this one link. Its inspector
    # opens on the label; Tab goes to the note, the attributes, then the
    # link's button, which opens the link's inspector on its type.
    win.keys("Return")
    win.keys(*["Tab"] * (2 + len(claim_attributes)))
    win.screenshot("b-span-inspector.png")
    win.keys("Return")
    win.keys(*["Tab"] * (2 + ctype_field))
    win.keys("space")
    win.keys(*["Down"] * (1 + ctype_values.index(CONTRADICTION_TYPE)))
    win.screenshot("b-choices.png")
    win.keys("Return")
    win.screenshot("b-link-inspector.png")
    win.keys("Escape")
    p2 = saver.save("(b)")
    link = [l for l in p2["links"] if l["id"] == kbd_id]
    tap.check(len(p2["links"]) == 1 and link
              and link[0].get("attributes") == {"contradiction_type": CONTRADICTION_TYPE},
              summary(p2))

    # (c) The mouse goes where READY located the phrases: the articles must
    # not have moved since (back in column 1, nothing scrolled). Escape
    # deselects the d1 claim.
    win.keys("Escape")
    win.away()
    time.sleep(PAUSE)
    dy, match = vertical_shift(at_ready, win.grab(), *strip)
    if not tap.check(dy == 0 and match >= MATCH,
                     "column 2 moved %d px down since READY (%.0f%% of rows match)" % (dy, 100 * match)):
        win.screenshot("c-moved.png")
        raise StepFailed("the articles moved: the located phrases are elsewhere")

    for phrase in (CLAIM_D2, CLAIM_D2B):
        x0, y0, x1, y1 = located["d2:" + phrase]
        win.drag(x0, y0, x1, y1)
        win.keys("c")
    p3 = saver.save("tagging in column 2")
    tagged = [find_span(p3, "d2", phrase) for phrase in (CLAIM_D2, CLAIM_D2B)]
    tap.check(len(p3["spans"]) == 4 and all(s and s["label"] == "CLAIM" for s in tagged), summary(p3))
    if not find_span(p3, "d2", CLAIM_D2):
        raise StepFailed("no claim in column 2 to link to")

    # Drags start in columns 1 and 2, which are wholly in view: pressing in
    # column 3, which the sidebar half covers, scrolls the columns sideways.
    point = {phrase: (located[request][0] + INTO, located[request][1])
             for request in located for phrase in [request.split(":", 1)[1]]}
    dy, match = win.link_drag("c-drag", point[CLAIM_D1], point[CLAIM_D2], strip)
    tap.check(dy > 0 and match >= MATCH,
              "while dragging, column 2 moved %d px (%.0f%% of rows match); "
              "the test aims at the target's new place" % (dy, 100 * match))
    p4 = saver.save("Ctrl+drag")
    drag = links_between(p4, find_span(p4, "d1", CLAIM_D1), find_span(p4, "d2", CLAIM_D2),
                         "contradicts", directed=True)
    tap.check(len(drag) == 1 and len(p4["links"]) == 2, summary(p4))

    win.link_drag("c-shift-drag", point[CLAIM_D2], point[CLAIM_D3], strip, shift=True)
    p5 = saver.save("Ctrl+Shift+drag")
    sdrag = links_between(p5, find_span(p5, "d2", CLAIM_D2), find_span(p5, "d3", CLAIM_D3),
                          "supports", directed=True)
    tap.check(len(sdrag) == 1 and len(p5["links"]) == 3, summary(p5))

    # (d) The link selected the d3 claim, and column 3 scrolled into view.
    # A click on plain text in column 1 scrolls back.
    win.click(located["d1:" + CLAIM_D1][0] - 150, located["d1:" + CLAIM_D1][1])
    win.away()
    time.sleep(PAUSE)
    before = win.grab()
    dy, match = vertical_shift(at_ready, before, *strip)
    if dy != 0 or match < MATCH:
        win.save(before, "d-moved.png")
        raise StepFailed("column 2 moved %d px down since READY (%.0f%% of rows match)" % (dy, 100 * match))

    # The span menu, by mouse: it opens centred under the pointer, "Link to…
    # (contradicts)" first, 22 px down. With the link bar up, the articles
    # are lower: click the d1 claim there, and Return links.
    at = point[CLAIM_D2B]
    win.click(at[0], at[1], button=3)
    win.screenshot("d-menu.png")
    win.click(at[0] - 60, at[1] + 22)
    dy, match = win.shift_since(before, strip)
    menu_ok = False
    if dy > 0 and match >= MATCH:
        try:
            win.click(point[CLAIM_D1][0], point[CLAIM_D1][1] + dy)
            win.keys("Return")
            p6 = saver.save("the span menu")
            menu = links_between(p6, find_span(p6, "d2", CLAIM_D2B), find_span(p6, "d1", CLAIM_D1),
                                 "contradicts", directed=True)
            menu_ok = len(menu) == 1 and len(p6["links"]) == 4
            detail = summary(p6)
        except StepFailed as e:
            detail = str(e)
    else:
        detail = "no link bar after Link to… (contradicts): the articles moved %d px" % dy
    if not menu_ok:
        win.screenshot("d-failed.png")
        # Close what may still be open (a menu keeps Ctrl+S from the window;
        # the first Escape may cancel a link being made, the next deselect).
        win.keys("Escape", "Escape", "Escape")
    tap.check(menu_ok, detail)
    win.away()
    time.sleep(PAUSE)
    win.screenshot("links.png")

    # (e) Save and quit: everything is saved, so no question.
    saver.save("(e)")
    win.keys("ctrl+q")
    try:
        status = app.proc.wait(timeout=QUIT_TIMEOUT)
        tap.check(status == 0, "exit status %d" % status)
    except subprocess.TimeoutExpired:
        tap.check(False, "still running %d s after Ctrl+Q" % QUIT_TIMEOUT)
        app.kill()
    app.thread.join(timeout=5)

    # The file on disk, read with Python alone.
    with open(project_path, "rb") as f:
        final_bytes = f.read()
    if final_bytes != saver.last[1]:
        log("note: the file changed after the last Ctrl+S")
    final = json.loads(final_bytes.decode("utf-8"))
    docs = {d["id"]: d["text"] for d in final["documents"]}
    spans = final["spans"]
    text = summary(final)
    c1, c2, c2b, c3 = (find_span(final, "d1", CLAIM_D1), find_span(final, "d2", CLAIM_D2),
                       find_span(final, "d2", CLAIM_D2B), find_span(final, "d3", CLAIM_D3))

    # contradicts is symmetric: either end may be "from".
    kbd = [l for l in final["links"] if l["id"] == kbd_id]
    tap.check(len(kbd) == 1 and kbd == links_between(final, c1, c3, "contradicts")
              and kbd[0]["attributes"] == {"contradiction_type": CONTRADICTION_TYPE}
              and kbd[0]["note"] == "", text)

    drag = links_between(final, c1, c2, "contradicts", directed=True)
    tap.check(len(drag) == 1 and drag[0]["attributes"] == {} and drag[0]["note"] == ""
              and not links_between(final, c2, c1, directed=True), text)

    # supports is directed: from the span the drag started at.
    sdrag = links_between(final, c2, c3, "supports", directed=True)
    tap.check(len(sdrag) == 1 and sdrag[0]["attributes"] == {} and sdrag[0]["note"] == ""
              and not links_between(final, c3, c2, directed=True), text)

    expected = {l["id"] for l in kbd + drag + sdrag}
    if menu_ok:
        expected |= {l["id"] for l in links_between(final, c2b, c1, "contradicts", directed=True)}
    phrases = ((c1, "d1", CLAIM_D1), (c2, "d2", CLAIM_D2), (c2b, "d2", CLAIM_D2B), (c3, "d3", CLAIM_D3))
    offsets_ok = all(s and s["label"] == "CLAIM"
                     and (s["start"], s["end"]) == (texts[doc].find(phrase), texts[doc].find(phrase) + len(phrase))
                     for s, doc, phrase in phrases)
    tap.check({l["id"] for l in final["links"]} == expected and len(final["links"]) == len(expected)
              and len(spans) == 4 and offsets_ok, text)

    ids = {s["id"] for s in spans}
    bad = [s["id"] for s in spans
           if s["document"] not in docs or not 0 <= s["start"] < s["end"] <= len(docs[s["document"]])
           or docs[s["document"]][s["start"]:s["end"]] != s["text"]]
    bad += [l["id"] for l in final["links"] if l["from"] not in ids or l["to"] not in ids or l["from"] == l["to"]]
    tap.check(spans and not bad, "bad: %s\n%s" % (bad, text))

    r = subprocess.run([CLI, "validate", project_path], capture_output=True, text=True, timeout=60)
    tap.check(r.returncode == 0, "status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))

    py = os.environ.get("CROSSCHECK_PYTHON", "/usr/bin/python3")
    r = subprocess.run([py, CHECKER, project_path], capture_output=True, text=True, timeout=60)
    log("check-project.py: " + (r.stdout + r.stderr).strip())
    tap.check(r.returncode == 0, "status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))

    warnings = [line for line in app.lines if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
    tap.check(not warnings, "\n".join(warnings))


def first_sentence_with(text, phrase):
    """The sentence holding phrase, when it starts its paragraph."""
    at = text.find(phrase)
    start = text.rfind("\n", 0, at) + 1
    end = re.compile(r"[.!?](?=\s|$)").search(text, at)
    return text[start:end.end()] if end else None


def run_quick(tap, tmp):
    """(f) The shortest keyboard route, in a session of its own."""
    project_path = os.path.join(tmp, "quick.crosscheck.json")
    r = subprocess.run([CLI, "new", "-o", project_path] + sample_paths(),
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise StepFailed("crosscheck-cli new: status %d: %s" % (r.returncode, r.stderr))
    with open(project_path, "rb") as f:
        initial = f.read()
    texts = {d["id"]: d["text"] for d in json.loads(initial.decode("utf-8"))["documents"]}
    want = {"d1": first_sentence_with(texts["d1"], CLAIM_D1),
            "d3": first_sentence_with(texts["d3"], CLAIM_D3)}
    log("(f) expected claims: %r" % want)

    app = App([APP, project_path], app_env(os.path.join(tmp, "quick"), ["d1:" + CLAIM_D1]))
    app.wait_line("READY", READY_TIMEOUT)
    win = Window(app, find_window(app), tmp)
    saver = Saver(win, project_path, initial)

    win.presses = 0
    for group in QUICK_ROUTE:
        win.keys(*group)
    presses = win.presses
    log("(f) keyboard route: %d key presses from open articles to the link" % presses)
    win.screenshot("f-linked.png")

    p = saver.save("(f)")
    docs = {d["id"]: d["text"] for d in p["documents"]}
    c1, c3 = find_span(p, "d1", want["d1"]), find_span(p, "d3", want["d3"])
    spans_ok = all(s and s["label"] == "CLAIM" and docs[s["document"]][s["start"]:s["end"]] == s["text"]
                   for s in (c1, c3))
    tap.check(len(p["spans"]) == 2 and spans_ok and len(p["links"]) == 1
              and len(links_between(p, c1, c3, "contradicts")) == 1, summary(p))
    tap.check(presses <= QUICK_BUDGET, "%d key presses, budget %d" % (presses, QUICK_BUDGET))

    win.keys("ctrl+q")
    problems = []
    try:
        status = app.proc.wait(timeout=QUIT_TIMEOUT)
        if status != 0:
            problems.append("exit status %d" % status)
    except subprocess.TimeoutExpired:
        problems.append("still running %d s after Ctrl+Q" % QUIT_TIMEOUT)
        app.kill()
    app.thread.join(timeout=5)
    r = subprocess.run([CLI, "validate", project_path], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        problems.append("crosscheck-cli validate: status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))
    py = os.environ.get("CROSSCHECK_PYTHON", "/usr/bin/python3")
    r = subprocess.run([py, CHECKER, project_path], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        problems.append("check-project.py: status %d\n%s%s" % (r.returncode, r.stdout, r.stderr))
    problems += [line for line in app.lines if re.search(r"-(WARNING|CRITICAL) \*\*", line)]
    tap.check(not problems, "\n".join(problems))


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-e2e-links-", [run, run_quick],
                       tools=("xdotool", "import", "convert")))
