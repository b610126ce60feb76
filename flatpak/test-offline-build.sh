#!/usr/bin/env bash
# flatpak/test-offline-build.sh
#
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Proves that flatpak/io.github.crosscheck.Crosscheck.json builds, installs and runs, without
# downloading the GNOME runtime (which cannot be reached here):
#
#   1. debootstrap a Debian 12 tree with the build and runtime packages the app needs;
#   2. export it as a stand-in SDK and platform into a local OSTree repository, and install
#      both into a private Flatpak user installation;
#   3. build and install the app with flatpak-builder from a copy of the manifest in which
#      only the runtime and SDK names are substituted;
#   4. run it with `flatpak run` in a private X server on the sample articles installed with
#      the app, tag a word with xdotool, check through AT-SPI that the span was made, check the
#      command-line tool through `flatpak run --command=crosscheck-cli`, and save a screenshot.
#
# The Debian tree, the repository and the Flatpak installation are kept in
# $CROSSCHECK_FLATPAK_CACHE (default: $XDG_CACHE_HOME/crosscheck-flatpak), outside the
# repository, and reused by later runs: the first run takes minutes and about 3 GB, later
# ones only rebuild the app. Delete that folder to start from scratch.
# The screenshot goes to $CROSSCHECK_FLATPAK_SCREENSHOT (default: in the cache folder).
#
# Needs root or sudo the first time, to install flatpak, flatpak-builder, debootstrap and
# friends (through build-aux/install-deps.sh) and to run debootstrap.
#
# Output is TAP, so that `meson test` shows each step.

set -euo pipefail

srcdir=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
app_id=io.github.crosscheck.Crosscheck
manifest=$srcdir/flatpak/$app_id.json
cache=${CROSSCHECK_FLATPAK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck-flatpak}
screenshot=${CROSSCHECK_FLATPAK_SCREENSHOT:-$cache/flatpak-run.png}
arch=$(uname -m)
branch=50                       # the manifest's runtime-version, kept as it is
sdk_name=org.crosscheck.StandIn.Sdk
platform_name=org.crosscheck.StandIn.Platform
python=/usr/bin/python3

# Packages of the stand-in: what the GNOME SDK gives a Meson + GTK 4 + libadwaita app
# (xmllint for the resources, appstream-compose for flatpak-builder), and what the
# platform needs to show a window. dbus-x11 because debootstrap does not
# resolve virtual packages (default-dbus-session-bus).
rootfs_packages=(
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libglib2.0-dev libglib2.0-bin libpango1.0-dev
  meson ninja-build gcc libc6-dev pkg-config gettext libxml2-utils elfutils
  desktop-file-utils appstream appstream-util librsvg2-common libgl1-mesa-dri
  fonts-dejavu-core hicolor-icon-theme adwaita-icon-theme shared-mime-info
  dbus dbus-x11 ca-certificates
)

step=0
ok() { step=$((step + 1)); echo "ok $step - $*"; }
fail() {
  step=$((step + 1))
  echo "not ok $step - $*"
  exit 1
}
note() { echo "# $*"; }

if [[ ${1:-} == --run-inside ]]; then
  # ------------------------------------------------------------------------------------
  # Step 4, under build-aux/headless.sh: a private X server and D-Bus session.
  step=$2
  export FLATPAK_USER_DIR=$cache/flatpak-user
  export GDK_BACKEND=x11 LC_ALL=C.UTF-8
  unset GTK_A11Y NO_AT_BRIDGE LANGUAGE
  samples=/app/share/crosscheck/samples   # inside the sandbox: no host file is needed
  log=$cache/flatpak-run.log

  # A fresh settings store and no recovery files from an earlier run: the app's data
  # lives in ~/.var/app/APP_ID, so give the run its own HOME.
  export HOME=$cache/home XDG_RUNTIME_DIR=$cache/home/runtime
  rm -rf "$HOME"
  mkdir -p "$HOME"
  mkdir -m 700 "$XDG_RUNTIME_DIR"

  version=$(flatpak --user run --command=crosscheck-cli $app_id --version 2>&1) \
    || fail "flatpak run --command=crosscheck-cli: $version"
  [[ $version == "crosscheck-cli "* ]] || fail "crosscheck-cli --version printed “$version”"
  validate=$(flatpak --user run --command=crosscheck-cli $app_id validate \
               "$samples/sample.crosscheck.json" 2>&1) \
    || fail "crosscheck-cli validate of the installed sample: $validate"
  ok "the CLI runs in the sandbox: $version; $validate"

  # The article names from the source tree, their paths inside the sandbox.
  articles=()
  for article in "$srcdir"/data/samples/0[1-4]-*.txt; do
    articles+=("$samples/$(basename "$article")")
  done
  flatpak --user run $app_id "${articles[@]}" >"$log" 2>&1 &
  app_pid=$!
  # shellcheck disable=SC2317  # called from the EXIT trap
  stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  }
  trap stop_app EXIT

  wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Crosscheck' | head -1) \
    || { cat "$log" >&2; fail "no Crosscheck window appeared within 60 s"; }
  ok "flatpak run shows the window ($wid) on the installed sample articles"

  # Tag the first article's first word: double-click selects the word, p tags it as PERSON.
  # The AT-SPI tree tells where the word is and whether the span was made.
  "$python" - "$wid" <<'PY' || fail "tagging a word with xdotool did not make a span"
