#!/usr/bin/python3
# e2e-recover.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the promise "killing the app at any moment loses at
# most one autosave interval of work". On copies of the sample articles it
#   (a) starts the real app on a project, tags a name with the mouse (p);
#   (b) waits until the autosave interval (2 s here, set through a GSettings
#       keyfile the app reads) has passed and the recovery copy is written,
#       tags a second name and at once kills the app with SIGKILL;
#   (c) starts the app again, reads the restore offer (AT-SPI), restores;
#   (d) saves with Ctrl+S and quits.
# The saved file must hold the first span exactly (tests/check-project.py,
# crosscheck-cli validate), the project's own file must not have been
# touched before that save, and no recovery copy may be left at the end.
# Output is TAP; see e2e-annotate.py for how Meson runs it.

import json
import os
import re
import signal
import subprocess
import sys
import time

from e2e_common import (locate_lines, a11y_env, APP, app_env, App, CLI, find_window, log, quit_status,
                        READY_TIMEOUT, readers_accept, run_tests, sample_paths, SAVE_TIMEOUT,
                        screen_texts, StepFailed, Window)

INTERVAL = 2                                   # seconds, the autosave-interval setting
FIRST = "Aurélie Dumont-Okafor"                # d1: tagged, then autosaved
SECOND = "Deniz Yağmur"                        # d1: tagged just before the kill

CHECKS = [
    "crosscheck-cli new makes a project of copies of the 4 samples",
    "the app opens the project and locates both names",
    "(a) drag over %r, press p: a recovery copy appears within the interval (+ 5 s)" % FIRST,
    "(b) the recovery copy holds the span, the project file is untouched, SIGKILL ends the app",
    "(c) the restarted app offers to restore the project, naming it and when it was copied",
    "(c) Restore brings the work back: the app locates the names again",
    "(d) Ctrl+S saves to the project's own file without asking",
    "the saved file has the PERSON span %r at its exact offsets" % FIRST,
    "tests/check-project.py and crosscheck-cli validate accept the saved file",
    "(d) Ctrl+Q quits at once (exit status 0) and no recovery copy is left",
    "neither run printed GLib warnings or criticals",
]


def settings_keyfile(home):
    """The GSettings keyfile backend's file, with a short autosave interval."""
    folder = os.path.join(home, "xdg_config_home", "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/crosscheck/Crosscheck]\nautosave-interval=uint32 %d\n" % INTERVAL)


def recovery_entries(home):
    folder = os.path.join(home, "xdg_data_home", "crosscheck", "recovery")
    if not os.path.isdir(folder):
        return []
    return sorted(n for n in os.listdir(folder) if not n.startswith("."))


