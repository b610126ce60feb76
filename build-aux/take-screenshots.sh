#!/usr/bin/env bash
# build-aux/take-screenshots.sh
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots in data/screenshots/ (for the README and the
# AppStream metadata) from the real application: builds it, starts a private
# Xvfb (1400x900), opens a copy of data/samples/sample.crosscheck.json,
# selects the first annotation of the first article with "]" so that its
# outline shows, and captures the window only (not the screen) with
# ImageMagick:
#   window-light.png   light style, default size (1200x800)
#   window-dark.png    dark style (GSettings style-variant 'dark')
#   window-narrow.png  light style, window resized to 700x700
#   window-links.png   light style, 1400x900 without the sidebar (F9), so
#                      that all four articles and the sample's links between
#                      them show; "]" twice selects the first claim, whose
#                      link is emphasised
# Settings are never read from or written to your own configuration: the
# light runs use the memory GSettings backend, the dark run a keyfile in a
# temporary XDG_CONFIG_HOME.
#
# Usage: build-aux/take-screenshots.sh [BUILDDIR]   (default: _build)
# Needs: ninja, Xvfb, dbus-run-session, xdotool, ImageMagick (import, convert).

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=$(cd "${1:-$srcdir/_build}" && pwd)
outdir="$srcdir/data/screenshots"
app="$builddir/src/ui/crosscheck"
sample="$srcdir/data/samples/sample.crosscheck.json"
max_bytes=300000

for tool in ninja Xvfb dbus-run-session xdotool import convert identify; do
  if ! command -v "$tool" >/dev/null; then
    echo "take-screenshots.sh: $tool is needed (build-aux/install-deps.sh)" >&2
    exit 1
  fi
done

# A private X server (1400x900) and D-Bus session, from the same wrapper the
# tests use: the script runs itself again inside it.
if [[ -z ${CROSSCHECK_SCREENSHOTS_INNER:-} ]]; then
  export CROSSCHECK_SCREENSHOTS_INNER=1 CROSSCHECK_XVFB_SCREEN=1400x900x24
  exec "$srcdir/build-aux/headless.sh" "$srcdir/build-aux/take-screenshots.sh" "$builddir"
fi

ninja -C "$builddir"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-screenshots.XXXXXX")
app_pid=
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -- "-$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmpdir"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

export GSETTINGS_SCHEMA_DIR="$builddir/data" GSK_RENDERER=cairo GTK_A11Y=none \
  NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 LC_ALL=C.UTF-8 LANGUAGE=
unset GTK_THEME ADW_DEBUG_COLOR_SCHEME

# The mean brightness of an image, 0 (black) to 1 (white).
brightness() {
  convert "$1" -colorspace Gray -format '%[fx:mean]' info:
}

# The keys pressed in the window before a shot (xdotool key names).
shot_keys=(bracketright)

# shoot NAME STYLE [WIDTHxHEIGHT] [extra environment assignments...]
# STYLE is light or dark; prints nothing, writes $outdir/NAME.png.
shoot() {
  local name=$1 style=$2 size=${3:-} run="$tmpdir/$1"
  shift 3
  mkdir -p "$run/home" "$run/config" "$run/data" "$run/cache" "$run/state"
  cp "$sample" "$run/sample.crosscheck.json"

  local -a env=(HOME="$run/home" XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data"
                XDG_CACHE_HOME="$run/cache" XDG_STATE_HOME="$run/state"
                CROSSCHECK_DEBUG_LOCATE="d1:Aurélie Dumont-Okafor")
  if [[ $style == dark ]]; then
    # The memory backend cannot be preset from outside; a keyfile can.
    mkdir -p "$run/config/glib-2.0/settings"
    printf '[io/github/crosscheck/Crosscheck]\nstyle-variant=%s\n' "'dark'" \
      >"$run/config/glib-2.0/settings/keyfile"
    env+=(GSETTINGS_BACKEND=keyfile)
  else
    env+=(GSETTINGS_BACKEND=memory)
  fi
  env+=("$@")

  echo "== $name ($style${size:+, $size})"
  # Its own process group, so that a hung app can be ended with its bus.
  setsid env "${env[@]}" dbus-run-session -- "$app" "$run/sample.crosscheck.json" \
    >"$run/app.log" 2>&1 </dev/null &
  app_pid=$!

  local i
  for ((i = 0; i < 600; i++)); do
    grep -qx READY "$run/app.log" && break
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "take-screenshots.sh: the app ended before it was ready:" >&2
      cat "$run/app.log" >&2
      return 1
    fi
    sleep 0.1
  done
  if ! grep -qx READY "$run/app.log"; then
    echo "take-screenshots.sh: the app did not print READY within 60 s:" >&2
    cat "$run/app.log" >&2
    return 1
  fi

  local wid
  wid=$(timeout 30 xdotool search --sync --onlyvisible --name '^Crosscheck' | head -n 1)
  if [[ -z $wid ]]; then
    echo "take-screenshots.sh: no Crosscheck window" >&2
    return 1
  fi

  timeout 10 xdotool windowfocus --sync "$wid" || xdotool windowfocus "$wid"
  # The first article has the focus: "]" (shot_keys) selects its first annotation.
  xdotool key --delay 50 "${shot_keys[@]}"
  if [[ -n $size ]]; then
    xdotool windowsize "$wid" "${size%x*}" "${size#*x}"
    for ((i = 0; i < 100; i++)); do
      [[ $(xdotool getwindowgeometry "$wid" | awk '/Geometry/ {print $2}') == "$size" ]] && break
      sleep 0.1
    done
  fi
  # Keep the pointer off the window (no hover, no tooltip) and let it redraw.
  xdotool mousemove 1399 899
  sleep 1

  import -window "$wid" "$run/shot.png"
  convert "$run/shot.png" -strip "$outdir/$name.png"
  if (($(stat -c %s "$outdir/$name.png") > max_bytes)); then
    convert "$run/shot.png" -strip -resize 75% "$outdir/$name.png"
  fi

  # Nothing was changed, so Ctrl+Q quits without asking.
  timeout 10 xdotool windowfocus --sync "$wid" || true
  xdotool key --delay 50 ctrl+q
  for ((i = 0; i < 200; i++)); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    echo "take-screenshots.sh: the app did not quit; ending it" >&2
    kill -- "-$app_pid" 2>/dev/null || true
  fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=

  if grep -E -- '-(WARNING|CRITICAL) \*\*' "$run/app.log" >&2; then
    echo "take-screenshots.sh: the app printed warnings (above)" >&2
  fi

  local mean
  mean=$(brightness "$outdir/$name.png")
  echo "   $outdir/$name.png: $(identify -format '%wx%h' "$outdir/$name.png"), $(stat -c %s "$outdir/$name.png") bytes, brightness $mean"
  # A dark window is mostly dark, a light one mostly light.
  if [[ $style == dark ]] && awk "BEGIN { exit !($mean > 0.5) }"; then
    return 2
  fi
  if [[ $style == light ]] && awk "BEGIN { exit !($mean < 0.5) }"; then
    echo "take-screenshots.sh: $name.png is not light (brightness $mean)" >&2
    return 1
  fi
  return 0
}

mkdir -p "$outdir"
shoot window-light light ""
status=0
shoot window-dark dark "" || status=$?
if ((status == 2)); then
  # libadwaita's own override, should the keyfile not be read.
  echo "take-screenshots.sh: the keyfile did not make the style dark; trying ADW_DEBUG_COLOR_SCHEME" >&2
  status=0
  shoot window-dark dark "" ADW_DEBUG_COLOR_SCHEME=prefer-dark || status=$?
fi
if ((status != 0)); then
  echo "take-screenshots.sh: could not take a dark screenshot" >&2
  exit 1
fi
shoot window-narrow light 700x700
shot_keys=(F9 bracketright bracketright)
shoot window-links light 1400x900
shot_keys=(bracketright)
