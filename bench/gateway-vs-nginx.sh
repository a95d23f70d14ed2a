#!/usr/bin/env bash
# The gateway side by side with nginx doing the same tenant routing, in one run: GET /api/announcements of
# a city through the gateway (Host: <city>.localhost:GATEWAY_PORT), through nginx (Host:
# <city>.localhost:NGINX_PORT: the city from the Host, X-Tenant-Id and an X-Tenant-Signature signed here
# with lib.sh (re-signed before each run: signatures live 5 minutes) in place of any the client sent,
# X-Forwarded-* emptied, the upstream's Host as the gateway sends it, keep-alive connections to tenant-service) and straight from tenant-service, anonymous
# then with a bearer token of the city's demo citizen. Reports the CPU time per request of each proxy and
# of tenant-service behind it (from /proc). Target: the gateway at <= 3x nginx per request.
# nginx does not check the token, as the gateway does (signature, expiry, the city it names):
# tenant-service checks it behind both.
#
# Usage: bench/gateway-vs-nginx.sh     with ./run-dev.sh running; installs Debian's nginx and wrk if missing.
#   DURATION=20s WARMUP=15s CONNECTIONS=32 THREADS=2 CITY=larochelle RUNS=3 NGINX_PORT=8088
#   NGINX_WORKERS=2 (one per core, as the gateway's event loops)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NGINX_PORT=${NGINX_PORT:-8088}
NGINX_WORKERS=${NGINX_WORKERS:-2}
PATH_AND_QUERY=/api/announcements
OUT="$RESULTS_DIR/gateway-vs-nginx-$(date +%Y%m%d-%H%M%S)"
NGINX_DIR="$OUT-nginx"

ensure_command wrk wrk
ensure_command nginx nginx-light
wait_for_200 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 5
wait_for_200 "http://127.0.0.1:$TENANT_SERVICE_PORT/actuator/health" 5
seed_announcements "$CITY" 5
# the city's API limits per address and account lifted for the run (wrk's tens of thousands of requests a
# minute would get cheap 429s from the gateway, not what nginx does), then restored
limits=$(city_rate_limits "$CITY")
city_rate_limits "$CITY" "$(python3 -c 'import json, sys; l = json.loads(sys.argv[1]); l.update(apiPerAddressPerMinute=1000000, apiPerAccountPerMinute=1000000); print(json.dumps(l))' "$limits")" > /dev/null
stop() {
  city_rate_limits "$CITY" "$limits" > /dev/null
  nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" -s quit 2> /dev/null || true
}
trap stop EXIT
sleep 6 # the gateway's tenant directory refreshes every 5 s

# nginx.conf with a signature valid from now: written, then (re)loaded before each run
write_nginx_conf() {
  cat > "$NGINX_DIR/nginx.conf" <<EOF
worker_processes $NGINX_WORKERS;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp;
  proxy_temp_path $NGINX_DIR/tmp;
  upstream tenant_service {
    server 127.0.0.1:$TENANT_SERVICE_PORT;
    keepalive 64;
  }
  map \$host \$city {
    "~^(?<slug>[a-z][a-z0-9-]{1,39})\.localhost\$" \$slug;
    default "";
  }
  map \$city \$signature {
    $CITY "$(sign "$CITY")";
    default "";
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      if (\$signature = "") { return 404; }
      proxy_pass http://tenant_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host 127.0.0.1:$TENANT_SERVICE_PORT;
      proxy_set_header X-Tenant-Id \$city;
      proxy_set_header X-Tenant-Signature \$signature;
      proxy_set_header X-Forwarded-For "";
      proxy_set_header X-Forwarded-Host "";
      proxy_set_header X-Forwarded-Proto "";
    }
  }
}
EOF
}
mkdir -p "$NGINX_DIR/tmp"
write_nginx_conf
nginx -t -q -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
curl -sf -o /dev/null --retry 5 --retry-connrefused --retry-delay 1 -H "Host: $CITY.localhost:$NGINX_PORT" \
  "http://127.0.0.1:$NGINX_PORT$PATH_AND_QUERY" || die "nginx does not answer for $CITY: see $NGINX_DIR/error.log"
reload_nginx() {
  write_nginx_conf
  nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" -s reload
  sleep 1 # the new workers take over
}

