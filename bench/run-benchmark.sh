#!/usr/bin/env bash
# Benchmark: a year of 2,000,000 document rows and 1,000,000 dossier rows, read and computed with a 256 MB heap,
# then the province bulletin and one bulletin per unit rendered and written to the outbox (a fresh store each time).
# Usage: bench/run-benchmark.sh [documents] [dossiers]   (defaults 2000000 1000000)
# Prints the run's own output, then wall time and peak memory (resident set) of the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
documents=${1:-2000000}
dossiers=${2:-1000000}
work=${BENCH_DIR:-target/bench}
jar=target/bantin.jar
[ -f "$jar" ] || mvn -q -DskipTests package
mkdir -p "$work"
if [ ! -f "$work/data/.done-$documents-$dossiers" ]; then
  rm -rf "$work/data"
  java -jar "$jar" generate --out "$work/data" --documents "$documents" --dossiers "$dossiers"
  touch "$work/data/.done-$documents-$dossiers"
fi
ls -la "$work/data"
rm -rf "$work/out" "$work/outbox" "$work/var"
start=$(date +%s.%N)
/usr/bin/env time -f "peak RSS %M KB" java -Xmx256m -jar "$jar" run --period 2022 --data "$work/data" \
  --out "$work/out" --outbox "$work/outbox" --store "jdbc:h2:file:$(pwd)/$work/var/bantin" 2>&1
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall time %.1f s with -Xmx256m\n", e - s }'
