# Sourced by the packaging scripts (from the repository root): builds the project when target/ has no build
# yet and sets java_bin. Not meant to be run on its own.
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ ! -d target/lib ] || ! ls target/signoff-*.jar >/dev/null 2>&1 || [ ! -f target/classes/signoff-build.properties ]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "Signoff is not built yet and Maven is not installed: install Maven and run mvn -B -DskipTests package" >&2
    exit 1
  fi
  echo "Building Signoff with Maven…" >&2
  mvn -B -q -DskipTests package >&2
fi
