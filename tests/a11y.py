#!/usr/bin/python3
# a11y.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Accessibility test: opens the sample project in the real application and
# reads its AT-SPI tree, as a screen reader would (pyatspi, inside the
# private D-Bus session of build-aux/headless.sh). It checks that
#   - the main controls are there and named: the header bar's buttons, the
#     find bar, each article's text and menu, the sidebar's tabs, the label
#     palette, the annotation and link lists and their filters;
#   - every control (button, entry, text, list, tab, combo box ...) has a
#     name of its own, not GTK's fallback of its type name;
#   - each article's whole text is readable, exactly the document's text;
#   - the keyboard reaches everything: F6 / Shift+F6 go from article to
#     article, Tab from the last article to the sidebar's tabs and the
#     palette, the Annotations and Links pages' lists after choosing their
#     tab, and Return on a selected span opens the inspector with the focus
#     in it (Escape brings it back to the article).
# The focus is read from the tree after each key sent with xdotool.
#
# Meson runs it as `build-aux/headless.sh /usr/bin/python3 tests/a11y.py`.

import json
import os
import re
import sys
import time

import pyatspi  # noqa: F401 - fails early, with a clear message, when missing

from atspi_common import (accessible_env, ancestors, application, CONTROL_ROLES, describe,
                          find, find_all, focused, named, role, text_of, TYPE_NAME, walk)
from e2e_common import (APP, app_env, App, find_window, log, run_tests, SAMPLES, StepFailed,
                        Window)

MNEMONIC = re.compile(r"(^|\s)\w*_\w")
SAMPLE = os.path.join(SAMPLES, "sample.crosscheck.json")

CHECKS = [
    "the window is on the accessibility bus",
    "the header bar's buttons are named",
    "the find bar's controls are named",
    "each article's text view is named after the article",
    "each article's menu button is named",
    "the sidebar's tabs are named",
    "the label palette's lists and rows are named",
    "the annotation and link lists and their filters are named",
    "every control has a name of its own, without a mnemonic underscore",
    "each article's text is readable, exactly the document's",
    "F6 goes from article to article and back to the first",
    "Shift+F6 goes back to the last article",
    "Tab reaches the sidebar's tabs and the label palette",
    "Tab reaches the annotation list",
    "Tab reaches the link list",
    "Return on a selected span opens the inspector, focused and named",
    "Escape closes the inspector and returns to the article",
]


def documents():
    with open(SAMPLE, encoding="utf-8") as f:
        return json.load(f)["documents"]


def good_name(name):
    return bool(name.strip()) and not TYPE_NAME.match(name) and not MNEMONIC.search(name)


def badly_named(root):
    """Controls under root without a good name of their own."""
    bad = []
    for n in walk(root):
        if role(n) not in CONTROL_ROLES | {"list item"}:
            continue
        parent = n.parent
        if role(n) == "push button" and role(parent) == "combo box" and good_name(parent.name):
            continue
        if role(n) == "list item" and not good_name(n.name) and n.childCount == 1 \
                and good_name(n.getChildAtIndex(0).name):
            continue
        if not good_name(n.name):
            bad.append(describe(n) + " in " + describe(parent))
    return bad


def focus_after(window, root, key, pause=0.4):
    window.keys(key)
    time.sleep(pause)
    node = focused(root)
    log("after %s: %s" % (key, describe(node)))
    return node


def in_list(node, name):
    return node is not None and any(role(a) == "list" and a.name == name for a in [node, *ancestors(node)])


