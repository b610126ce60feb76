#!/usr/bin/python3
# translated-ui.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The application runs in German under LANGUAGE=de: starts the real app from
# the build tree on the sample project with LANGUAGE=de, its text domain bound
# to the build's compiled translations (CROSSCHECK_LOCALEDIR=<build>/po, where
# Meson puts de/LC_MESSAGES/crosscheck.mo), and reads the window through AT-SPI:
# the header bar's buttons, the window's subtitle (with plural forms), the
# sidebar's tabs, an article's name and the palette's rows are German, and no
# English string of the window is left. Also checks the same for the
# command-line tool's output, and that the built desktop file, metainfo and
# MIME type carry the German translations merged from po/de.po.
#
# Meson runs it as `build-aux/headless.sh /usr/bin/python3 tests/translated-ui.py`
# with CROSSCHECK_LOCALEDIR and CROSSCHECK_DATA_BUILDDIR set.

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from atspi_common import accessible_env, application, describe, find, find_all, named, role
from e2e_common import APP, app_env, App, BUILDDIR, CLI, find_window, log, run_tests, SAMPLES

SAMPLE = os.path.join(SAMPLES, "sample.crosscheck.json")
LOCALEDIR = os.environ.get("CROSSCHECK_LOCALEDIR") or os.path.join(BUILDDIR, "po")
DATADIR = os.environ.get("CROSSCHECK_DATA_BUILDDIR") or os.path.join(BUILDDIR, "data")
APP_ID = "io.github.crosscheck.Crosscheck"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

CHECKS = [
    "the German catalogue was built",
    "the header bar's buttons are German",
    "the window's subtitle is German, with plural forms",
    "the sidebar's tabs are German",
    "the articles' names are German",
    "the palette's rows are German",
    "no English name of the window's controls is left",
    "crosscheck-cli speaks German",
    "the desktop file has the German name and comment",
    "the metainfo has the German summary and description",
    "the MIME type has the German comment",
]

# English names that must all be gone.
ENGLISH = ["Open Articles or a Project", "Undo", "Redo", "Main Menu", "Labels and Annotations",
           "Find", "Find in the article", "Previous Match", "Next Match", "Article Menu",
           "Annotations", "Links", "Label filter", "Article filter", "Link type filter",
           "Filter annotations by text", "Edit Label", "Add Label…"]


def steps(tap, tmp):
    mo = os.path.join(LOCALEDIR, "de", "LC_MESSAGES", "crosscheck.mo")
    tap.check(os.path.exists(mo), "no " + mo)

    env = accessible_env(app_env(tmp, []))
    env["CROSSCHECK_LOCALEDIR"] = LOCALEDIR
    env["LANGUAGE"] = "de"
    app = App([APP, SAMPLE], env)
    find_window(app)
    root = application(app.proc.pid)
    find(root, lambda n: role(n) == "frame", "a frame")

    missing = [n for n in ("Artikel oder ein Projekt öffnen", "Rückgängig", "Wiederholen",
                           "Hauptmenü", "Labels und Annotationen", "Suchen")
               if not named(root, "push button", n)]
    tap.check(not missing, "no button named: %s" % ", ".join(missing))

    subtitle = find_all(root, lambda n: role(n) == "label" and " · " in n.name and "4 " in n.name)
    tap.check([s.name for s in subtitle][:1] == ["4 Artikel · 10 Markierungen · 3 Verknüpfungen"],
              [s.name for s in subtitle])

    missing = [n for n in ("Labels", "Annotationen", "Verknüpfungen") if not named(root, "page tab", n)]
    tap.check(not missing, "no tab named: %s" % ", ".join(missing))

    texts = find_all(root, lambda n: role(n) == "text" and n.name[:8] in ("Artikel ", "Article "))
    tap.check(len(texts) == 4 and all(t.name.startswith("Artikel d") for t in texts),
              [t.name for t in texts])

    rows = [n.name for n in find_all(root, lambda n: role(n) == "list item")]
    tap.check(any(r.startswith("PERSON, Taste P, ") for r in rows)
              and any(r.startswith("supports, Taste Umschalt+X, ") for r in rows), rows)

    left = [describe(n) for n in find_all(root, lambda n: n.name in ENGLISH)]
    tap.check(not left, "still English: %s" % ", ".join(left))

    cli_env = dict(os.environ, LANGUAGE="de", CROSSCHECK_LOCALEDIR=LOCALEDIR)
    out = subprocess.run([CLI, "stats", SAMPLE], capture_output=True, text=True, env=cli_env)
    log(out.stdout[:200])
    tap.check(out.returncode == 0 and "Dokumente: 4" in out.stdout and "Markierungen pro Label" in out.stdout,
              out.stdout + out.stderr)

    with open(os.path.join(DATADIR, APP_ID + ".desktop"), encoding="utf-8") as f:
        desktop = f.read().splitlines()
    tap.check("Comment[de]=Behauptungen in Nachrichtenartikeln markieren und die widersprüchlichen verknüpfen"
              in desktop and any(line.startswith("Keywords[de]=") for line in desktop), "\n".join(desktop))

    component = ET.parse(os.path.join(DATADIR, APP_ID + ".metainfo.xml")).getroot()
    summaries = {s.get(XML_LANG): s.text for s in component.findall("summary")}
    german_paragraphs = [p for p in component.iter("p") if p.get(XML_LANG) == "de"]
    tap.check(summaries.get("de") == "Finden, wo sich Nachrichtenartikel widersprechen"
              and len(german_paragraphs) >= 2, summaries)

    mime = ET.parse(os.path.join(DATADIR, APP_ID + ".xml")).getroot()
    comments = {c.get(XML_LANG): c.text for c in mime.iter("{http://www.freedesktop.org/standards/shared-mime-info}comment")}
    tap.check(comments.get("de") == "Crosscheck-Projekt", comments)


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-de-", [steps]))
