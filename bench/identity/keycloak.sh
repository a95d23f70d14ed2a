# Shared by bench/identity/*.sh: a throw-away Keycloak (infra/keycloak's KeycloakMain, fresh data,
# realm selfdata imported) and admin REST calls with curl. Source it; needs curl and python3.
# shellcheck shell=bash

IDENTITY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$IDENTITY_DIR/../.." && pwd)
RESULTS=${RESULTS:-$REPO_ROOT/bench/results/identity}
mkdir -p "$RESULTS"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
KC_PORT=${KC_PORT:-38180}
KC_URL="http://localhost:$KC_PORT"
KC_ADMIN_PASSWORD=${KC_ADMIN_PASSWORD:-bench-$(date +%s%N | sha256sum | cut -c1-16)}
STARTED_PIDS=()

die() { echo "$*" >&2; exit 1; }
stop_started() { # only the processes this script started, by pid
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
}
trap stop_started EXIT

wait_for_200() { # $1 url, $2 seconds
  local deadline=$((SECONDS + $2))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || die "$1 did not answer 200 within $2 s"
    sleep 0.3
  done
}

# Starts Keycloak on $KC_PORT with a fresh database in $RESULTS/keycloak-$KC_PORT (JVM stopped on exit).
start_keycloak() {
  local jar
  jar=$(ls "$REPO_ROOT"/infra/keycloak/target/keycloak-*.jar 2> /dev/null | head -1)
  [ -n "$jar" ] || die "build infra/keycloak first: ./mvnw -pl infra/keycloak -am install -DskipTests"
  echo "starting Keycloak on $KC_PORT (log: $RESULTS/keycloak-$KC_PORT/keycloak.log)"
  (cd "$REPO_ROOT" && exec "$JAVA" -cp "$jar" eu.selfdata.keycloak.KeycloakMain "$KC_PORT" \
      "$RESULTS/keycloak-$KC_PORT" "$KC_ADMIN_PASSWORD") > "$RESULTS/keycloak-main-$KC_PORT.log" 2>&1 &
  STARTED_PIDS+=($!)
  wait_for_200 "$KC_URL/realms/selfdata/.well-known/openid-configuration" 240
}

admin_token() {
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
      --data-urlencode "password=$KC_ADMIN_PASSWORD" "$KC_URL/realms/master/protocol/openid-connect/token" \
    | json access_token
}

# kc METHOD PATH [JSON]: an admin call on realm selfdata; prints the body
kc() {
  local method=$1 path=$2 body=${3:-}
  curl -sf -X "$method" -H "Authorization: Bearer $(admin_token)" -H "Content-Type: application/json" \
    ${body:+--data "$body"} "$KC_URL/admin/realms/selfdata$path" || die "$method $path failed"
}

json() { # json FIELD: FIELD of the JSON object on stdin ([0].id works on arrays)
  python3 -c 'import json, sys
value = json.load(sys.stdin)
for part in sys.argv[1].replace("[", ".").replace("]", "").split("."):
    value = value[int(part)] if part.isdigit() else value[part]
print(value)' "$1"
}
