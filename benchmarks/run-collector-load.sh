#!/usr/bin/env bash
# Collector ingest under load: the collector jar in its own JVM on a fresh SQLite file (or the
# PostgreSQL given by DB=jdbc:postgresql://...), then CollectorLoad: SENDERS threads on loopback posting
# OTLP/JSON batches of BATCH redaction events for SECONDS (after a WARMUP), retrying 429/503 after
# Retry-After like the agent. It fails if any acknowledged event is missing from the store. Each run
# first sends ordinary log records, which the collector decodes and counts but does not store: the
# baseline of HTTP and decoding on the same collector, machine and moment.
#
#   benchmarks/run-collector-load.sh                    50 senders, 20 s, batches of 20, N=3 runs
#   SENDERS=50 SECONDS=30 BATCH=1 N=1 benchmarks/run-collector-load.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java benchmarks/run-collector-load.sh
#
# Prints a Markdown table, also written to benchmarks/work/collector-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SENDERS=${SENDERS:-50}
SECONDS_=${SECONDS:-20}
WARMUP=${WARMUP:-5}
BATCH=${BATCH:-20}
N=${N:-3}
JAVA=${JAVA:-java}
WORK=benchmarks/work
OUT=$WORK/collector-load.md
mkdir -p "$WORK"

if [ "${BUILD:-1}" = 1 ]; then
  echo "run-collector-load: building" >&2
  ./mvnw -B -q -pl benchmarks,collector -am package -DskipTests >&2
fi

{
  echo "| records | senders | batch | seconds | requests | records acknowledged | records/s | p50 ms | p99 ms | max ms | 429/503 retried | failed | lost | rejected |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
} | tee "$OUT"

for run in $(seq 1 "$N"); do
  dir=$(mktemp -d "$WORK/collector-load.XXXXXX")
  db=${DB:-$dir/load.db}
  "$JAVA" -jar collector/target/logredact-collector.jar --port 0 --db "$db" 2>"$dir/collector.err" &
  collector=$!
  trap 'kill "$collector" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    grep -q 'listening on' "$dir/collector.err" 2>/dev/null && break
    sleep 0.1
  done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/collector.err" | head -n 1)
  [ -n "$url" ] || { cat "$dir/collector.err" >&2; exit 1; }
  for mode in --ignored ""; do
    # shellcheck disable=SC2086
    "$JAVA" -cp benchmarks/target/benchmarks.jar dev.logredact.bench.CollectorLoad --url "$url" \
      --senders "$SENDERS" --seconds "$SECONDS_" --warmup "$WARMUP" --batch "$BATCH" $mode | tee -a "$OUT"
  done
  kill "$collector"
  wait "$collector" 2>/dev/null || true
  trap - EXIT
  rm -rf "$dir"
done
