#!/usr/bin/env bash
# Onboarding latency: N cities onboarded one after the other through the gateway (platform host),
# each timed from POST /platform/tenants to status ACTIVE, polled every 10 ms. Target: under 1 s.
#
# Usage: bench/onboarding.sh [N=30]      with the platform running (./run-dev.sh, --skip-demo or not)
#   KEEP=1 keeps the cities; by default they are offboarded afterwards (not timed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

N=${1:-30}
wait_for_200 "http://localhost:$GATEWAY_PORT/actuator/health" 5
OUT="$RESULTS_DIR/onboarding-$(date +%Y%m%d-%H%M%S).csv"

python3 - "$GATEWAY_PORT" "$N" "$OUT" "${KEEP:-0}" <<'PY'
import http.client, json, statistics, sys, time

port, n, out, keep = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
prefix = "ob" + time.strftime("%H%M%S")  # fresh slugs each run: ob142530-1 ...
# connecting to localhost:<port> sends Host: localhost:<port>, the platform host
connection = http.client.HTTPConnection("localhost", port, timeout=10)

def call(method, path, body=None):
    global connection
    for attempt in (1, 2):
        try:
            connection.request(method, path, body=None if body is None else json.dumps(body),
                               headers={} if body is None else {"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, response.read()
        except (ConnectionError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("localhost", port, timeout=10)
            if attempt == 2:
                raise

def city(slug, i):
    return {"slug": slug, "displayName": f"Bench city {i}", "population": 10000 + i, "customDomains": [],
            "branding": {"primaryColor": "#1a5fb4", "secondaryColor": "#ffffff", "logoUrl": None, "defaultLanguage": "fr"},
            "enabledModules": []}

timings = []
slugs = []
with open(out, "w") as csv:
    csv.write("slug,millis\n")
    for i in range(1, n + 1):
        slug = f"{prefix}-{i}"
        start = time.perf_counter()
        status, body = call("POST", "/platform/tenants", city(slug, i))
        if status != 202:
            sys.exit(f"POST {slug}: HTTP {status} {body[:300]!r}")
        slugs.append(slug)
        while True:
            status, body = call("GET", f"/platform/tenants/{slug}")
            state = json.loads(body)["tenant"]["status"] if status == 200 else f"HTTP {status}"
            if state == "ACTIVE":
                break
            if state == "FAILED" or time.perf_counter() - start > 30:
                sys.exit(f"{slug}: {state} {body[:500]!r}")
            time.sleep(0.010)
        millis = (time.perf_counter() - start) * 1000
        timings.append(millis)
        csv.write(f"{slug},{millis:.1f}\n")
        print(f"{slug:16} {millis:7.1f} ms", flush=True)

ordered = sorted(timings)
p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
median = statistics.median(ordered)
print(f"\nonboarding POST -> ACTIVE over {n} cities: median {median:.0f} ms, p95 {p95:.0f} ms, "
      f"min {ordered[0]:.0f} ms, max {ordered[-1]:.0f} ms")
print(f"target < 1000 ms: {'met' if p95 < 1000 else 'NOT met'} (p95); raw: {out}")

if not keep:
    for slug in slugs:
        status, body = call("POST", f"/platform/tenants/{slug}/offboard", {"confirm": slug})
        if status >= 300:
            print(f"offboarding {slug}: HTTP {status} {body[:200]!r}", file=sys.stderr)
    print(f"offboarded the {len(slugs)} bench cities (KEEP=1 keeps them)")
PY