import subprocess, sys, time
import pyatspi

wid = sys.argv[1]

def find(node, test):
    if node is None:
        return None
    try:
        if test(node):
            return node
        children = list(node)
    except Exception:
        return None
    for child in children:
        hit = find(child, test)
        if hit is not None:
            return hit
    return None

def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for a in desktop:
        if a is not None and a.name in ("crosscheck", "Crosscheck"):
            return a
    return None

def title_subtitle():
    a = app()
    label = find(a, lambda n: n.getRoleName() == "label" and " span" in n.name and "article" in n.name)
    return label.name if label else None

deadline = time.time() + 60
article = None
while time.time() < deadline and article is None:
    article = find(app(), lambda n: n.getRoleName() == "text" and n.name.startswith("Article d1"))
    time.sleep(0.5)
if article is None:
    sys.exit("no article text view in the accessibility tree")
text = article.queryText()
print("# first article starts:", text.getText(0, 40).replace("\n", " "))
print("# before:", title_subtitle())

# The third character's extents, in window coordinates; the X window has the
# ~5 px margin of the client-side decorations besides.
x, y, w, h = text.getCharacterExtents(2, pyatspi.WINDOW_COORDS)
subprocess.run(["xdotool", "windowfocus", "--sync", wid], check=True)
subprocess.run(["xdotool", "mousemove", "--window", wid, str(x + w // 2 + 5), str(y + h // 2 + 5),
                "click", "--repeat", "2", "--delay", "80", "1"], check=True)
time.sleep(0.5)
subprocess.run(["xdotool", "key", "p"], check=True)

deadline = time.time() + 20
while time.time() < deadline:
    subtitle = title_subtitle()
    if subtitle and " 1 span" in subtitle:
        print("# after:", subtitle)
        sys.exit(0)
    time.sleep(0.5)
sys.exit("the window still says " + repr(title_subtitle()))
PY
  ok "a double-click and p tagged a word in the sandboxed app"

  mkdir -p "$(dirname "$screenshot")"
  import -window root "$screenshot" || fail "could not take a screenshot"
  ok "screenshot saved: $screenshot"
  echo "$step" >"$cache/.steps"
  exit 0
fi

echo "# Flatpak offline build; cache: $cache"

# --------------------------------------------------------------------------------------
# Tools.
CROSSCHECK_TEST_FLATPAK=1 "$srcdir/build-aux/install-deps.sh"
for tool in flatpak flatpak-builder debootstrap ostree bwrap eu-strip xdotool Xvfb import; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
ok "flatpak $(flatpak --version | cut -d' ' -f2), flatpak-builder, debootstrap, Xvfb and xdotool are here"

sudo=()
[[ $EUID -ne 0 ]] && sudo=(sudo)
mkdir -p "$cache"

# --------------------------------------------------------------------------------------
# 1. A Debian tree (the slow part, kept between runs; remade when the list changes).
rootfs=$cache/rootfs
wanted=$(printf '%s\n' "${rootfs_packages[@]}" | sort | tr '\n' ' ')
if [[ ! -f $rootfs/.crosscheck-complete || $(cat "$rootfs/.crosscheck-complete") != "$wanted" ]]; then
  note "debootstrap into $rootfs (minutes)"
  "${sudo[@]}" rm -rf "$rootfs"
  mirror=${CROSSCHECK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  if ! "${sudo[@]}" nice debootstrap --variant=minbase \
         --include="$(IFS=,; echo "${rootfs_packages[*]}")" \
         bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1; then
    tail -20 "$cache/debootstrap.log" >&2
    fail "debootstrap failed (log: $cache/debootstrap.log)"
  fi
  "${sudo[@]}" rm -rf "$rootfs/var/cache/apt/archives"/*.deb
  echo "$wanted" | "${sudo[@]}" tee "$rootfs/.crosscheck-complete" >/dev/null
  rm -f "$cache/runtime.stamp"
fi
ok "Debian 12 tree with GTK $(cat "$rootfs/usr/lib/$arch-linux-gnu/pkgconfig/gtk4.pc" \
      | sed -n 's/^Version: //p'), libadwaita $(sed -n 's/^Version: //p' \
      "$rootfs/usr/lib/$arch-linux-gnu/pkgconfig/libadwaita-1.pc")"

# --------------------------------------------------------------------------------------
# 2. The stand-in SDK and platform, exported to a local repository and installed.
repo=$cache/repo
export FLATPAK_USER_DIR=$cache/flatpak-user
if [[ ! -f $cache/runtime.stamp ]]; then
  note "exporting the stand-in runtime"
  rm -rf "$repo" "$FLATPAK_USER_DIR" "$cache/runtime"
  for kind in sdk platform; do
    dir=$cache/runtime/$kind
    name=$sdk_name
    [[ $kind == platform ]] && name=$platform_name
    mkdir -p "$dir/files"
    "${sudo[@]}" cp -a "$rootfs/usr/." "$dir/files/"
    "${sudo[@]}" cp -a "$rootfs/etc" "$dir/files/etc"
    "${sudo[@]}" chown -R "$(id -u):$(id -g)" "$dir"
    chmod -R u+rwX "$dir"
    cat >"$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=$platform_name/$arch/$branch
sdk=$sdk_name/$arch/$branch
EOF
    nice flatpak build-export --runtime --files=files "$repo" "$dir" "$branch" >/dev/null \
      || fail "flatpak build-export of the $kind failed"
    rm -rf "$dir"
  done
  flatpak build-update-repo "$repo" >/dev/null
  flatpak --user remote-add --if-not-exists --no-gpg-verify standin "file://$repo"
  flatpak --user install -y --noninteractive standin "$sdk_name//$branch" "$platform_name//$branch" \
    >"$cache/install-runtime.log" 2>&1 \
    || { cat "$cache/install-runtime.log" >&2; fail "installing the stand-in runtime failed"; }
  touch "$cache/runtime.stamp"
fi
flatpak --user info "$platform_name//$branch" >/dev/null || fail "the stand-in platform is not installed"
ok "stand-in runtime $platform_name//$branch and SDK installed in $FLATPAK_USER_DIR"

# --------------------------------------------------------------------------------------
# 3. The app, from the manifest with only the runtime names substituted. The copy sits
#    beside the original so that its relative source path means the same.
test_manifest=$srcdir/flatpak/.offline-test.$app_id.json
cleanup() { rm -f "$test_manifest"; }
trap cleanup EXIT
"$python" - "$manifest" "$test_manifest" "$platform_name" "$sdk_name" <<'PY'
import json, sys
source, target, platform, sdk = sys.argv[1:]
with open(source, encoding="utf-8") as f:
    manifest = json.load(f)
assert manifest["runtime"] == "org.gnome.Platform", manifest["runtime"]
assert manifest["sdk"] == "org.gnome.Sdk", manifest["sdk"]
manifest["runtime"] = platform
manifest["sdk"] = sdk
with open(target, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2)
PY
ok "manifest copied with runtime $platform_name and SDK $sdk_name, nothing else changed"

note "flatpak-builder (log: $cache/flatpak-builder.log)"
if ! LC_ALL=C.UTF-8 nice flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
       --disable-updates --state-dir="$cache/builder-state" \
       "$cache/app-build" "$test_manifest" >"$cache/flatpak-builder.log" 2>&1; then
  tail -40 "$cache/flatpak-builder.log" >&2
  fail "flatpak-builder failed (log: $cache/flatpak-builder.log)"
fi
flatpak --user info $app_id >/dev/null || fail "$app_id is not installed"
ok "flatpak-builder built and installed $app_id"

# The sandbox: exactly the four permissions of the manifest, no files, no network.
permissions=$(flatpak --user info --show-permissions $app_id)
note "${permissions//$'\n'/$'\n'# }"
grep -q '^shared=ipc;$' <<<"$permissions" || fail "the app does not share exactly ipc"
# Flatpak records --socket=fallback-x11 as x11 + fallback-x11 (x11 is dropped at run time
# when Wayland is there).
grep -q '^sockets=x11;wayland;fallback-x11;$' <<<"$permissions" \
  || fail "the app's sockets are not exactly wayland and fallback-x11"
if grep -q '^shared=.*network' <<<"$permissions"; then fail "the app has network access"; fi
grep -q '^devices=dri;$' <<<"$permissions" || fail "the app's devices are not exactly dri"
if grep -q '^filesystems=' <<<"$permissions"; then fail "the app has filesystem access"; fi
ok "installed with --share=ipc --socket=wayland --socket=fallback-x11 --device=dri only"

# Desktop integration exported by the app.
# (flatpak-builder 1.2 renames the metainfo to the older appdata name.)
exports=$FLATPAK_USER_DIR/exports/share
files=$FLATPAK_USER_DIR/app/$app_id/current/active/files/share
for file in applications/$app_id.desktop icons/hicolor/scalable/apps/$app_id.svg \
            icons/hicolor/symbolic/apps/$app_id-symbolic.svg mime/packages/$app_id.xml; do
  [[ -e $exports/$file ]] || fail "the Flatpak does not export $file"
done
[[ -e $files/metainfo/$app_id.metainfo.xml || -e $files/appdata/$app_id.appdata.xml ]] \
  || fail "the Flatpak does not install the metainfo"
ok "desktop file, metainfo, icons and MIME type are exported"

# --------------------------------------------------------------------------------------
# 4. Run it.
rm -f "$cache/.steps"
"$srcdir/build-aux/headless.sh" "$0" --run-inside "$step"
step=$(cat "$cache/.steps")
echo "1..$step"
