#!/usr/bin/env bash
# Builds the Signoff app image for this OS with jpackage: packaging/out/Signoff/ (Signoff.app on macOS), a
# self-contained folder with a trimmed Java runtime; start it with packaging/out/Signoff/bin/Signoff.
# Builds the project with Maven first when target/ has no build yet. Needs a JDK 17+ (jlink, jpackage).
# Extra arguments go to PackageSignoff.java (e.g. --dest DIR, --verbose).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=packaging/ensure-build.sh
. packaging/ensure-build.sh
exec "$java_bin" packaging/PackageSignoff.java --type app-image "$@"
