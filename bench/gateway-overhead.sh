#!/usr/bin/env bash
# Gateway overhead: the same city API read through the gateway (Host: larochelle.localhost) and
# straight from tenant-service (X-Tenant-Id + an X-Tenant-Signature computed here from the run's
# secret), with wrk on loopback. Targets: throughput gateway/direct >= 0.6, p99 difference <= 10 ms.
#
# Usage: bench/gateway-overhead.sh     with ./run-dev.sh running (it writes dev-data/gateway-secret and
#   dev-data/tenant-service.args). The city gets 5 announcements first, written straight in its
#   schema (SeedAnnouncements.java): publishing through the API needs a city admin's browser sign-in.
#   DURATION=20s WARMUP=15s CONNECTIONS=32 THREADS=2 CITY=larochelle
# Also prints the CPU time each Java process spent per request (from /proc), which does not depend
# on how many cores the machine has or what else runs on it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
CITY=${CITY:-larochelle}
HOST="$CITY.localhost:$GATEWAY_PORT"
THROUGH_GATEWAY="http://127.0.0.1:$GATEWAY_PORT/api/announcements"
DIRECT="http://127.0.0.1:$TENANT_SERVICE_PORT/api/announcements"
OUT="$RESULTS_DIR/gateway-overhead-$(date +%Y%m%d-%H%M%S)"

if ! command -v wrk > /dev/null; then
  apt-get update && apt-get install -y wrk
fi
wait_for_200 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 5
wait_for_200 "http://127.0.0.1:$TENANT_SERVICE_PORT/actuator/health" 5

# the city needs a few announcements so that the response is a realistic JSON list
curl -sf -o /dev/null -H "Host: $HOST" "$THROUGH_GATEWAY" \
  || die "GET $THROUGH_GATEWAY with Host $HOST failed: is $CITY onboarded (./run-dev.sh without --skip-demo)?"
ARGS_FILE="$DATA_DIR/tenant-service.args"
setting() { sed -n "s/^--$1=//p" "$ARGS_FILE"; }
"$JAVA" -cp "$REPO_ROOT/infra/dev-launcher/target/lib/*" "$BENCH_DIR/SeedAnnouncements.java" \
  "$(setting spring.datasource.url)" "$(setting spring.datasource.username)" "$(setting spring.datasource.password)" "$CITY" 5
direct_headers=(-H "X-Tenant-Id: $CITY" -H "X-Tenant-Signature: $(sign "$CITY")")
same=$(diff <(curl -sf -H "Host: $HOST" "$THROUGH_GATEWAY") <(curl -sf "${direct_headers[@]}" "$DIRECT") > /dev/null && echo yes || echo no)
[ "$same" = yes ] || die "the gateway and tenant-service answer differently; check the signature and the city"

listening_pid() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
GATEWAY_PID=$(listening_pid "$GATEWAY_PORT")
SERVICE_PID=$(listening_pid "$TENANT_SERVICE_PORT")
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system, in clock ticks

run_wrk() { # $1: label, rest: wrk arguments; wrk output then "<gateway ticks> <service ticks>" in $OUT-<label>.txt
  local label=$1 gateway_before service_before
  shift
  gateway_before=$(cpu_ticks "$GATEWAY_PID")
  service_before=$(cpu_ticks "$SERVICE_PID")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee "$OUT-$label.txt"
  echo "cpu-ticks $(( $(cpu_ticks "$GATEWAY_PID") - gateway_before )) $(( $(cpu_ticks "$SERVICE_PID") - service_before ))" >> "$OUT-$label.txt"
}

echo "warm-up ($WARMUP each, not counted: the JIT needs it)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Host: $HOST" "$THROUGH_GATEWAY" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${direct_headers[@]}" "$DIRECT" > /dev/null

echo "== through the gateway"
run_wrk gateway -H "Host: $HOST" "$THROUGH_GATEWAY"
echo "== direct to tenant-service"
direct_headers=(-H "X-Tenant-Id: $CITY" -H "X-Tenant-Signature: $(sign "$CITY")")
run_wrk direct "${direct_headers[@]}" "$DIRECT"

python3 - "$OUT-gateway.txt" "$OUT-direct.txt" "$(getconf CLK_TCK)" <<'PY'
import re, sys
tick_us = 1e6 / int(sys.argv[3])

def parse(path):
    text = open(path).read()
    if "Non-2xx" in text or "Socket errors" in text:
        print(f"WARNING {path}: " + "; ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    p99_ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    gateway_ticks, service_ticks = map(int, re.search(r"cpu-ticks (\d+) (\d+)", text).groups())
    cpu = f"CPU per request: gateway {gateway_ticks * tick_us / requests:5.0f} us, tenant-service {service_ticks * tick_us / requests:5.0f} us"
    return rps, p99_ms, cpu

(gateway_rps, gateway_p99, gateway_cpu), (direct_rps, direct_p99, direct_cpu) = parse(sys.argv[1]), parse(sys.argv[2])
ratio, extra = gateway_rps / direct_rps, gateway_p99 - direct_p99
print(f"\nthrough gateway: {gateway_rps:9.0f} req/s, p99 {gateway_p99:7.2f} ms; {gateway_cpu}")
print(f"direct:          {direct_rps:9.0f} req/s, p99 {direct_p99:7.2f} ms; {direct_cpu}")
print(f"throughput ratio gateway/direct {ratio:.2f} (target >= 0.6: {'met' if ratio >= 0.6 else 'NOT met'})")
print(f"p99 difference {extra:+.2f} ms (target <= 10 ms: {'met' if extra <= 10 else 'NOT met'})")
PY
echo "raw wrk output: $OUT-*.txt"