def recovery_project(home):
    folder = os.path.join(home, "xdg_data_home", "crosscheck", "recovery")
    for name in recovery_entries(home):
        if name.endswith(".crosscheck.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                return json.load(f)
    return None


def located(lines):
    return locate_lines(lines).get("d1", [])


def warnings_of(app):
    return [line for line in app.lines if re.search(r"-(WARNING|CRITICAL) \*\*", line)]


def run(tap, tmp):
    home = os.path.join(tmp, "home")
    project = os.path.join(tmp, "recover.crosscheck.json")
    samples = sample_paths()

    r = subprocess.run([CLI, "new", "-o", project] + samples, capture_output=True, text=True, timeout=60)
    initial = open(project, "rb").read() if r.returncode == 0 and os.path.exists(project) else None
    if not tap.check(initial is not None and json.loads(initial)["spans"] == [],
                     "status %d\n%s" % (r.returncode, r.stderr)):
        raise StepFailed("no project to open")
    text = json.loads(initial)["documents"][0]["text"]
    if text.count(FIRST) != 1 or text.count(SECOND) != 1:
        raise StepFailed("the names are not once each in d1")
    initial_mtime = os.stat(project).st_mtime_ns

    env = app_env(tmp, ["d1:" + FIRST, "d1:" + SECOND])
    env["GSETTINGS_BACKEND"] = "keyfile"
    settings_keyfile(home)

    # (a) Tag a name; the first change starts the autosave clock.
    app = App([APP, project], env)
    where = located(app.wait_line("READY", READY_TIMEOUT))
    if not tap.check(len(where) == 2, "LOCATE lines: %s" % where):
        raise StepFailed("names not located")
    win = Window(app, find_window(app), tmp)
    win.drag(*where[0])
    win.keys("p")
    tagged = time.monotonic()
    # The project is written first, then its description: wait for both.
    while len(recovery_entries(home)) < 2 and time.monotonic() - tagged < INTERVAL + 5:
        time.sleep(0.1)
    copied = time.monotonic() - tagged
    log("recovery copy after %.1f s: %s" % (copied, recovery_entries(home)))
    tap.check(len(recovery_entries(home)) == 2, "entries: %s" % recovery_entries(home))

    # (b) Past the interval, the copy holds the span; one more change, then SIGKILL.
    time.sleep(0.5)
    saved = recovery_project(home)
    spans = saved["spans"] if saved else []
    win.drag(*where[1])
    win.keys("p")
    os.kill(app.proc.pid, signal.SIGKILL)
    status = app.proc.wait(timeout=10)
    untouched = open(project, "rb").read() == initial and os.stat(project).st_mtime_ns == initial_mtime
    tap.check(len(spans) == 1 and spans[0]["text"] == FIRST and untouched
              and status == -signal.SIGKILL and len(recovery_entries(home)) == 2,
              "spans in the copy: %s\nproject file untouched: %s\nstatus %s\nentries %s"
              % (spans, untouched, status, recovery_entries(home)))
    first_warnings = warnings_of(app)

    # (c) Start again: the offer names the project and the time of the copy.
    env2 = a11y_env(env)                # the offer is read through AT-SPI
    app2 = App([APP], env2)
    win2 = Window(app2, find_window(app2), tmp)
    texts = screen_texts("Restore")
    log("labels on screen:\n" + texts)
    tap.check("Restore Unsaved Work?" in texts and "“recover” has changes from" in texts
              and "never saved" in texts and re.search(r"\d{1,2} \w+ \d{4} at \d\d:\d\d", texts),
              texts)
    win2.keys("Return")
    try:
        where2 = located(app2.wait_line("READY", READY_TIMEOUT))
        tap.check(len(where2) == 2, "LOCATE lines: %s" % where2)
    except StepFailed as e:
        tap.check(False, str(e))
        raise
    win2 = Window(app2, find_window(app2), tmp)

    # (d) Save: the restored work belongs to its own file again.
    win2.keys("ctrl+s")
    deadline = time.monotonic() + SAVE_TIMEOUT
    data = initial
    while data == initial and time.monotonic() < deadline:
        time.sleep(0.1)
        data = open(project, "rb").read()
    tap.check(data != initial, "the project file was not written within %d s" % SAVE_TIMEOUT)
    final = json.loads(data) if data != initial else {"spans": [], "documents": [{"text": ""}]}
    start = text.find(FIRST)
    first = [s for s in final["spans"] if s["text"] == FIRST]
    tap.check(len(first) == 1 and first[0]["label"] == "PERSON" and first[0]["document"] == "d1"
              and (first[0]["start"], first[0]["end"]) == (start, start + len(FIRST))
              and final["documents"][0]["text"][first[0]["start"]:first[0]["end"]] == FIRST,
              "spans: %s" % final["spans"])
    log("the span tagged just before the kill was %s"
        % ("kept" if any(s["text"] == SECOND for s in final["spans"]) else "lost, as allowed"))

    tap.check(*readers_accept(project))

    status = quit_status(win2, app2)
    tap.check(status == 0 and recovery_entries(home) == [],
              "exit status %s, recovery entries %s" % (status, recovery_entries(home)))

    problems = first_warnings + warnings_of(app2)
    tap.check(not problems, "\n".join(problems))


if __name__ == "__main__":
    sys.exit(run_tests(CHECKS, "crosscheck-e2e-recover-", [run]))
