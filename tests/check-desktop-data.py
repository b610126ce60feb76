#!/usr/bin/python3
# tests/check-desktop-data.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the validators do not check in data/, as TAP:
#   - the MIME package, installed into a private data folder and compiled
#     with update-mime-database, makes GIO see a *.crosscheck.json file, and
#     the sample project's contents under any name, as a Crosscheck project,
#     while other JSON stays JSON;
#   - the desktop file offers Crosscheck for exactly that type, and the
#     metainfo provides it;
#   - the application icon renders (rsvg-convert) at 32 and 128 px with most
#     of the square covered, gdk-pixbuf (GTK's loader) loads both icons, and
#     the symbolic icon uses fills of one colour only (GTK recolours fills; a
#     stroke would be drawn filled).
#
# usage: check-desktop-data.py SOURCE_ROOT DATA_BUILDDIR

import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

root, built = sys.argv[1:3]
APP_ID = "io.github.crosscheck.Crosscheck"
TYPE = "application/x-crosscheck-project"
results = []


def check(ok, description, details=""):
    results.append((bool(ok), description, details))


with tempfile.TemporaryDirectory() as tmp:
    packages = os.path.join(tmp, "mime", "packages")
    os.makedirs(packages)
    shutil.copy(os.path.join(built, APP_ID + ".xml"), packages)
    update = subprocess.run(["update-mime-database", os.path.join(tmp, "mime")],
                            capture_output=True, text=True)
    check(update.returncode == 0, "update-mime-database compiles the MIME package", update.stderr)

    sample = os.path.join(root, "data", "samples", "sample.crosscheck.json")
    renamed = os.path.join(tmp, "no-ending")
    shutil.copy(sample, renamed)
    plain = os.path.join(tmp, "other.json")
    with open(plain, "w", encoding="utf-8") as f:
        f.write('{"format": "something-else"}\n')

    guess = subprocess.run(
        ["/usr/bin/python3", "-c", """
import sys
from gi.repository import Gio
for name, path in zip(sys.argv[1::2], sys.argv[2::2]):
    data = open(path, "rb").read(4096) if path else None
    print(Gio.content_type_guess(name, data)[0])
""", "x.crosscheck.json", "", "no-ending", renamed, "other.json", plain],
        capture_output=True, text=True,
        env=dict(os.environ, XDG_DATA_HOME=tmp, XDG_DATA_DIRS="/usr/share"))
    types = guess.stdout.split()
    check(guess.returncode == 0 and len(types) == 3, "GIO guesses the three files' types",
          guess.stdout + guess.stderr)
    types += [""] * 3
    check(types[0] == TYPE, "a *.crosscheck.json name is a Crosscheck project", types[0])
    check(types[1] == TYPE, "a project's contents are recognised without the name", types[1])
    check(types[2] == "application/json", "other JSON stays JSON", types[2])

with open(os.path.join(built, APP_ID + ".desktop"), encoding="utf-8") as f:
    desktop = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
check(desktop.get("MimeType") == TYPE + ";", "the desktop file opens the project type", desktop.get("MimeType"))
check(desktop.get("Exec") == "crosscheck %F" and desktop.get("Icon") == APP_ID,
      "the desktop file starts crosscheck with files, with the app icon", desktop)

component = ET.parse(os.path.join(built, APP_ID + ".metainfo.xml")).getroot()
provided = [m.text for m in component.iter("mediatype")]
binaries = sorted(b.text for b in component.iter("binary"))
check(provided == [TYPE] and binaries == ["crosscheck", "crosscheck-cli"],
      "the metainfo provides the type and both programs", (provided, binaries))

icons = os.path.join(root, "data", "icons", "hicolor")
app_icon = os.path.join(icons, "scalable", "apps", APP_ID + ".svg")
for size in (32, 128):
    png = subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-f", "png", app_icon],
                         capture_output=True)
    ok = png.returncode == 0
    covered = 0.0
    if ok:
        # Count the opaque pixels with ImageMagick: the mean of the alpha channel.
        mean = subprocess.run(["convert", "png:-", "-alpha", "extract", "-format", "%[fx:mean]", "info:"],
                              input=png.stdout, capture_output=True)
        ok = mean.returncode == 0
        covered = float(mean.stdout or 0)
    check(ok and covered > 0.5, "the app icon renders at %d px, %.0f %% covered" % (size, covered * 100),
          png.stderr.decode(errors="replace"))

# GTK loads icons through gdk-pixbuf, which recognises an SVG only when "<svg"
# comes early in the file (a long comment before it makes the icon unloadable).
symbolic_icon = os.path.join(icons, "symbolic", "apps", APP_ID + "-symbolic.svg")
load = subprocess.run(
    ["/usr/bin/python3", "-c", """
import sys
import gi
gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf
for path in sys.argv[1:]:
    pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_size(path, 32, 32)
    print(pixbuf.get_width(), pixbuf.get_height())
""", app_icon, symbolic_icon], capture_output=True, text=True)
check(load.returncode == 0 and load.stdout.split() == ["32", "32", "32", "32"],
      "gdk-pixbuf loads both icons, as GTK does", load.stdout + load.stderr)

with open(symbolic_icon, encoding="utf-8") as f:
    symbolic = f.read()
colours = set(re.findall(r'#[0-9a-fA-F]{6}\b', re.sub(r"<!--.*?-->", "", symbolic, flags=re.S)))
check("stroke" not in symbolic and len(colours) == 1,
      "the symbolic icon is fills of one colour", "colours: %s" % colours)

print("1..%d" % len(results))
for i, (ok, description, details) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, description))
    if not ok and details:
        for line in str(details).splitlines():
            print("# " + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
