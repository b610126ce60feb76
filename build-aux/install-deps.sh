#!/usr/bin/env bash
# build-aux/install-deps.sh
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian packages needed to build, check and test Crosscheck.
# Quiet when nothing is missing. `--print` lists the package names only.
# `--bench` also installs what the benchmarks compare with (docs/benchmarks.md).

set -euo pipefail

packages=(
  # build
  meson
  ninja-build
  pkg-config
  gcc
  gettext
  libglib2.0-dev
  libjson-glib-dev
  libpango1.0-dev
  libgtk-4-dev
  libadwaita-1-dev
  # data validation (desktop file, AppStream metadata, GtkBuilder and MIME XML, icons)
  desktop-file-utils
  appstream
  libxml2-utils
  librsvg2-bin
  shared-mime-info
  # tests: schema checks, private X server and D-Bus, driving and reading the window
  python3
  python3-jsonschema
  xvfb
  xauth
  dbus
  dbus-x11
  xdotool
  imagemagick
  python3-gi
  gir1.2-atspi-2.0
  python3-pyatspi
  at-spi2-core
  # fonts, so text renders the same everywhere
  fonts-dejavu-core
  fonts-noto-color-emoji
  # memory checks
  valgrind
  # fuzzing: clang with libFuzzer and the sanitizer runtimes
  clang
  libclang-rt-14-dev
)

# Only for the benchmarks: the editor whose first frame is the budget, and
# xwd, which takes the screenshots that time its first frame.
bench_packages=(
  gnome-text-editor
  x11-apps
)

# The offline Flatpak build (flatpak/test-offline-build.sh) needs these only when it runs.
if [[ ${CROSSCHECK_TEST_FLATPAK:-} == 1 ]]; then
  packages+=(flatpak flatpak-builder bubblewrap debootstrap ostree elfutils)
fi

case "${1:-}" in
  "") ;;
  --print) printf '%s\n' "${packages[@]}"; exit 0 ;;
  --bench) packages+=("${bench_packages[@]}") ;;
  *) echo "usage: $0 [--print | --bench]" >&2; exit 2 ;;
esac

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $EUID -ne 0 ]]; then
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs apt-get quietly; shows its output only on failure. Waits up to 10 minutes while
# another apt or dpkg holds a lock (apt-get update would fail at once otherwise).
apt_get() {
  local try
  for try in {1..60}; do
    if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q "$@" </dev/null >"$log" 2>&1; then
      return 0
    fi
    grep -q 'Could not get lock' "$log" || break
    [[ $try -eq 1 ]] && echo "install-deps: waiting for another apt/dpkg to finish" >&2
    sleep 10
  done
  cat "$log" >&2
  echo "install-deps: apt-get $1 failed" >&2
  exit 1
}

apt_get update
apt_get install -y --no-install-recommends "${missing[@]}"
