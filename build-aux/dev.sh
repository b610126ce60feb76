#!/usr/bin/env bash
# build-aux/dev.sh
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Developer entry point: installs what is missing, builds, then opens the app or runs the tests.
#   ./build-aux/dev.sh open              build and open the sample articles in the window
#   ./build-aux/dev.sh test [ARGS]       build and run `meson test` (ARGS go to meson test);
#                                        without ARGS, then run each fuzz target briefly
#                                        (the fuzz suite, in BUILDDIR-fuzz, built with clang)
#   ./build-aux/dev.sh sanitize [ARGS]   the unit and UI suites in BUILDDIR-sanitize, built
#                                        with AddressSanitizer and UndefinedBehaviorSanitizer
#   ./build-aux/dev.sh bench [ARGS]      also install the benchmarks' packages, build BUILDDIR-release
#                                        optimized as the Flatpak is, run the benchmarks there
#                                        (docs/benchmarks.md; ARGS go to meson test)
# With CROSSCHECK_TEST_FLATPAK=1, `test` also builds, installs and runs the Flatpak offline
# (flatpak/test-offline-build.sh, minutes; installs flatpak-builder and debootstrap first).
# The build directory is $CROSSCHECK_BUILDDIR (default: _build, in the repository root).

set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
builddir=${CROSSCHECK_BUILDDIR:-_build}

usage() {
  echo "usage: $0 open | test [MESON-TEST-ARGS...] | sanitize [MESON-TEST-ARGS...] | bench [MESON-TEST-ARGS...]" >&2
  exit 2
}

# setup DIR [MESON-SETUP-ARGS...]: configures DIR unless it is configured already.
setup() {
  local dir=$1
  shift
  if [[ ! -f $dir/build.ninja ]]; then
    if [[ -f $dir/meson-private/coredata.dat ]]; then
      meson setup --reconfigure "$dir" "$@"   # an earlier setup stopped half-way
    else
      meson setup "$dir" "$@"
    fi
  fi
}

build() {
  ./build-aux/install-deps.sh
  setup "$builddir"
  meson compile -C "$builddir"
}

[[ $# -ge 1 ]] || usage
command=$1
shift

case $command in
  open)
    [[ $# -eq 0 ]] || usage
    build
    # Run uninstalled: the settings schema and the samples come from the tree.
    export GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
    export CROSSCHECK_SAMPLES_DIR="$PWD/data/samples"
    exec "$builddir/src/ui/crosscheck" data/samples/0*.txt
    ;;
  test)
    build
    status=0
    setup=()
    [[ ${CROSSCHECK_TEST_FLATPAK:-} == 1 ]] && setup=(--setup flatpak)
    meson test -C "$builddir" --print-errorlogs "${setup[@]}" "$@" || status=$?
    # Each fuzz target for a few seconds (tests/fuzz/meson.build), with clang.
    if [[ $# -eq 0 ]]; then
      if command -v clang >/dev/null; then
        CC=clang setup "$builddir-fuzz" -Dfuzzing=true
        meson test -C "$builddir-fuzz" --suite fuzz --print-errorlogs || status=$?
      else
        echo "dev.sh: clang is missing, so the fuzz targets did not run" >&2
      fi
    fi
    exit "$status"
    ;;
  sanitize)
    ./build-aux/install-deps.sh
    setup "$builddir-sanitize" -Db_sanitize=address,undefined
    meson compile -C "$builddir-sanitize"
    # Slower under the sanitizers: the UI tests get three times their time.
    exec meson test -C "$builddir-sanitize" --suite unit --suite ui --timeout-multiplier 3 \
      --print-errorlogs "$@"
    ;;
  bench)
    ./build-aux/install-deps.sh --bench
    # Measured as users get it: the Flatpak manifest builds with
    # --buildtype=release, so the figures come from such a build, not from
    # the unoptimized one the tests use.
    setup "$builddir-release" --buildtype=release
    meson compile -C "$builddir-release"
    # Benchmarks run one at a time; --verbose shows their figures as they come.
    exec meson test -C "$builddir-release" --benchmark --verbose "$@"
    ;;
  *)
    usage
    ;;
esac
