#!/usr/bin/python3
# e2e_common.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the end-to-end tests (e2e-*.py) share: where the programs are, TAP
# output, the application process, and a window driven with xdotool. The
# tests import it from their own directory.

import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback

SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILDDIR = os.path.join(SRCDIR, "_build")

APP = os.environ.get("CROSSCHECK_BIN") or os.path.join(BUILDDIR, "src", "ui", "crosscheck")
CLI = os.environ.get("CROSSCHECK_CLI") or os.path.join(BUILDDIR, "src", "cli", "crosscheck-cli")
SAMPLES = os.environ.get("CROSSCHECK_SAMPLES_DIR") or os.path.join(SRCDIR, "data", "samples")
CHECKER = os.path.join(SRCDIR, "tests", "check-project.py")

READY_TIMEOUT = 60      # seconds until the app must print READY
SAVE_TIMEOUT = 15       # seconds until Ctrl+S must have written the file
QUIT_TIMEOUT = 30       # seconds until Ctrl+Q must have ended the process
KEY_DELAY = "50"        # ms between keys (xdotool key --delay)
PAUSE = 0.3             # s after a group of keys, for the app to process them


def log(*args):
    for line in " ".join(str(a) for a in args).splitlines() or [""]:
        print("# " + line, file=sys.stderr, flush=True)


class Tap:
    def __init__(self, names):
        self.names = names
        self.n = 0
        self.failed = 0
        print("1..%d" % len(names), flush=True)

    def result(self, ok, detail="", todo=None):
        self.n += 1
        name = self.names[self.n - 1]
        line = "%s %d - %s" % ("ok" if ok else "not ok", self.n, name)
        if todo:
            line += " # TODO " + todo
        print(line, flush=True)
        if not ok:
            if not todo:
                self.failed += 1
            if detail:
                for d in str(detail).splitlines():
                    log("  " + d)

    def check(self, cond, detail="", todo=None):
        self.result(bool(cond), detail, todo)
        return bool(cond)

    def abandon(self, reason):
        if self.n < len(self.names):
            log(reason)
        while self.n < len(self.names):
            self.result(False)


class StepFailed(Exception):
    pass


# ---------------------------------------------------------------------------
# The application process

class App:
    instances = []

    def __init__(self, args, env):
        self.lines = []
        self.queue = queue.Queue()
        log("starting", " ".join(args))
        self.proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                     stdout=sys.stderr, stderr=subprocess.PIPE,
                                     text=True, encoding="utf-8", errors="replace")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        App.instances.append(self)     # run_tests() ends them all

    def _read(self):
        for line in self.proc.stderr:
            line = line.rstrip("\n")
            print("app: " + line, file=sys.stderr, flush=True)
            self.lines.append(line)
            self.queue.put(line)
        self.queue.put(None)

    def wait_line(self, pattern, timeout):
        """Returns the lines up to the first one matching pattern."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StepFailed("no %r from the app within %d s" % (pattern, timeout))
            try:
                line = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise StepFailed("the app ended (status %s) before printing %r"
                                 % (self.proc.wait(), pattern))
            seen.append(line)
            if re.fullmatch(pattern, line):
                return seen

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        if self.alive():
            log("killing the app (pid %d)" % self.proc.pid)
            self.proc.kill()
            self.proc.wait()


# ---------------------------------------------------------------------------
# xdotool

def xdo(*args, timeout=20):
    cmd = ["xdotool"] + [str(a) for a in args]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StepFailed("timed out after %d s: %s" % (timeout, " ".join(cmd)))
    if r.returncode != 0:
        raise StepFailed("%s: status %d: %s" % (" ".join(cmd), r.returncode, r.stderr.strip()))
    return r.stdout


def find_window(app):
    """The app's visible top-level window ("Crosscheck — …"), with retries."""
    for attempt in range(3):
        if not app.alive():
            raise StepFailed("the app is not running")
        try:
            out = xdo("search", "--sync", "--onlyvisible", "--name", "^Crosscheck", timeout=20)
        except StepFailed as e:
            log("window search, attempt %d: %s" % (attempt + 1, e))
            continue
        for wid in out.split():
            name = xdo("getwindowname", wid).strip()
            if name.startswith("Crosscheck"):
                log("window %s: %r, %s" % (wid, name, " ".join(xdo("getwindowgeometry", wid).split()[3:])))
                return wid
        time.sleep(0.5)
    raise StepFailed("no visible window named Crosscheck…")


