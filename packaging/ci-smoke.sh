#!/usr/bin/env bash
# CI smoke test of the packaged app: builds the Linux app image, starts it headless and checks its size.
#   1. packaging/build-app-image.sh (builds with Maven first if target/ has no build)
#   2. <image>/bin/Signoff --version must exit 0 and name the version
#   3. xvfb-run -a <image>/bin/Signoff --screenshot <tmp>/shot.png --view users must write a non-empty PNG
#   4. the image must stay within SIGNOFF_MAX_IMAGE_MB (default 120) MB
# Needs: a JDK 17+, Maven (first build only), xvfb + xauth (apt-get install -y xvfb xauth).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

max_mb="${SIGNOFF_MAX_IMAGE_MB:-120}"
image="packaging/out/Signoff"
launcher="$image/bin/Signoff"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "ci-smoke: FAIL: $*" >&2; exit 1; }

command -v xvfb-run >/dev/null 2>&1 || fail "xvfb-run is missing (apt-get install -y xvfb xauth)"

echo "ci-smoke: building the app image"
packaging/build-app-image.sh
[ -x "$launcher" ] || fail "$launcher was not built"

version="$(grep '^version=' target/classes/signoff-build.properties | cut -d= -f2)"
echo "ci-smoke: $launcher --version"
# A fresh HOME: the packaged app must not depend on anything a developer's home directory happens to hold.
export HOME="$work/home"
mkdir -p "$HOME"
out="$("$launcher" --version)" || fail "--version exited with $?"
echo "$out"
grep -q "Signoff $version" <<<"$out" || fail "--version does not print 'Signoff $version'"

echo "ci-smoke: $launcher --screenshot (under Xvfb)"
shot="$work/shot.png"
timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" "$launcher" --screenshot "$shot" --view users \
  || fail "--screenshot exited with $?"
[ -s "$shot" ] || fail "no screenshot at $shot (or it is empty)"
head -c 8 "$shot" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "$shot is not a PNG"
echo "ci-smoke: screenshot $(wc -c <"$shot") bytes"

size_mb="$(du -sm "$image" | cut -f1)"
echo "ci-smoke: app image $image is $size_mb MB (limit $max_mb MB)"
[ "$size_mb" -le "$max_mb" ] || fail "the app image is $size_mb MB, over the $max_mb MB limit"

echo "ci-smoke: OK"