GATEWAY_PID=$(listening_pid "$GATEWAY_PORT")
SERVICE_PID=$(listening_pid "$TENANT_SERVICE_PORT")
NGINX_PID=$(cat "$NGINX_DIR/nginx.pid")
# nginx's master, its workers, and the workers that exited (a reload replaces them): clock ticks
nginx_ticks() {
  local total child
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$NGINX_PID/stat")
  for child in $(pgrep -P "$NGINX_PID"); do
    total=$((total + $(cpu_ticks "$child" 2> /dev/null || echo 0)))
  done
  echo "$total"
}
proxy_ticks() { if [ "$1" = nginx ]; then nginx_ticks; elif [ "$1" = gateway ]; then cpu_ticks "$GATEWAY_PID"; else echo 0; fi; }

auth=()
fetch() { # $1: side, then the command (curl or wrk) and its options, which get the side's headers and URL
  local side=$1 args
  shift
  case $side in
    gateway) args=(-H "Host: $CITY.localhost:$GATEWAY_PORT" "http://127.0.0.1:$GATEWAY_PORT$PATH_AND_QUERY") ;;
    nginx) args=(-H "Host: $CITY.localhost:$NGINX_PORT" "http://127.0.0.1:$NGINX_PORT$PATH_AND_QUERY") ;;
    direct) args=(-H "X-Tenant-Id: $CITY" -H "X-Tenant-Signature: $(sign "$CITY")" "http://127.0.0.1:$TENANT_SERVICE_PORT$PATH_AND_QUERY") ;;
  esac
  "$@" "${auth[@]}" "${args[@]}"
}

run_wrk() { # $1: mode, $2: side, $3: label, $4: duration; wrk output then "cpu-ticks <proxy> <service>" in $OUT-<mode>-<side>-<label>.txt
  local file="$OUT-$1-$2-$3.txt" proxy_before service_before
  proxy_before=$(proxy_ticks "$2")
  service_before=$(cpu_ticks "$SERVICE_PID")
  fetch "$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency > "$file"
  echo "cpu-ticks $(( $(proxy_ticks "$2") - proxy_before )) $(( $(cpu_ticks "$SERVICE_PID") - service_before ))" >> "$file"
}

for mode in anonymous bearer; do
  auth=()
  [ "$mode" = anonymous ] || auth=(-H "Authorization: Bearer $(citizen_token "$CITY")")
  body=$(fetch gateway curl -sf) || die "GET $PATH_AND_QUERY of $CITY through the gateway failed ($mode): is $CITY onboarded?"
  for other in nginx direct; do
    [ "$(fetch "$other" curl -sf)" = "$body" ] || die "$other answers differently from the gateway ($mode)"
  done
  echo "== $mode: warm-up ($WARMUP per side, not counted)"
  for s in gateway nginx direct; do run_wrk "$mode" "$s" warmup "$WARMUP"; done
  for run in $(seq 1 "$RUNS"); do
    [ "$mode" = anonymous ] || auth=(-H "Authorization: Bearer $(citizen_token "$CITY")")
    reload_nginx
    for s in gateway nginx direct; do
      echo "== $mode run $run: $s"
      run_wrk "$mode" "$s" "$run" "$DURATION"
    done
  done
done

python3 - "$OUT" "$RUNS" "$(getconf CLK_TCK)" <<'PY'
import re, statistics, sys
out, runs, tick_us = sys.argv[1], int(sys.argv[2]), 1e6 / int(sys.argv[3])

def parse(path):
    text = open(path).read()
    if "Non-2xx" in text or "Socket errors" in text:
        print(f"WARNING {path}: " + "; ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l))
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    proxy, service = map(int, re.search(r"cpu-ticks (\d+) (\d+)", text).groups())
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "p99": float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit],
            "proxy": proxy * tick_us / requests, "service": service * tick_us / requests}

median = statistics.median
for mode in ("anonymous", "bearer"):
    print(f"\n{mode}: medians of {runs} runs (CPU per request from /proc)")
    result = {}
    for side in ("gateway", "nginx", "direct"):
        rows = [parse(f"{out}-{mode}-{side}-{run}.txt") for run in range(1, runs + 1)]
        result[side] = {key: median(r[key] for r in rows) for key in rows[0]}
        r = result[side]
        proxy = f"proxy {r['proxy']:4.0f} us, " if side != "direct" else ""
        print(f"  {side:<8} {r['rps']:7.0f} req/s, p99 {r['p99']:7.2f} ms; {proxy}tenant-service {r['service']:4.0f} us")
    ratio = result["gateway"]["proxy"] / result["nginx"]["proxy"]
    print(f"  gateway / nginx CPU per request: {ratio:.1f}x (target <= 3x: {'met' if ratio <= 3 else 'NOT met'})")
PY
echo "raw wrk output: $OUT-*.txt"
