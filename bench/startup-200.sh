#!/usr/bin/env bash
# Start-up with many cities: onboards N cities (default 200) on a throw-away PostgreSQL, stops
# tenant-service, starts it again alone (same jar, same database, same arguments) and measures the
# time from process start to ready, then reads the connection pool from /actuator/prometheus.
# Target: ready in under 30 s; connections do not grow with the number of cities.
#
# Usage: bench/startup-200.sh [N=200]   after ./mvnw install -DskipTests; needs no running platform.
# Ports 25432 (PostgreSQL), 28180 (Keycloak) and 28081 (tenant-service) unless DB_PORT, KC_PORT,
# SERVICE_PORT say otherwise.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

N=${1:-200}
DB_PORT=${DB_PORT:-25432}
KC_PORT=${KC_PORT:-28180}
SERVICE_PORT=${SERVICE_PORT:-28081}
PARALLEL=${PARALLEL:-8}
WORK="$RESULTS_DIR/startup-$N"
LAUNCHER_JAR="$REPO_ROOT/infra/dev-launcher/target/dev-launcher.jar"
JAR="$REPO_ROOT/infra/dev-launcher/target/services/tenant-service.jar"
SERVICE="http://127.0.0.1:$SERVICE_PORT"
[ -f "$LAUNCHER_JAR" ] && [ -f "$JAR" ] || die "Build first: ./mvnw install -DskipTests"

rm -rf "$WORK"
mkdir -p "$WORK"
launcher_pid="" service_pid=""
cleanup() { # tenant-service first, then the launcher, which stops Keycloak and PostgreSQL
  set +e
  for pid in $service_pid $launcher_pid; do
    kill "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
  done
}
trap cleanup EXIT

# PostgreSQL and Keycloak from the dev launcher, which also writes tenant-service's arguments
"$JAVA" -jar "$LAUNCHER_JAR" --infra-only --db-port="$DB_PORT" --keycloak-port="$KC_PORT" \
  --tenant-service-port="$SERVICE_PORT" --data-dir="$WORK/dev-data" > "$WORK/launcher.log" 2>&1 &
launcher_pid=$!
for _ in $(seq 1 1800); do grep -q "Ctrl-C stops\|did not start" "$WORK/launcher.log" && break; sleep 0.1; done
grep -q "Ctrl-C stops" "$WORK/launcher.log" || die "PostgreSQL and Keycloak did not start; see $WORK/launcher.log"
export DATA_DIR="$WORK/dev-data" SECRET_FILE="$WORK/dev-data/gateway-secret" KEYCLOAK_PORT="$KC_PORT"

mapfile -t ARGS < "$DATA_DIR/tenant-service.args"
# only adds /actuator/health/readiness (UP once start-up migrations are done); behaviour unchanged
ARGS+=(--management.endpoint.health.probes.enabled=true)

start_service() { # $1: log file
  "$JAVA" -jar "$JAR" "${ARGS[@]}" > "$1" 2>&1 &
  service_pid=$!
}
stop_service() {
  kill "$service_pid"
  wait "$service_pid" || true
  service_pid=""
}
platform_get() {
  curl -sf --max-time 10 -H "X-Tenant-Signature: $(sign "")" -H "Authorization: Bearer $(coordinator_token)" "$SERVICE$1"
}
active_count() {
  platform_get /platform/tenants | python3 -c 'import json,sys; print(sum(t["status"] == "ACTIVE" for t in json.load(sys.stdin)))'
}

echo "first start of tenant-service (empty registry)"
start_service "$WORK/tenant-service-1.log"
wait_for_200 "$SERVICE/actuator/health/readiness" 180

echo "onboarding $N cities, $PARALLEL at a time"
onboard_started=$SECONDS
TOKEN=$(coordinator_token) # valid 5 minutes: the POSTs take seconds
export SERVICE TOKEN
export -f sign die
seq 1 "$N" | xargs -P "$PARALLEL" -I{} bash -c '
  slug=city-{}
  body="{\"slug\":\"$slug\",\"displayName\":\"City {}\",\"population\":{}000,\"customDomains\":[],\"branding\":{\"primaryColor\":\"#1a5fb4\",\"secondaryColor\":\"#ffffff\",\"logoUrl\":null,\"defaultLanguage\":\"fr\"},\"enabledModules\":[]}"
  code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 60 -H "Content-Type: application/json" \
    -H "X-Tenant-Signature: $(sign "")" -H "Authorization: Bearer $TOKEN" -d "$body" "$SERVICE/platform/tenants")
  [ "$code" = 202 ] || echo "POST $slug: HTTP $code" >&2'
until [ "$(active_count)" -ge "$N" ]; do
  [ $((SECONDS - onboard_started)) -lt 900 ] || die "only $(active_count)/$N cities ACTIVE after 900 s"
  sleep 1
done
echo "$N cities ACTIVE after $((SECONDS - onboard_started)) s"
stop_service

echo "second start of tenant-service with $N cities"
started_ms=$(now_ms)
start_service "$WORK/tenant-service-2.log"
health_ms="" ready_ms=""
while [ -z "$ready_ms" ]; do
  [ $(( $(now_ms) - started_ms )) -lt 300000 ] || die "not ready within 300 s; see $WORK/tenant-service-2.log"
  if [ -z "$health_ms" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$SERVICE/actuator/health")" = 200 ]; then
    health_ms=$(( $(now_ms) - started_ms ))
  fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$SERVICE/actuator/health/readiness")" = 200 ]; then
    ready_ms=$(( $(now_ms) - started_ms ))
  fi
  sleep 0.05
done
health_ms=${health_ms:-$ready_ms}
# CPU time spent until ready: unlike wall time, it does not depend on what else the machine runs
cpu_ms=$(awk -v tick="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tick) }' "/proc/$service_pid/stat")

curl -s "$SERVICE/actuator/health" > "$WORK/health.json"
curl -s "$SERVICE/actuator/prometheus" > "$WORK/prometheus.txt"
rss_kib=$(ps -o rss= -p "$service_pid" | tr -d ' ')
served=$(active_count)
metric() { awk -v name="$1" '$1 ~ "^"name"([{]|$)" { sum += $NF } END { print sum + 0 }' "$WORK/prometheus.txt"; }

echo
echo "tenant-service restart with $served ACTIVE cities:"
echo "  process start -> /actuator/health 200:       $health_ms ms"
echo "  process start -> readiness UP (migrations done): $ready_ms ms   (target < 30000 ms: $([ "$ready_ms" -lt 30000 ] && echo met || echo NOT met))"
echo "  CPU time of tenant-service until ready: $cpu_ms ms (user + system, all threads)"
echo "  machine load average when ready: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
grep -h "Started TenantServiceApplication\|Migrated .* city schemas" "$WORK/tenant-service-2.log" | sed 's/^.*\] [^ ]* *: /  log: /'
echo "  health status: $(python3 -c 'import json,sys; h=json.load(open(sys.argv[1])); print(h["status"])' "$WORK/health.json")"
echo "  hikaricp_connections (open) $(metric hikaricp_connections), active $(metric hikaricp_connections_active)," \
     "idle $(metric hikaricp_connections_idle), max $(metric hikaricp_connections_max) -- for $served cities"
echo "  resident memory: $((rss_kib / 1024)) MiB"
echo "  logs and raw metrics: $WORK"
