# Shared by the bench scripts: paths, gateway signatures, small HTTP and statistics helpers.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(dirname "$BENCH_DIR")
RESULTS_DIR="$BENCH_DIR/results"
mkdir -p "$RESULTS_DIR"

# The platform started by ./run-dev.sh (override to bench another one).
GATEWAY_PORT=${GATEWAY_PORT:-8080}
TENANT_SERVICE_PORT=${TENANT_SERVICE_PORT:-8081}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
DATA_DIR=${DATA_DIR:-$REPO_ROOT/dev-data}
SECRET_FILE=${SECRET_FILE:-$DATA_DIR/gateway-secret}

# The wrk runs of gateway-overhead.sh and gateway-vs-nginx.sh: RUNS measured runs per side after a warm-up.
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
CITY=${CITY:-larochelle}
RUNS=${RUNS:-3}

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() { echo "$*" >&2; exit 1; }

# X-Tenant-Signature as the gateway computes it: <epochSeconds>.<base64url(HMAC-SHA256(secret, tenant "\n" epochSeconds))>.
# $1: the city slug, or "" for /platform/**. Valid for 5 minutes.
sign() {
  local tenant=$1 now
  [ -r "$SECRET_FILE" ] || die "No gateway secret at $SECRET_FILE: is the platform running (./run-dev.sh)?"
  now=$(date +%s)
  printf '%s.%s' "$now" "$(printf '%s\n%s' "$tenant" "$now" \
    | openssl dgst -sha256 -hmac "$(cat "$SECRET_FILE")" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')"
}

# A platform coordinator's access token (valid 5 minutes): the launcher's Keycloak client dev-launcher.
coordinator_token() {
  local secret_file=$DATA_DIR/coordinator-secret
  [ -r "$secret_file" ] || die "No coordinator secret at $secret_file: is the platform running (./run-dev.sh)?"
  curl -sf --max-time 10 -d grant_type=client_credentials -d client_id=dev-launcher \
      --data-urlencode "client_secret=$(cat "$secret_file")" \
      "http://localhost:$KEYCLOAK_PORT/realms/selfdata/protocol/openid-connect/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# City $1's rate limits as JSON; with $2 (JSON), sets them first. A coordinator's call to tenant-service.
city_rate_limits() {
  curl -sf --max-time 10 -X "$([ $# -gt 1 ] && echo PUT || echo GET)" ${2:+-H "Content-Type: application/json" -d "$2"} \
    -H "Authorization: Bearer $(coordinator_token)" -H "X-Tenant-Signature: $(sign "")" \
    "http://127.0.0.1:$TENANT_SERVICE_PORT/platform/tenants/$1/rate-limits" || die "could not read or set $1's rate limits"
}

# Waits until $1 answers 200, at most $2 seconds.
wait_for_200() {
  local url=$1 timeout=$2 deadline=$((SECONDS + $2))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || die "$url did not answer 200 within $timeout s"
    sleep 0.2
  done
}

# Installs a Debian package's command when missing ($1: command, $2: package).
ensure_command() {
  command -v "$1" > /dev/null || { apt-get update && apt-get install -y "$2"; } || die "could not install $2"
}

# The pid listening on TCP port $1.
listening_pid() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }

# CPU time of process $1 (user + system), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Tops city $1 up to $2 announcements, written straight in its schema: publishing through the API needs
# a city admin's browser sign-in. Needs run-dev's tenant-service.args for the database.
seed_announcements() {
  local args_file=$DATA_DIR/tenant-service.args
  setting() { sed -n "s/^--$1=//p" "$args_file"; }
  "$JAVA" -cp "$REPO_ROOT/infra/dev-launcher/target/lib/*" "$BENCH_DIR/SeedAnnouncements.java" \
    "$(setting spring.datasource.url)" "$(setting spring.datasource.username)" "$(setting spring.datasource.password)" "$1" "$2"
}

# An access token of city $1's demo citizen, got as an app gets one (PKCE with portal-<city> on run-dev's
# Keycloak); tokens live 5 minutes.
citizen_token() {
  local city=$1 user="camille.$1@demo.selfdata.eu" password
  password=$(sed -n "s/^${user//./\\.}=//p" "$DATA_DIR/demo-passwords.properties")
  [ -n "$password" ] || die "no password for $user in $DATA_DIR/demo-passwords.properties (run-dev.sh writes it)"
  python3 "$BENCH_DIR/app-token.py" "http://localhost:$KEYCLOAK_PORT/realms/selfdata" "$city" "$GATEWAY_PORT" "$user" "$password" \
    || die "could not get $user's access token"
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