def steps(tap, tmp):
    env = accessible_env(app_env(tmp, []))
    app = App([APP, SAMPLE], env)
    wid = find_window(app)
    window = Window(app, wid, tmp)
    root = application(app.proc.pid)
    frame = find(root, lambda n: role(n) == "frame", "a frame")
    tap.check(frame.name.startswith("Crosscheck"), describe(frame))
    docs = documents()

    # The controls, by name.
    # (Save shows only when there are unsaved changes.)
    missing = [n for n in ("Open Articles or a Project", "Undo", "Redo", "Main Menu",
                           "Labels and Annotations", "Find")
               if not named(root, "push button", n)]
    tap.check(not missing, "no button named: %s" % ", ".join(missing))

    missing = [(r, n) for r, n in (("entry", "Find in the article"), ("push button", "Previous Match"),
                                   ("push button", "Next Match"), ("check box", "All articles"))
               if not named(root, r, n)]
    tap.check(not missing, "missing: %s" % missing)

    texts = find_all(root, lambda n: role(n) == "text" and n.name.startswith("Article "))
    want = ["Article %s: %s" % (d["id"], d["title"]) for d in docs]
    tap.check(sorted(t.name for t in texts) == sorted(want),
              "text views: %s\nwanted: %s" % ([t.name for t in texts], want))

    menus = [n for n in named(root, "push button", "Article Menu") if n.getState().contains(pyatspi.STATE_FOCUSABLE)]
    tap.check(len(menus) == len(docs), "%d focusable “Article Menu” buttons for %d articles" % (len(menus), len(docs)))

    missing = [n for n in ("Labels", "Annotations", "Links") if not named(root, "page tab", n)]
    tap.check(not missing, "no tab named: %s" % ", ".join(missing))

    rows = [n.name for n in find_all(root, lambda n: role(n) == "list item"
                                     and any(role(a) == "list" and a.name == "Labels" for a in ancestors(n)))]
    tap.check(named(root, "list", "Labels") and named(root, "list", "Link types")
              and any(r.startswith("PERSON, key P, ") for r in rows)
              and any(r.startswith("CLAIM, key C, ") for r in rows)
              and len(named(root, "push button", "Edit Label")) >= 6,
              "palette rows: %s" % rows)

    missing = [(r, n) for r, n in (("list", "Annotations"), ("list", "Links"),
                                   ("entry", "Filter annotations by text"),
                                   ("combo box", "Label filter"), ("combo box", "Article filter"),
                                   ("combo box", "Link type filter"))
               if not named(root, r, n)]
    tap.check(not missing, "missing: %s" % missing)

    # Every control named, and no name with a mnemonic's underscore (GTK 4.8
    # reads "_Save" out as it is). GTK 4.8 shows a drop-down's inner toggle
    # button as a control of its own: the combo box around it carries the
    # name. A list view's rows are named by their content (their only child).
    unnamed = badly_named(root)
    tap.check(not unnamed, "controls without a proper name:\n" + "\n".join(unnamed))

    wrong = []
    for d in docs:
        view = [t for t in texts if t.name.startswith("Article %s:" % d["id"])]
        if not view or text_of(view[0]) != d["text"]:
            wrong.append("%s: %r…" % (d["id"], text_of(view[0])[:60] if view else None))
    tap.check(not wrong, "\n".join(wrong))

    # The keyboard. The first article has the focus when the project opens.
    start = focused(root)
    log("focus at start: " + describe(start))
    seen = [start.name if start else None]
    for _ in docs:
        node = focus_after(window, root, "F6")
        seen.append(node.name if node else None)
    ids = [s.split(":")[0] if s else None for s in seen]
    tap.check(ids == ["Article d1", "Article d2", "Article d3", "Article d4", "Article d1"], ids)

    node = focus_after(window, root, "shift+F6")
    tap.check(node is not None and node.name.startswith("Article d4:"), describe(node))

    # From the last article, Tab goes on into the sidebar.
    reached = []
    for _ in range(8):
        node = focus_after(window, root, "Tab")
        reached.append(describe(node))
        if role(node) == "list item" and in_list(node, "Labels"):
            break
    tap.check(any(r == "page tab 'Labels'" for r in reached)
              and role(node) == "list item" and in_list(node, "Labels"), "\n".join(reached))

    for tab, list_name in (("Annotations", "Annotations"), ("Links", "Links")):
        # Back to the tabs, choose one with Space, then Tab into its page.
        reached = []
        node = focused(root)
        for _ in range(12):
            if role(node) == "page tab" and node.name == tab:
                break
            node = focus_after(window, root, "shift+Tab")
            reached.append(describe(node))
        window.keys("space")
        for _ in range(8):
            node = focus_after(window, root, "Tab")
            reached.append(describe(node))
            if in_list(node, list_name):
                break
        tap.check(in_list(node, list_name), "\n".join(reached))

    # The inspector: select the first span of the first article, Return.
    for _ in range(8):
        node = focus_after(window, root, "F6")
        if node is not None and node.name.startswith("Article d1:"):
            break
    window.keys("bracketright")
    node = focus_after(window, root, "Return", pause=0.8)
    inspector = [describe(node)]
    for _ in range(3):
        if role(node) == "text" and node.name == "Note":
            break
        node = focus_after(window, root, "Tab")
        inspector.append(describe(node))
    unnamed = badly_named(root)
    tap.check(role(node) == "text" and node.name == "Note" and not unnamed,
              "\n".join(inspector + ["controls without a proper name:"] + unnamed))

    node = focus_after(window, root, "Escape", pause=0.6)
    tap.check(node is not None and node.name.startswith("Article d1:"), describe(node))


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-a11y-", [steps]))
