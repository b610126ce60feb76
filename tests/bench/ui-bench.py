#!/usr/bin/python3
# ui-bench.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window benchmark: the real application in a private X server (run it
# under build-aux/headless.sh), measured through CROSSCHECK_DEBUG_FRAMES,
# which makes the app print one line per drawn frame and per key press
# (src/ui/crosscheck-debug-frames.c). Measures, over several runs:
#   - launch to the first frame that shows a 5 MB article with 50,000 spans,
#     inside the app (frame clock) and from outside (screenshots);
#   - the same from outside for GNOME Text Editor on the same plain text,
#     and the ratio;
#   - a label key press to the frame that shows the new span, the key
#     pressed as a person does, after a pause with nothing drawn (and,
#     not budgeted, at once after the pointer moved);
#   - frame times while the 5 MB article scrolls, and while a column whose
#     claims have many links scrolls.
# Each program is launched once first, unmeasured, so that no run pays
# for cold libraries and fonts. Budgets are printed as met or missed; the
# exit status is 0 unless the benchmark itself could not run.

import os
import queue
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import e2e_common as E  # noqa: E402

BENCH = os.environ.get("CROSSCHECK_BENCH") or os.path.join(E.BUILDDIR, "tests", "bench", "crosscheck-bench")
RUNS = int(os.environ.get("CROSSCHECK_BENCH_RUNS", "3"))
FRAME_BUDGET_MS = 1000 / 60
PERSON_PAUSE = 0.15     # s with no frame drawn before a key, as a person types after the mouse
RENDERER = os.environ.get("CROSSCHECK_BENCH_RENDERER") or "cairo"

FRAME_RE = re.compile(r"FRAME (\d+) (\d+) (\d+) (\d+)")
KEY_RE = re.compile(r"KEY (\d+) (\d+)")
MARK_RE = re.compile(r"MARK (\d+) (\S+)")


