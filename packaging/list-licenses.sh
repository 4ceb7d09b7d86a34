#!/usr/bin/env bash
# Regenerates src/main/resources/io/signoff/ui/about/third-party-licenses.json (the About dialog's library list)
# from the runtime dependencies Maven resolves and their poms in the local Maven repository.
# Run it after adding or upgrading a dependency; ThirdPartyLicensesTest fails until you do.
# Needs Maven and a JDK 17+; works offline once the dependencies are in ~/.m2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="src/main/resources/io/signoff/ui/about/third-party-licenses.json"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT

mvn -B -q -Dstyle.color=never dependency:list -DincludeScope=runtime -DoutputFile="$list" ${MAVEN_ARGS:-}
mkdir -p "$(dirname "$out")"
"$java_bin" packaging/ListLicenses.java "$list" "$out"
