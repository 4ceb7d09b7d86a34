#!/usr/bin/env bash
# Builds the Signoff installer for this OS with jpackage, into packaging/out/:
#   Linux:  packaging/build-installer.sh [deb|rpm]   (default deb; deb needs fakeroot + dpkg-deb, rpm needs rpm-build)
#   macOS:  packaging/build-installer.sh [dmg|pkg]   (default dmg; needs the Xcode command line tools)
# Windows uses packaging\build-installer.cmd. Builds the project with Maven first when target/ has no build yet.
# Arguments after the type go to PackageSignoff.java (e.g. --dest DIR, --verbose).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

case "$(uname -s)" in
  Darwin) default_type=dmg; allowed="dmg pkg" ;;
  Linux) default_type=deb; allowed="deb rpm" ;;
  *) echo "build-installer.sh builds Linux and macOS installers; on Windows run packaging\\build-installer.cmd" >&2; exit 2 ;;
esac
type="$default_type"
if [ $# -gt 0 ] && [[ "$1" != --* ]]; then
  type="$1"
  shift
fi
if [[ " $allowed " != *" $type "* ]]; then
  echo "On $(uname -s) the installer type is one of: $allowed (got '$type')" >&2
  exit 2
fi

# shellcheck source=packaging/ensure-build.sh
. packaging/ensure-build.sh
exec "$java_bin" packaging/PackageSignoff.java --type "$type" "$@"
