#!/usr/bin/env bash
# Gateway cost with a bearer token: the same request through the gateway (JWT signature, iss, exp,
# aud and organization checked, the city resolved from Host, headers signed) and straight to the
# backend behind it, in the same run, wrk on loopback. Targets: throughput gateway/direct >= 0.5,
# p99 difference <= 10 ms.
#
# Starts everything itself (stopped on exit): a throw-away Keycloak (realm selfdata), the city's
# organization and portal client, a bench client with direct access grants and a citizen of the
# city; the backend (Backend.java: the tenant directory + a small JSON answer); the gateway jar.
# Needs: infra/keycloak and platform-gateway built (./mvnw install -DskipTests), wrk (installed with
# apt-get if missing), curl, python3.
#   KC_PORT=38180 GATEWAY_PORT=38080 BACKEND_PORT=38081 CITY=larochelle OTHER_CITY=lyon
#   DURATION=20s WARMUP=15s CONNECTIONS=32 THREADS=2 PATH_UNDER_TEST=/api/announcements
#   GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/gateway.jfr" (JVM options of the gateway)
#   GATEWAY_ARGS="--some.property=value" (more arguments of the gateway)
set -euo pipefail
source "$(dirname "$0")/keycloak.sh"

GATEWAY_PORT=${GATEWAY_PORT:-38080}
BACKEND_PORT=${BACKEND_PORT:-38081}
CITY=${CITY:-larochelle}
OTHER_CITY=${OTHER_CITY:-lyon} # an ACTIVE city the token does not name
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PATH_UNDER_TEST=${PATH_UNDER_TEST:-/api/announcements}
GATEWAY_JAR=$REPO_ROOT/platform-gateway/target/platform-gateway-0.1.0-SNAPSHOT-exec.jar
OUT="$RESULTS/gateway-jwt-$(date +%Y%m%d-%H%M%S)"
[ -f "$GATEWAY_JAR" ] || die "build the gateway first: ./mvnw -pl platform-gateway -am install -DskipTests"
command -v wrk > /dev/null || { apt-get update && apt-get install -y wrk; }

start_keycloak
echo "realm data: organization $CITY, client portal-$CITY, client bench-jwt, one citizen"
kc POST /organizations "{\"name\":\"$CITY (bench)\",\"alias\":\"$CITY\",\"enabled\":true}" > /dev/null
kc POST /clients "{\"clientId\":\"portal-$CITY\",\"publicClient\":true,\"standardFlowEnabled\":true,
  \"redirectUris\":[\"http://$CITY.localhost:$GATEWAY_PORT/*\"],
  \"defaultClientScopes\":[\"basic\",\"profile\",\"email\",\"roles\",\"web-origins\",\"organization\",\"selfdata-api\"],
  \"attributes\":{\"pkce.code.challenge.method\":\"S256\"}}" > /dev/null
# a script's client: direct access grants, tokens valid one hour (the run lasts a few minutes)
kc POST /clients "{\"clientId\":\"bench-jwt\",\"publicClient\":true,\"standardFlowEnabled\":false,
  \"directAccessGrantsEnabled\":true,
  \"defaultClientScopes\":[\"basic\",\"profile\",\"email\",\"roles\",\"organization\",\"selfdata-api\"],
  \"attributes\":{\"access.token.lifespan\":\"3600\"}}" > /dev/null
USER_EMAIL=citizen@bench.example
USER_PASSWORD=Bench-citizen-$RANDOM$RANDOM
kc POST /users "{\"username\":\"$USER_EMAIL\",\"email\":\"$USER_EMAIL\",\"emailVerified\":true,\"enabled\":true,
  \"firstName\":\"Bench\",\"lastName\":\"Citizen\",
  \"credentials\":[{\"type\":\"password\",\"value\":\"$USER_PASSWORD\",\"temporary\":false}]}" > /dev/null