def say(*args):
    print(*args, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Proc:
    """A program whose stderr lines are kept with the time they arrived."""

    def __init__(self, args, env):
        self.lines = []
        self.queue = queue.Queue()
        self.proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, encoding="utf-8", errors="replace")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            line = line.rstrip("\n")
            self.lines.append(line)
            self.queue.put(line)
        self.queue.put(None)

    def wait(self, pattern, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise E.StepFailed("no %r within %d s" % (pattern, timeout))
            try:
                line = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise E.StepFailed("the program ended (status %s) before %r" % (self.proc.wait(), pattern))
            m = re.fullmatch(pattern, line)
            if m:
                return m

    def drain(self):
        while True:
            try:
                if self.queue.get_nowait() is None:
                    return
            except queue.Empty:
                return

    def frames(self, since):
        """(begin, end) of every frame that began after since, in s."""
        out = []
        for line in list(self.lines):
            m = FRAME_RE.fullmatch(line)
            if m:
                begin, end = int(m.group(1)) / 1e6, int(m.group(2)) / 1e6
                if begin >= since:
                    out.append((begin, end))
        return out

    def settle(self, quiet=1.0, timeout=60):
        """Waits until the program has printed nothing for quiet seconds, so
        that the frames of queued input are all drawn (and counted)."""
        deadline = time.monotonic() + timeout
        n = len(self.lines)
        last = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - last < quiet:
            time.sleep(0.05)
            if len(self.lines) != n:
                n = len(self.lines)
                last = time.monotonic()

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def env_for(tmp, name, locate=()):
    """A fresh home for each launch: no recovery offer, no session restored."""
    env = E.app_env(os.path.join(tmp, name), locate)
    # Both programs draw with the same renderer. Xvfb has no GPU, so GTK's
    # default (gl) would run on llvmpipe and measure software rasterising
    # on shared cores more than either program: cairo is the default here,
    # CROSSCHECK_BENCH_RENDERER=gl measures the other.
    env["GSK_RENDERER"] = RENDERER
    return env


# ---------------------------------------------------------------------------
# Looking from outside: screenshots until the text is there

def dark_share(wid):
    """The share of dark pixels in the middle of the window, where text goes,
    from an xwd dump (fast enough to poll every few tens of ms)."""
    r = subprocess.run(["xwd", "-silent", "-id", wid], capture_output=True, timeout=20)
    data = r.stdout
    if r.returncode != 0 or len(data) < 100:
        return 0.0
    h = struct.unpack(">25I", data[:100])
    header_size, width, height = h[0], h[4], h[5]
    bits_per_pixel, bytes_per_line, ncolors, byte_order = h[11], h[12], h[19], h[7]
    if bits_per_pixel != 32:
        return 0.0
    pixels = header_size + 12 * ncolors
    dark = total = 0
    # Sample every 3rd pixel of every 3rd row in the middle of the window.
    for y in range(height // 4, height * 3 // 4, 3):
        row = pixels + y * bytes_per_line
        for x in range(width // 10, width // 2, 3):
            i = row + 4 * x
            if byte_order == 0:
                b, g, red = data[i], data[i + 1], data[i + 2]
            else:
                red, g, b = data[i + 1], data[i + 2], data[i + 3]
            total += 1
            dark += (red + g + b) < 3 * 128
    return dark / total if total else 0.0


def first_text_seen(proc, t0, find_args, log_path, done=lambda: True, timeout=90):
    """Seconds from t0 until a screenshot of the window looks like its
    settled state (its share of dark pixels within 20 % of the final one;
    a window not drawn yet is all black, an empty one nearly white): the
    midpoint between the last screenshot that did not and the first that
    did, each timed when it started. The state counts as settled once
    done() and 2 s without change."""
    polls = []
    wid = None
    deadline = t0 + timeout
    stable_since = None
    while time.monotonic() < deadline:
        if proc.proc.poll() is not None:
            raise E.StepFailed("the program ended (status %s)" % proc.proc.poll())
        if wid is None:
            r = subprocess.run(["xdotool", "search", "--onlyvisible"] + find_args,
                               capture_output=True, text=True)
            ids = r.stdout.split()
            if ids:
                wid = ids[-1]
            else:
                polls.append((time.monotonic(), 0.0))
                time.sleep(0.01)
                continue
        start = time.monotonic()
        share = dark_share(wid)
        polls.append((start, share))
        if 0.005 < share < 0.5 and abs(share - polls[-2][1]) <= 0.05 * share and done():
            stable_since = stable_since or start
            if start - stable_since >= 2:
                break
        else:
            stable_since = None
    with open(log_path, "w") as f:
        f.write("".join("%.3f %.4f\n" % (start - t0, share) for start, share in polls))
    final = polls[-1][1]
    if final <= 0.005:
        raise E.StepFailed("no text ever appeared in the window")
    for i, (start, share) in enumerate(polls):
        if abs(share - final) <= 0.2 * final:
            before = polls[i - 1][0] if i > 0 else t0
            return wid, ((before + start) / 2 - t0), (start - before) / 2
    raise E.StepFailed("unreachable")


# ---------------------------------------------------------------------------

def stats(values):
    values = sorted(values)
    if not values:
        return float("nan"), float("nan"), float("nan")
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return statistics.median(values), p95, values[-1]


def verdict(ok):
    return "met" if ok else "MISSED"


def phrases_from(text_path, n):
    """n three-word phrases from the start of the article, each found first
    where it is (strstr in the app finds the first occurrence)."""
    with open(text_path, encoding="utf-8") as f:
        head = f.read(4000)
    words = head.split()
    out = []
    for i in range(0, len(words) - 3, 7):
        phrase = " ".join(w.strip(".") for w in words[i:i + 3])
        if phrase in head and phrase not in out:
            out.append(phrase)
        if len(out) == n:
            break
    return out


def scroll_frames(app, win, loc, *xdotool):
    """Frame times (ms) while xdotool scrolls the article under loc."""
    win.focus()
    # A click first: without it the wheel does not reach a window that has
    # had no pointer event yet.
    E.xdo("mousemove", "--window", win.wid, loc[0] + 150, loc[1] + 100, "click", "1")
    time.sleep(0.5)
    begin = time.monotonic()
    E.xdo(*xdotool, timeout=60)
    app.settle()
    return [(e - b) * 1e3 for b, e in app.frames(begin)]


def crosscheck_run(tmp, project, text_path, results, run):
    phrases = phrases_from(text_path, 10)
    env = env_for(tmp, "crosscheck-%d" % run, ["d1:" + p for p in phrases])
    env["CROSSCHECK_DEBUG_FRAMES"] = "1"
    t0 = time.monotonic()
    app = Proc([E.APP, project], env)
    try:
        wid, outside, error = first_text_seen(app, t0, ["--pid", str(app.proc.pid), "--name", "^Crosscheck"],
                                             os.path.join(tmp, "crosscheck-%d.polls" % run),
                                             lambda: any(FRAME_RE.fullmatch(l) and l.split()[3] != "0"
                                                         for l in list(app.lines)))
        m = app.wait(r"FRAME (\d+) (\d+) [1-9]\d* (\d+)", 120)
        inside = int(m.group(2)) / 1e6 - t0
        results["cc_inside"].append(inside)
        results["cc_outside"].append(outside)
        say("run %d: Crosscheck first frame with the article %.3f s (frame clock), "
            "%.3f s ± %.3f from screenshots" % (run, inside, outside, error))
        # Where the time went: the app's MARK lines, from launch.
        marks = [MARK_RE.fullmatch(l) for l in list(app.lines)]
        say("  " + ", ".join("%s %.3f" % (m.group(2), int(m.group(1)) / 1e6 - t0) for m in marks if m)
            + ", frame %.3f s" % inside)

        app.wait(r"READY", 120)
        locs = [tuple(map(int, l.split()[2:])) for l in app.lines if l.startswith("LOCATE ")]
        if len(locs) < 2:
            raise E.StepFailed("the app located %d phrases of %r" % (len(locs), phrases))
        win = E.Window(app, wid, tmp)

        # A label key on a fresh selection: from the key to the frame with the span.
        # A person lets go of the mouse and then reaches for the key: the first
        # half of the phrases gets its key once the window has drawn nothing for
        # PERSON_PAUSE s (the budgeted figure). The second half gets it at once
        # after the pointer has moved away, while the window may still be drawing
        # the hover: then the frame clock holds the key's frame until its next
        # tick, up to one frame later (printed, not budgeted).
        for i, (x0, y0, x1, y1) in enumerate(locs):
            paused = i < (len(locs) + 1) // 2
            win.drag(x0, y0, x1, y1)
            if paused:
                app.settle(quiet=PERSON_PAUSE, timeout=10)
            n_before = int(FRAME_RE.fullmatch([l for l in app.lines if l.startswith("FRAME ")][-1]).group(4))
            app.drain()
            sent = time.monotonic()
            E.xdo("key", "e")
            key = app.wait(KEY_RE.pattern, 10)
            while True:
                f = app.wait(FRAME_RE.pattern, 10)
                if int(f.group(4)) > n_before:
                    break
            latency = (int(f.group(2)) - int(key.group(1))) / 1e3
            results["key" if paused else "key_busy"].append(latency)
            if paused:
                results["key_outside"].append((int(f.group(2)) / 1e6 - sent) * 1e3)
            time.sleep(0.3)

        # Scrolling the article with the mouse wheel, then by pages.
        results["scroll"] += scroll_frames(app, win, locs[0], "click", "--repeat", "120", "--delay", "15", "5")
        results["pages"] += scroll_frames(app, win, locs[0], "key", "--delay", "40", *(["Page_Down"] * 40))
    finally:
        app.stop()
        with open(os.path.join(tmp, "crosscheck-%d.log" % run), "w", encoding="utf-8") as f:
            f.write("\n".join(app.lines) + "\n")


def links_run(tmp, project, results, run):
    env = env_for(tmp, "links-%d" % run, ["d1:" + "the", "d2:" + "the"])
    env["CROSSCHECK_DEBUG_FRAMES"] = "1"
    app = Proc([E.APP, project], env)
    try:
        app.wait(r"READY", 120)
        locs = [tuple(map(int, l.split()[2:])) for l in app.lines if l.startswith("LOCATE ")]
        win = E.Window(app, E.find_window(app), tmp)
        results["links"] += scroll_frames(app, win, locs[0], "click", "--repeat", "120", "--delay", "15", "5")
        results["links"] += scroll_frames(app, win, locs[0], "key", "--delay", "40", *(["Page_Down"] * 40))
        shot = os.path.join(tmp, "links-%d.png" % run)
        subprocess.run(["import", "-silent", "-window", "root", shot])
    finally:
        app.stop()
        with open(os.path.join(tmp, "links-%d.log" % run), "w", encoding="utf-8") as f:
            f.write("\n".join(app.lines) + "\n")


def editor_run(tmp, text_path, results, run):
    editor = shutil.which("gnome-text-editor")
    env = env_for(tmp, "gte-%d" % run)
    env.pop("GSETTINGS_SCHEMA_DIR", None)
    t0 = time.monotonic()
    proc = Proc([editor, "--standalone", text_path], env)
    try:
        wid, outside, error = first_text_seen(proc, t0, ["--pid", str(proc.proc.pid)],
                                             os.path.join(tmp, "gte-%d.polls" % run))
        results["gte_outside"].append(outside)
        say("run %d: GNOME Text Editor first frame with the text %.3f s ± %.3f from screenshots"
            % (run, outside, error))
        subprocess.run(["import", "-silent", "-window", "root", os.path.join(tmp, "gte-%d.png" % run)])
    finally:
        proc.stop()
        with open(os.path.join(tmp, "gte-%d.log" % run), "w", encoding="utf-8") as f:
            f.write("\n".join(proc.lines) + "\n")


def warm_up(tmp, project, text_path, have_editor):
    """One launch of each program, not measured. The first launch after a
    build, or after other work on the machine, finds libraries and fonts
    cold (a launch took 1.04 s against 0.27-0.46 s for the next ones), and
    whichever program went first in run 1 paid that for both."""
    env = env_for(tmp, "warm-crosscheck")
    env["CROSSCHECK_DEBUG_FRAMES"] = "1"
    app = Proc([E.APP, project], env)
    try:
        app.wait(r"FRAME (\d+) (\d+) [1-9]\d* (\d+)", 120)
    finally:
        app.stop()
    if have_editor:
        env = env_for(tmp, "warm-gte")
        env.pop("GSETTINGS_SCHEMA_DIR", None)
        proc = Proc([shutil.which("gnome-text-editor"), "--standalone", text_path], env)
        try:
            first_text_seen(proc, time.monotonic(), ["--pid", str(proc.proc.pid)],
                            os.path.join(tmp, "warm-gte.polls"))
        finally:
            proc.stop()


def main():
    if not os.environ.get("DISPLAY"):
        say("ui-bench: no display; run it under build-aux/headless.sh")
        return 77
    for tool in ("xdotool", "import"):
        if shutil.which(tool) is None:
            say("ui-bench: %s is not installed (build-aux/install-deps.sh)" % tool)
            return 77
    have_editor = shutil.which("gnome-text-editor") is not None

    tmp = tempfile.mkdtemp(prefix="crosscheck-ui-bench-")
    keep = os.environ.get("CROSSCHECK_E2E_KEEP") == "1"
    big = os.path.join(tmp, "big.crosscheck.json")
    text = os.path.join(tmp, "big.txt")
    links = os.path.join(tmp, "links.crosscheck.json")
    subprocess.run([BENCH, "generate", "--documents", "1", "--megabytes", "5", "--spans", "50000",
                    "--links", "0", big, text], check=True)
    subprocess.run([BENCH, "generate", "--documents", "2", "--megabytes", "2", "--spans", "20000",
                    "--links", "10000", links], check=True)

    say("UI benchmark: %d runs, display %s, renderer %s, load average %s"
        % (RUNS, os.environ.get("DISPLAY"), RENDERER,
           loadavg()))
    say("article: 5.0 MB, one document, 50,000 spans; links: 2 × 1 MB, 20,000 spans, 10,000 links\n")

    results = {k: [] for k in ("cc_inside", "cc_outside", "gte_outside", "key", "key_outside", "key_busy",
                               "scroll", "pages", "links")}
    status = 0
    try:
        warm_up(tmp, big, text, have_editor)
        for run in range(1, RUNS + 1):
            # Alternate which program goes first, so that neither always
            # finds the file cache warm.
            if have_editor and run % 2 == 0:
                editor_run(tmp, text, results, run)
            crosscheck_run(tmp, big, text, results, run)
            if have_editor and run % 2 == 1:
                editor_run(tmp, text, results, run)
            links_run(tmp, links, results, run)
    except E.StepFailed as e:
        say("ui-bench: FAILED: %s (logs kept in %s)" % (e, tmp))
        keep = True
        status = 1

    say("\nload average at the end: %s" % loadavg())
    say("\nresults (medians over runs; frame times are before-paint to after-paint):")
    cc_in = statistics.median(results["cc_inside"]) if results["cc_inside"] else float("nan")
    cc_out = statistics.median(results["cc_outside"]) if results["cc_outside"] else float("nan")
    say("  launch → first frame of the 5 MB / 50,000-span project: %.3f s (frame clock), "
        "%.3f s (screenshots)" % (cc_in, cc_out))
    if results["gte_outside"]:
        gte = statistics.median(results["gte_outside"])
        ratio = cc_out / gte
        say("  GNOME Text Editor, same plain 5 MB text:             %.3f s (screenshots)" % gte)
        say("  ratio Crosscheck / GNOME Text Editor: %.2f   budget ≤ 1.00: %s" % (ratio, verdict(ratio <= 1.0)))
    else:
        say("  GNOME Text Editor is not installed: no ratio "
            "(./build-aux/dev.sh bench installs it)")
    med, p95, mx = stats(results["key"])
    say("  label key (after a %.2f s pause) → frame with the new highlight: median %.1f ms, p95 %.1f ms, "
        "max %.1f ms (%d keys)   budget ≤ %.1f ms: %s"
        % (PERSON_PAUSE, med, p95, mx, len(results["key"]), FRAME_BUDGET_MS, verdict(mx <= FRAME_BUDGET_MS)))
    med2, _, mx2 = stats(results["key_outside"])
    say("    (from before xdotool sends the key, which adds its own start-up: median %.1f ms, max %.1f ms)"
        % (med2, mx2))
    med3, _, mx3 = stats(results["key_busy"])
    say("    (a key sent at once after the pointer moved, while the window may still be drawing: "
        "median %.1f ms, max %.1f ms, %d keys; not budgeted, see docs/benchmarks.md)"
        % (med3, mx3, len(results["key_busy"])))
    for name, key in (("scrolling the 5 MB article (wheel)", "scroll"),
                      ("scrolling the 5 MB article (Page Down)", "pages"),
                      ("scrolling a column with many links", "links")):
        med, p95, mx = stats(results[key])
        say("  frame time %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d frames)   budget p95 ≤ %.1f ms: %s"
            % (name, med, p95, mx, len(results[key]), FRAME_BUDGET_MS, verdict(p95 <= FRAME_BUDGET_MS)))

    if keep:
        say("kept %s" % tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
