#!/usr/bin/env bash
# build-aux/headless.sh
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Test wrapper (Meson exe_wrapper): runs PROGRAM ARGS... on a private Xvfb and D-Bus session.
# Xvfb picks a free display itself (-displayfd), so tests can run in parallel.
# CROSSCHECK_XVFB_SCREEN sets the screen (default 1280x1024x24).

set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 PROGRAM [ARGS...]" >&2
  exit 2
fi
if ! command -v Xvfb >/dev/null; then
  echo "1..0 # SKIP no display (Xvfb not installed)"
  exit 0
fi
if ! command -v dbus-run-session >/dev/null; then
  echo "1..0 # SKIP no D-Bus session (dbus-run-session not installed)"
  exit 0
fi

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/headless.XXXXXX")
xvfb_pid=
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -n $xvfb_pid ]]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmpdir"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# Xvfb writes the display number it picked to fd 3 once it accepts connections.
# -noreset: by default an X server resets when its last client leaves, and
# a program starting in that moment could not open the display (the window
# benchmark starts one program as soon as the last has ended).
mkfifo "$tmpdir/displayfd"
Xvfb -displayfd 3 -screen 0 "${CROSSCHECK_XVFB_SCREEN:-1280x1024x24}" -nolisten tcp -noreset \
  3>"$tmpdir/displayfd" </dev/null >"$tmpdir/xvfb.log" 2>&1 &
xvfb_pid=$!
display=
read -r -t 30 display <"$tmpdir/displayfd" || true
if [[ ! $display =~ ^[0-9]+$ ]]; then
  echo "headless.sh: Xvfb did not start:" >&2
  cat "$tmpdir/xvfb.log" >&2
  exit 1
fi

export DISPLAY=":$display" GDK_BACKEND=x11
unset WAYLAND_DISPLAY

# Services the session bus starts (the accessibility bus and its registry
# among them) write to the bus's stdout: send that to stderr, so that only
# the test itself writes to stdout, which is its TAP stream.
status=0
exec 3>&1
dbus-run-session -- bash -c 'exec "$@" >&3 3>&-' headless "$@" >&2 || status=$?
exit "$status"