class Window:
    """The app's window, driven with xdotool; tmp is where screenshots go."""

    def __init__(self, app, wid, tmp):
        self.app = app
        self.wid = wid
        self.tmp = tmp
        self.presses = 0    # key presses sent: chords and typed characters

    def focus(self):
        if not self.app.alive():
            raise StepFailed("the app is not running (status %s)" % self.app.proc.poll())
        try:
            xdo("windowfocus", "--sync", self.wid, timeout=10)
        except StepFailed as e:
            log("windowfocus --sync: %s; retrying without --sync" % e)
            xdo("windowfocus", self.wid)
            time.sleep(PAUSE)

    def keys(self, *keys):
        self.focus()
        log("keys: " + " ".join(keys))
        xdo("key", "--delay", KEY_DELAY, *keys)
        self.presses += len(keys)
        time.sleep(PAUSE)

    def type(self, text):
        self.focus()
        log("type: %r" % text)
        xdo("type", "--delay", KEY_DELAY, text)
        self.presses += len(text)
        time.sleep(PAUSE)

    def away(self):
        """The pointer out of the text, so that no tooltip or hover shows."""
        xdo("mousemove", "--window", self.wid, 600, 10)

    def drag(self, x0, y0, x1, y1, steps=4):
        self.focus()
        log("drag: (%d, %d) -> (%d, %d)" % (x0, y0, x1, y1))
        args = ["mousemove", "--window", self.wid, x0, y0, "sleep", "0.1", "mousedown", "1"]
        for i in range(1, steps + 1):
            args += ["sleep", "0.08", "mousemove", "--window", self.wid,
                     round(x0 + (x1 - x0) * i / steps), round(y0 + (y1 - y0) * i / steps)]
        args += ["sleep", "0.1", "mouseup", "1"]
        xdo(*args)
        time.sleep(PAUSE)
        self.away()


# ---------------------------------------------------------------------------
# Reading the screen through the accessibility bus (AT-SPI)

ATSPI_SCRIPT = r"""
import pyatspi

def walk(node, out, depth=0):
    if depth > 40:
        return
    try:
        if node.getRoleName() == "label" and node.name:
            out.append(node.name)
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), out, depth + 1)
    except Exception:
        pass

out = []
desktop = pyatspi.Registry.getDesktop(0)
for i in range(desktop.childCount):
    app = desktop.getChildAtIndex(i)
    if app is not None and app.name and "crosscheck" in app.name.lower():
        walk(app, out)
print("\n".join(out))
"""


def a11y_env(env):
    """env for an app whose labels screen_texts() is to read."""
    env = dict(env)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    return env


def screen_texts(wait_for, timeout=20):
    """Every label the app (started with a11y_env) shows, one a line, once
    one of them contains wait_for (or when timeout seconds have passed)."""
    py = os.environ.get("CROSSCHECK_PYTHON", "/usr/bin/python3")
    deadline = time.monotonic() + timeout
    texts = ""
    while time.monotonic() < deadline:
        try:
            r = subprocess.run([py, "-c", ATSPI_SCRIPT], capture_output=True, text=True, timeout=15)
            texts = r.stdout
            if wait_for in texts:
                return texts
        except subprocess.TimeoutExpired:
            log("AT-SPI read timed out; retrying")
        time.sleep(0.5)
    return texts


def screenshot(tmp, name):
    """The whole screen (dialogs included) as tmp/name, when ImageMagick is there."""
    if shutil.which("import") is None:
        return
    path = os.path.join(tmp, name)
    r = subprocess.run(["import", "-window", "root", path], capture_output=True, text=True, timeout=30)
    log("screenshot: " + path if r.returncode == 0 else "screenshot failed: " + r.stderr.strip())


def readers_accept(path):
    """Runs check-project.py and crosscheck-cli validate on path: both
    succeeded, and what they printed."""
    py = os.environ.get("CROSSCHECK_PYTHON", "/usr/bin/python3")
    checker = subprocess.run([py, CHECKER, path], capture_output=True, text=True, timeout=60)
    validate = subprocess.run([CLI, "validate", path], capture_output=True, text=True, timeout=60)
    return (checker.returncode == 0 and validate.returncode == 0,
            checker.stdout + checker.stderr + validate.stdout + validate.stderr)