USER_ID=$(kc GET "/users?exact=true&username=$USER_EMAIL" | json 0.id)
ORG_ID=$(kc GET "/organizations?search=$CITY&exact=false" | python3 -c 'import json, sys
print(next(o["id"] for o in json.load(sys.stdin) if o["alias"] == sys.argv[1]))' "$CITY")
kc POST "/organizations/$ORG_ID/members" "\"$USER_ID\"" > /dev/null
TOKEN=$(curl -sf -d grant_type=password -d client_id=bench-jwt -d "username=$USER_EMAIL" \
    --data-urlencode "password=$USER_PASSWORD" -d scope=openid \
    "$KC_URL/realms/selfdata/protocol/openid-connect/token" | json access_token)
python3 - "$TOKEN" "$CITY" <<'PY'
import base64, json, sys
payload = sys.argv[1].split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
assert sys.argv[2] in claims.get("organization", []), claims
print(f"token: alg RS256, iss {claims['iss']}, aud {claims['aud']}, organization {claims['organization']}, "
      f"{len(sys.argv[1])} bytes")
PY

"$JAVA" "$IDENTITY_DIR/Backend.java" "$BACKEND_PORT" "$CITY" "$OTHER_CITY" > "$RESULTS/backend-$BACKEND_PORT.log" 2>&1 &
STARTED_PIDS+=($!)
BACKEND_PID=$!
# shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS and GATEWAY_ARGS are lists of options
"$JAVA" ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" --server.port="$GATEWAY_PORT" \
  --selfdata.gateway.secret="bench-$(date +%s%N | sha256sum | cut -c1-32)" \
  --selfdata.routes.tenant-service-uri="http://127.0.0.1:$BACKEND_PORT" \
  --selfdata.routes.governance-uri="http://127.0.0.1:$BACKEND_PORT" \
  --selfdata.identity.issuer-uri="$KC_URL/realms/selfdata" ${GATEWAY_ARGS:-} > "$RESULTS/gateway-$GATEWAY_PORT.log" 2>&1 &
STARTED_PIDS+=($!)
GATEWAY_PID=$!
wait_for_200 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 90
wait_for_200 "http://127.0.0.1:$BACKEND_PORT/" 30

HOST="$CITY.localhost:$GATEWAY_PORT"
THROUGH_GATEWAY="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
DIRECT="http://127.0.0.1:$BACKEND_PORT$PATH_UNDER_TEST"
headers=(-H "Authorization: Bearer $TOKEN" -H "Host: $HOST")
# the gateway must really check: its answer with the token is 200, without the city 403, with a bad token 401
check() { # $1 expected status, rest curl args
  local expected=$1 status
  shift
  status=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  [ "$status" = "$expected" ] || die "expected $expected, got $status for: $*"
}
check 200 "${headers[@]}" "$THROUGH_GATEWAY"
check 403 -H "Authorization: Bearer $TOKEN" -H "Host: $OTHER_CITY.localhost:$GATEWAY_PORT" "$THROUGH_GATEWAY"
signature=${TOKEN##*.}
[ "${signature:0:1}" = A ] && other=B || other=A
check 401 -H "Authorization: Bearer ${TOKEN%.*}.$other${signature:1}" -H "Host: $HOST" "$THROUGH_GATEWAY"
check 200 "${headers[@]}" "$DIRECT"
# a bearer request should not open a server-side session
if curl -s -D - -o /dev/null "${headers[@]}" "$THROUGH_GATEWAY" | grep -qi '^set-cookie'; then
  echo "NOTE: the gateway answers a bearer request with Set-Cookie (a session per request costs CPU and memory)"
fi
echo "checks passed: token 200, the same token on $OTHER_CITY 403, a bad signature 401"

# CPU time (user + system, clock ticks) of the gateway and the backend JVMs, around each measured run
MEASURED_PIDS=("$GATEWAY_PID" "$BACKEND_PID")
ticks() { local pid; for pid in "${MEASURED_PIDS[@]}"; do awk '{ printf "%d ", $14 + $15 }' "/proc/$pid/stat"; done; }
measure() { # $1 label, rest wrk arguments; wrk's output and "cpu-ticks <gateway> <backend>" go to $OUT-<label>.txt
  local label=$1 before after i spent=""
  shift
  read -ra before <<< "$(ticks)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee "$OUT-$label.txt"
  read -ra after <<< "$(ticks)"
  for i in "${!MEASURED_PIDS[@]}"; do spent+=" $((after[i] - before[i]))"; done
  echo "cpu-ticks$spent" >> "$OUT-$label.txt"
}

echo "warm-up ($WARMUP each, not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$THROUGH_GATEWAY" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$DIRECT" > /dev/null
echo "== through the gateway (bearer validated, organization checked)"
measure gateway "${headers[@]}" "$THROUGH_GATEWAY"
echo "== through the gateway without a token (anonymous: what the bearer checks add is the difference)"
measure anonymous -H "Host: $HOST" "$THROUGH_GATEWAY"
echo "== straight to the backend (same headers)"
measure direct "${headers[@]}" "$DIRECT"

python3 "$IDENTITY_DIR/wrk-summary.py" "$(getconf CLK_TCK)" 0.5 10 \
  "gateway=$OUT-gateway.txt" "gateway-no-token=$OUT-anonymous.txt" "direct=$OUT-direct.txt"
echo "raw wrk output: $OUT-*.txt"
