#!/usr/bin/env bash
# Gateway overhead: the same city API read through the gateway (Host: larochelle.localhost) and
# straight from tenant-service (X-Tenant-Id + an X-Tenant-Signature computed here from the run's
# secret), with wrk on loopback. Targets: throughput gateway/direct >= 0.6, p99 difference <= 10 ms;
# with BEARER=1 (a real Keycloak access token of the city's demo citizen on both sides: the gateway
# checks it and the city, tenant-service checks it again) >= 0.5 and <= 10 ms.
#
# Usage: bench/gateway-overhead.sh     with ./run-dev.sh running (it writes dev-data/gateway-secret and
#   dev-data/tenant-service.args). The city gets 5 announcements first, written straight in its
#   schema (SeedAnnouncements.java): publishing through the API needs a city admin's browser sign-in.
#   DURATION=20s WARMUP=15s CONNECTIONS=32 THREADS=2 CITY=larochelle OTHER_CITY=lyon RUNS=3 BEARER=0
#   RUNS pairs of measured runs (gateway, then direct) after the warm-up; medians are reported.
# Also prints the CPU time each Java process spent per request (from /proc), which does not depend
# on how many cores the machine has or what else runs on it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OTHER_CITY=${OTHER_CITY:-lyon} # with BEARER=1: an active city the token does not name
BEARER=${BEARER:-0}
HOST="$CITY.localhost:$GATEWAY_PORT"
THROUGH_GATEWAY="http://127.0.0.1:$GATEWAY_PORT/api/announcements"
DIRECT="http://127.0.0.1:$TENANT_SERVICE_PORT/api/announcements"
OUT="$RESULTS_DIR/gateway-overhead-$(date +%Y%m%d-%H%M%S)$([ "$BEARER" = 1 ] && echo -bearer || true)"

ensure_command wrk wrk
wait_for_200 "http://127.0.0.1:$GATEWAY_PORT/actuator/health" 5
wait_for_200 "http://127.0.0.1:$TENANT_SERVICE_PORT/actuator/health" 5

# the city needs a few announcements so that the response is a realistic JSON list
curl -sf -o /dev/null -H "Host: $HOST" "$THROUGH_GATEWAY" \
  || die "GET $THROUGH_GATEWAY with Host $HOST failed: is $CITY onboarded (./run-dev.sh without --skip-demo)?"
seed_announcements "$CITY" 5

# BEARER=1: an access token of the city's demo citizen; a fresh one before each wrk run
bearer=()
fresh_token() {
  [ "$BEARER" = 1 ] || return 0
  bearer=(-H "Authorization: Bearer $(citizen_token "$CITY")")
}
fresh_token
direct_headers=(-H "X-Tenant-Id: $CITY" -H "X-Tenant-Signature: $(sign "$CITY")")
same=$(diff <(curl -sf "${bearer[@]}" -H "Host: $HOST" "$THROUGH_GATEWAY") <(curl -sf "${bearer[@]}" "${direct_headers[@]}" "$DIRECT") > /dev/null && echo yes || echo no)
[ "$same" = yes ] || die "the gateway and tenant-service answer differently; check the signature, the city and the token"
if [ "$BEARER" = 1 ]; then # the gateway really checks: the token on a city it does not name is refused
  status=$(curl -s -o /dev/null -w '%{http_code}' "${bearer[@]}" -H "Host: $OTHER_CITY.localhost:$GATEWAY_PORT" "$THROUGH_GATEWAY")
  [ "$status" = 403 ] || die "the token on $OTHER_CITY answered $status, not 403"
fi

GATEWAY_PID=$(listening_pid "$GATEWAY_PORT")
SERVICE_PID=$(listening_pid "$TENANT_SERVICE_PORT")

run_wrk() { # $1: label, rest: wrk arguments; wrk output then "<gateway ticks> <service ticks>" in $OUT-<label>.txt
  local label=$1 gateway_before service_before
  shift
  gateway_before=$(cpu_ticks "$GATEWAY_PID")
  service_before=$(cpu_ticks "$SERVICE_PID")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee "$OUT-$label.txt"
  echo "cpu-ticks $(( $(cpu_ticks "$GATEWAY_PID") - gateway_before )) $(( $(cpu_ticks "$SERVICE_PID") - service_before ))" >> "$OUT-$label.txt"
}

echo "warm-up ($WARMUP each, not counted: the JIT needs it)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${bearer[@]}" -H "Host: $HOST" "$THROUGH_GATEWAY" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${bearer[@]}" "${direct_headers[@]}" "$DIRECT" > /dev/null

for run in $(seq 1 "$RUNS"); do
  fresh_token
  echo "== run $run: through the gateway"
  run_wrk "gateway-$run" "${bearer[@]}" -H "Host: $HOST" "$THROUGH_GATEWAY"
  echo "== run $run: direct to tenant-service"
  direct_headers=(-H "X-Tenant-Id: $CITY" -H "X-Tenant-Signature: $(sign "$CITY")")
  run_wrk "direct-$run" "${bearer[@]}" "${direct_headers[@]}" "$DIRECT"
done

python3 - "$OUT" "$RUNS" "$(getconf CLK_TCK)" "$([ "$BEARER" = 1 ] && echo 0.5 || echo 0.6)" <<'PY'
import re, statistics, sys
out, runs, tick_us, target = sys.argv[1], int(sys.argv[2]), 1e6 / int(sys.argv[3]), float(sys.argv[4])

def parse(path):
    text = open(path).read()
    if "Non-2xx" in text or "Socket errors" in text:
        print(f"WARNING {path}: " + "; ".join(l.strip() for l in text.splitlines() if "Non-2xx" in l or "Socket errors" in l))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    p99_ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    gateway_ticks, service_ticks = map(int, re.search(r"cpu-ticks (\d+) (\d+)", text).groups())
    return {"rps": rps, "p99": p99_ms, "gw": gateway_ticks * tick_us / requests, "ts": service_ticks * tick_us / requests}

print()
ratios, extras, rows = [], [], {"gateway": [], "direct": []}
for run in range(1, runs + 1):
    gateway, direct = parse(f"{out}-gateway-{run}.txt"), parse(f"{out}-direct-{run}.txt")
    rows["gateway"].append(gateway)
    rows["direct"].append(direct)
    ratios.append(gateway["rps"] / direct["rps"])
    extras.append(gateway["p99"] - direct["p99"])
    for label, r in (("through gateway", gateway), ("direct", direct)):
        print(f"run {run} {label:<15} {r['rps']:7.0f} req/s, p99 {r['p99']:7.2f} ms; CPU per request: "
              f"gateway {r['gw']:4.0f} us, tenant-service {r['ts']:4.0f} us")
    print(f"run {run} ratio {ratios[-1]:.2f}, p99 difference {extras[-1]:+.2f} ms")
median = statistics.median
print(f"\nmedians of {runs} runs:")
for label, key in (("through gateway", "gateway"), ("direct", "direct")):
    r = rows[key]
    print(f"{label:<15} {median(x['rps'] for x in r):7.0f} req/s, p99 {median(x['p99'] for x in r):7.2f} ms; CPU per request: "
          f"gateway {median(x['gw'] for x in r):4.0f} us, tenant-service {median(x['ts'] for x in r):4.0f} us")
ratio, extra = median(ratios), median(extras)
print(f"throughput ratio gateway/direct {ratio:.2f} (target >= {target}: {'met' if ratio >= target else 'NOT met'})")
print(f"p99 difference {extra:+.2f} ms (target <= 10 ms: {'met' if extra <= 10 else 'NOT met'})")
PY
echo "raw wrk output: $OUT-*.txt"
