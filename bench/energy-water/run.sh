#!/usr/bin/env bash
# Issue 19's figures: three years of 30-minute load curve of one household imported through the energy-water
# module (rows/s, ratio to a raw PostgreSQL COPY of the same steps), and a city indicator's query over HOUSEHOLDS
# households with a year of daily readings each. Runs EnergyWaterBench on the embedded PostgreSQL.
# Usage: HOUSEHOLDS=10000 bench/energy-water/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p bench/results
./mvnw -B -ntp -q -pl usecase-modules/energy-water test \
  -Dtest=EnergyWaterBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.households="${HOUSEHOLDS:-10000}" -DargLine="-Xmx2g" \
  | tee bench/results/energy-water.log | grep '^BENCH' || true
grep -h '^BENCH' usecase-modules/energy-water/target/surefire-reports/*EnergyWaterBench-output.txt 2>/dev/null || true
