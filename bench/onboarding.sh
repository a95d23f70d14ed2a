#!/usr/bin/env bash
# Onboarding latency: N cities onboarded one after the other through the gateway (platform host,
# coordinator token from the launcher's Keycloak client), each timed from POST /platform/tenants to
# status ACTIVE, polled every 10 ms (target: under 1 s), then to the first 200 of its portal through
# the gateway (Host: {slug}.localhost), which learns new cities from tenant-service.
#
# Usage: bench/onboarding.sh [N=30]      with the platform running (./run-dev.sh, --skip-demo or not)
#   KEEP=1 keeps the cities; by default they are offboarded afterwards (not timed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

N=${1:-30}
wait_for_200 "http://localhost:$GATEWAY_PORT/actuator/health" 5
coordinator_token > /dev/null
OUT="$RESULTS_DIR/onboarding-$(date +%Y%m%d-%H%M%S).csv"

export -f coordinator_token die
export DATA_DIR KEYCLOAK_PORT
python3 - "$GATEWAY_PORT" "$N" "$OUT" "${KEEP:-0}" <<'PY'
import http.client, json, statistics, subprocess, sys, time

port, n, out, keep = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
prefix = "ob" + time.strftime("%H%M%S")  # fresh slugs each run: ob142530-1 ...
# connecting to localhost:<port> sends Host: localhost:<port>, the platform host
connection = http.client.HTTPConnection("localhost", port, timeout=10)
city_hosts = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
token, token_time = None, 0.0

def bearer():
    global token, token_time
    if time.monotonic() - token_time > 240:  # tokens live 5 minutes
        token = subprocess.run(["bash", "-c", "coordinator_token"], check=True, capture_output=True, text=True).stdout.strip()
        token_time = time.monotonic()
    return "Bearer " + token

def call(method, path, body=None):
    global connection
    for attempt in (1, 2):
        try:
            headers = {"Authorization": bearer()}
            if body is not None:
                headers["Content-Type"] = "application/json"
            connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
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

def summary(label, values):
    ordered = sorted(values)
    p95 = ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
    print(f"{label} over {len(ordered)} cities: median {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms, "
          f"min {ordered[0]:.0f} ms, max {ordered[-1]:.0f} ms")
    return p95

bearer()  # fetched before the clock starts
active_timings, served_timings = [], []
slugs = []
with open(out, "w") as csv:
    csv.write("slug,active_millis,served_millis\n")
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
        active = (time.perf_counter() - start) * 1000
        while True:
            city_hosts.request("GET", "/", headers={"Host": f"{slug}.localhost:{port}"})
            response = city_hosts.getresponse()
            response.read()
            if response.status == 200:
                break
            if time.perf_counter() - start > 30:
                sys.exit(f"{slug}: the gateway still answers {response.status} after 30 s")
            time.sleep(0.010)
        served = (time.perf_counter() - start) * 1000
        active_timings.append(active)
        served_timings.append(served)
        csv.write(f"{slug},{active:.1f},{served:.1f}\n")
        print(f"{slug:16} ACTIVE {active:7.1f} ms, portal served {served:7.1f} ms", flush=True)

print()
p95 = summary("POST -> ACTIVE", active_timings)
summary("POST -> portal 200 through the gateway", served_timings)
print(f"target < 1000 ms: {'met' if p95 < 1000 else 'NOT met'} (p95 to ACTIVE); raw: {out}")

if not keep:
    for slug in slugs:
        status, body = call("POST", f"/platform/tenants/{slug}/offboard", {"confirm": slug})
        if status >= 300:
            print(f"offboarding {slug}: HTTP {status} {body[:200]!r}", file=sys.stderr)
    print(f"offboarded the {len(slugs)} bench cities (KEEP=1 keeps them)")
PY