def quit_status(win, app):
    """Presses Ctrl+Q; the exit status, or None if the app still runs after QUIT_TIMEOUT."""
    win.keys("ctrl+q")
    try:
        status = app.proc.wait(timeout=QUIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        status = None
    app.thread.join(timeout=5)
    return status


# ---------------------------------------------------------------------------
# The test process

def app_env(tmp, requests):
    """The app's environment: a temporary home, the ui tests' settings, and
    the phrases to locate (READY comes only when some are asked for)."""
    env = dict(os.environ)
    for sub in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = os.path.join(tmp, "home" if sub == "HOME" else "home/" + sub.lower())
        os.makedirs(path, exist_ok=True)
        env[sub] = path
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.setdefault("GSETTINGS_SCHEMA_DIR", os.path.join(BUILDDIR, "data"))
    env.setdefault("GDK_BACKEND", "x11")
    env.setdefault("GTK_A11Y", "none")
    env.setdefault("NO_AT_BRIDGE", "1")
    env.setdefault("ADW_DISABLE_PORTAL", "1")
    env.setdefault("GSK_RENDERER", "cairo")
    env["CROSSCHECK_DEBUG_LOCATE"] = "|".join(dict.fromkeys(requests))
    env.pop("G_DEBUG", None)  # warnings are counted, not made fatal
    return env


def locate_lines(lines):
    """The LOCATE lines the app printed, as {document: [(x0, y0, x1, y1), …]}
    in the order asked."""
    got = {}
    for line in lines:
        m = re.fullmatch(r"LOCATE (\S+) (-?\d+) (-?\d+) (-?\d+) (-?\d+)", line)
        if m:
            got.setdefault(m.group(1), []).append(tuple(int(v) for v in m.groups()[1:]))
    return got


def start_located(tap, argv, tmp, requests):
    """Starts the app on argv, waits for READY and returns (app, located):
    located maps each request "DOC:phrase" to where it is on screen. LOCATE
    lines name the document only; they come in request order, and the app
    leaves out phrases it does not find: the counts must match."""
    app = App(argv, app_env(tmp, requests))
    try:
        lines = app.wait_line("READY", READY_TIMEOUT)
    except StepFailed as e:
        tap.check(False, str(e))
        raise
    got = locate_lines(lines)
    located = {}
    missing = []
    for doc in sorted(set(r.split(":", 1)[0] for r in requests)):
        asked = [r for r in dict.fromkeys(requests) if r.startswith(doc + ":")]
        found = got.get(doc, [])
        if len(found) != len(asked):
            missing.append("%s: asked %d phrases, located %d" % (doc, len(asked), len(found)))
        else:
            located.update(zip(asked, found))
    if not tap.check(not missing, "\n".join(missing)):
        raise StepFailed("phrases not located")
    return app, located


def sample_paths():
    """The four sample articles, in order."""
    return sorted(os.path.join(SAMPLES, n) for n in os.listdir(SAMPLES)
                  if re.fullmatch(r"0[1-4]-.*\.txt", n))


def run_tests(checks, prefix, steps, tools=("xdotool",)):
    """Runs each of steps(tap, tmp) in turn, reporting checks as TAP; ends
    the apps they started. The temporary directory is kept when a check
    fails or with CROSSCHECK_E2E_KEEP=1. Returns the exit status."""
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (run under build-aux/headless.sh)")
        return 0
    for tool in tools:
        if shutil.which(tool) is None:
            print("1..0 # SKIP %s not installed" % tool)
            return 0

    tap = Tap(checks)
    tmp = tempfile.mkdtemp(prefix=prefix)
    log("temporary directory: " + tmp)
    keep = os.environ.get("CROSSCHECK_E2E_KEEP") == "1"
    try:
        for step in steps:
            step(tap, tmp)
    except StepFailed as e:
        log("FAILED: %s" % e)
        tap.abandon("not reached: %s" % e)
    except Exception as e:  # noqa: BLE001 - report anything as TAP failures
        traceback.print_exc()
        tap.abandon("not reached: %r" % e)
    finally:
        for i, a in enumerate(App.instances):
            a.kill()
            with open(os.path.join(tmp, "app%s.log" % (i + 1 if i else "")), "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in a.lines))

    if tap.failed or keep:
        log("kept %s (screenshots, saved files, app logs)" % tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if tap.failed else 0
