#!/usr/bin/env python3
# tests/check-po.py
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations, as TAP:
#   - po/POTFILES.in lists every file with translatable strings (_(), N_(), C_(), NC_(),
#     g_dngettext() in C; translatable="yes" in .ui; the desktop, metainfo, MIME and
#     GSettings files that po/ translates), lists only files that exist, and is sorted;
#   - no translatable C string is glued to a macro ("%" G_GINT64_FORMAT), which xgettext
#     would extract cut short so that it could never be translated;
#   - every language in po/LINGUAS is complete against a template made now from the
#     sources (not against the .po file's own idea of the strings): no untranslated and no
#     fuzzy message, and msgfmt --check passes (format directives match, plural forms).
#
# usage: check-po.py SOURCE_ROOT

import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, "po")
results = []


def check(ok, description, details=""):
    results.append((ok, description, details))


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


# ---------------------------------------------------------------------------------------
# POTFILES.in

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2)\s*\(')
UI_MARK = re.compile(r'translatable="yes"')
# A translatable literal followed by an identifier: the rest of the string is a macro.
GLUED = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_)\s*\(\s*"(?:[^"\\\n]|\\.)*"\s*[A-Za-z_][A-Za-z0-9_]*')
# Data files that po/ merges translations into (see data/meson.build).
DATA_TRANSLATED = re.compile(r'\.(desktop\.in\.in|metainfo\.xml\.in\.in|mime\.xml|gschema\.xml)$')

listed = read_list(os.path.join(po_dir, "POTFILES.in"))
needed = []
glued = []
for top in ("src", "data"):
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
        dirnames[:] = sorted(d for d in dirnames if d not in ("samples", "screenshots"))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, root)
            if DATA_TRANSLATED.search(name):
                needed.append(relative)
                continue
            if not name.endswith((".c", ".h", ".ui")):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if name.endswith(".ui"):
                if UI_MARK.search(text):
                    needed.append(relative)
            else:
                if C_MARK.search(text):
                    needed.append(relative)
                for m in GLUED.finditer(text):
                    line = text.count("\n", 0, m.start()) + 1
                    glued.append(f"{relative}:{line}: {m.group(0)}")

missing = sorted(set(needed) - set(listed))
check(not missing, "POTFILES.in lists every file with translatable strings",
      "missing from po/POTFILES.in: " + ", ".join(missing))
absent = [f for f in listed if not os.path.exists(os.path.join(root, f))]
check(not absent, "every file in POTFILES.in exists", "not found: " + ", ".join(absent))
check(listed == sorted(listed), "POTFILES.in is sorted")
check(not glued, "no translatable string is glued to a macro",
      "\n".join(glued) + "\nformat the value with a plain directive (%lld, %s) instead")

# ---------------------------------------------------------------------------------------
# A fresh template, with the keywords of Meson's i18n 'glib' preset (po/meson.build).

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "crosscheck.pot")
    xgettext = subprocess.run(
        ["xgettext", "--package-name=crosscheck", "--from-code=UTF-8", "--add-comments",
         "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
         "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
         "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
         "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
         "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
         "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
         "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
         "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
         "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
         "--directory=" + root, "--files-from=" + os.path.join(po_dir, "POTFILES.in"),
         "--output=" + pot],
        capture_output=True, text=True)
    check(xgettext.returncode == 0, "xgettext makes a template from the sources", xgettext.stderr)

    total = subprocess.run(["msgattrib", "--no-obsolete", pot], capture_output=True, text=True)
    n_template = len(re.findall(r'^msgid ', total.stdout, re.M)) - 1  # minus the header
    check(n_template > 300, f"the template holds {n_template} messages")

    for lang in read_list(os.path.join(po_dir, "LINGUAS")):
        po = os.path.join(po_dir, lang + ".po")
        if not os.path.exists(po):
            check(False, f"{lang}: po/{lang}.po exists")
            continue

        fmt = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", po],
                             capture_output=True, text=True)
        check(fmt.returncode == 0, f"{lang}: msgfmt --check passes on po/{lang}.po", fmt.stderr)

        # What the .po would be after `msgmerge --update`: new strings show up untranslated,
        # changed ones fuzzy.
        merged = os.path.join(tmp, lang + ".po")
        merge = subprocess.run(["msgmerge", "--quiet", "--previous", "--output-file=" + merged, po, pot],
                               capture_output=True, text=True)
        check(merge.returncode == 0, f"{lang}: msgmerge with the fresh template", merge.stderr)
        if merge.returncode != 0:
            continue

        def messages(*flags):
            out = subprocess.run(["msgattrib", "--no-obsolete", *flags, merged],
                                 capture_output=True, text=True, check=True).stdout
            return [m for m in re.findall(r'^(?:msgctxt "(?:[^"\\]|\\.)*"\n)?msgid "((?:[^"\\]|\\.)*)"'
                                          r'((?:\n"(?:[^"\\]|\\.)*")*)', out, re.M)
                    if m != ("", "")]

        def show(found):
            return "\n".join("  " + (a + b.replace('\n"', "").replace('"', ""))[:100] for a, b in found[:20])

        untranslated = messages("--untranslated")
        fuzzy = messages("--only-fuzzy")
        translated = messages("--translated", "--no-fuzzy")
        check(not untranslated, f"{lang}: no untranslated message ({len(untranslated)} found)",
              show(untranslated) + "\nupdate the .po file and translate them: see po/README.md")
        check(not fuzzy, f"{lang}: no fuzzy message ({len(fuzzy)} found)",
              show(fuzzy) + "\nupdate the .po file and check them: see po/README.md")
        check(len(translated) == n_template,
              f"{lang}: {len(translated)} of {n_template} messages translated")

print(f"1..{len(results)}")
for i, (ok, description, details) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {description}")
    if not ok and details:
        for line in details.splitlines():
            print("# " + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
