#!/usr/bin/env bash
# Smart-bin telemetry sustained through the embedded broker: CITIES cities, BINS bins in all, each
# reporting once a minute (played SPEEDUP times faster), ROUNDS minutes; rate stored and lag.
# Usage: CITIES=20 BINS=10000 ROUNDS=3 SPEEDUP=1 bench/waste/mqtt-telemetry.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p bench/results
./mvnw -B -ntp -q -pl usecase-modules/usecase-api,connectors/framework,usecase-modules/waste test \
  -Dtest=SmartBinTelemetryBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.cities="${CITIES:-20}" -Dbench.bins="${BINS:-10000}" -Dbench.rounds="${ROUNDS:-3}" -Dbench.speedup="${SPEEDUP:-1}" \
  | tee bench/results/waste-mqtt.log | grep '^BENCH' || true
grep -h '^BENCH' usecase-modules/waste/target/surefire-reports/*SmartBinTelemetryBench-output.txt 2>/dev/null || true
