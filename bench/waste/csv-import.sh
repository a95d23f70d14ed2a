#!/usr/bin/env bash
# CSV weighings import rows/s for a large operator file, and the ratio to a raw PostgreSQL COPY of
# the same rows. Runs WeighingImportBench in the waste module's test context (embedded PostgreSQL).
# Usage: bench/waste/csv-import.sh [ROWS=1000000] [LINKED_SHARE=0.1]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
LINKED=${2:-0.1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p bench/results
./mvnw -B -ntp -q -pl usecase-modules/usecase-api,connectors/framework,usecase-modules/waste test \
  -Dtest=WeighingImportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rows="$ROWS" -Dbench.linked="$LINKED" -DargLine="-Xmx2g" \
  | tee bench/results/waste-csv-import.log | grep '^BENCH' || true
grep -h '^BENCH' usecase-modules/waste/target/surefire-reports/*WeighingImportBench-output.txt 2>/dev/null || true
