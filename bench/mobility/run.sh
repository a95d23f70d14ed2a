#!/usr/bin/env bash
# Mobility-carbon benchmarks: JMH segmentation + mode inference + CO2e (points/s on one core),
# ingestion of one upload into PostgreSQL against a raw COPY of the same rows, GTFS import.
# Takeout import of TAKEOUT_POINTS end to end against the app-JSON upload of the same points.
# Usage: bench/mobility/run.sh [POINTS=1000000] [GTFS_TRIPS=90910 (x11 stop_times)] [TAKEOUT_POINTS=3000000]
set -euo pipefail
cd "$(dirname "$0")/../.."
POINTS=${1:-1000000}
GTFS_TRIPS=${2:-90910}
TAKEOUT_POINTS=${3:-3000000}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MODULE=usecase-modules/mobility-carbon
RESULTS=bench/results/mobility
mkdir -p "$RESULTS"

./mvnw -B -ntp -q -pl "$MODULE" -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$RESULTS/classpath.txt"
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$RESULTS/classpath.txt")"

echo "== JMH: segmentation + mode + CO2e, one thread, 1M fixes per invocation"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main SegmentationBenchmark -t 1 -rf json -rff "$RESULTS/segmentation.json" | tee "$RESULTS/segmentation.txt"

echo "== Ingestion of $POINTS points vs raw COPY, GTFS import of $((GTFS_TRIPS * 11)) stop_times"
"$JAVA" -Xmx4g -cp "$CP" eu.selfdata.mobility.bench.IngestBench "$POINTS" "$GTFS_TRIPS" 2>&1 | grep -vE "INFO|WARN|^\s" | tee "$RESULTS/ingest.txt"

echo "== Takeout import of $TAKEOUT_POINTS points (tus upload + background import) vs the app-JSON upload of the same points"
"$JAVA" -Xmx4g -cp "$CP" eu.selfdata.mobility.bench.TakeoutBench "$TAKEOUT_POINTS" 2>&1 | grep -vE "INFO|WARN|^\s" | tee "$RESULTS/takeout.txt"
