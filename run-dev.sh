#!/usr/bin/env bash
# Builds the platform and runs it locally: embedded PostgreSQL, tenant-service, platform-gateway and
# the demo cities (see infra/dev-launcher). Arguments go to the launcher: ./run-dev.sh --help.
# RUN_DEV_SKIP_BUILD=1 skips the build. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

is_jdk_21_plus() {
  local home=${1:-} major
  [ -n "$home" ] && [ -x "$home/bin/javac" ] && [ -r "$home/release" ] || return 1
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

if ! is_jdk_21_plus "${JAVA_HOME:-}"; then
  if is_jdk_21_plus /usr/lib/jvm/temurin-25-jdk-amd64; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  else
    echo "run-dev.sh needs a JDK 21 or newer: point JAVA_HOME at one" >&2
    exit 1
  fi
fi
export PATH="$JAVA_HOME/bin:$PATH"

if [ "${RUN_DEV_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q install -DskipTests
fi
# exec: the launcher gets Ctrl-C itself and stops the services before PostgreSQL
exec "$JAVA_HOME/bin/java" -jar infra/dev-launcher/target/dev-launcher.jar "$@"
