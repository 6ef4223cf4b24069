#!/usr/bin/env bash
# bantin against DuckDB on the same exports: `data check --period 2022` and `run --period 2022 --bulletin province`
# against bench/duckdb (DuckDB 2.0 through JDBC reading the same CSV files and computing the same per-unit counts),
# run alternately RUNS times per size, whole processes, then a table of medians: wall time, CPU (user + system) and
# peak memory (resident set), and bantin's ratio to DuckDB.
# Usage: bench/compare.sh [document rows ...]   (default 1000000 5000000 20000000; dossiers are a fifth of them)
#        RUNS=5 bench/compare.sh 1000000         (RUNS default 3; BENCH_DIR default target/bench)
#        BANTIN_JAR=other.jar bench/compare.sh    (another build of bantin, e.g. the one before a change; default
#                                                 target/bantin.jar, made when missing)
# Needs a JDK 17, Maven and GNU time (/usr/bin/time). Heaps: bantin -Xmx128m up to 5M rows, -Xmx256m above.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000000 5000000 20000000}")
read -r -a sizes <<< "${sizes[*]}"
runs=${RUNS:-3}
work=${BENCH_DIR:-target/bench}
jar=$(pwd)/target/bantin.jar
if [ -n "${BANTIN_JAR:-}" ]; then
  jar=$(cd "$(dirname "$BANTIN_JAR")" && pwd)/$(basename "$BANTIN_JAR")
fi
[ -f "$jar" ] || mvn -q -DskipTests package
mkdir -p "$work"
work=$(cd "$work" && pwd)
# The DuckDB program: its driver from Maven Central, compiled with javac.
mvn -q -f bench/duckdb/pom.xml dependency:build-classpath -Dmdep.outputFile="$work/duckdb.classpath"
mkdir -p "$work/duckdb-classes"
javac -d "$work/duckdb-classes" -cp "$(cat "$work/duckdb.classpath")" bench/duckdb/src/main/java/bench/DuckDbCounts.java
duckdb_cp="$work/duckdb-classes:$(cat "$work/duckdb.classpath")"

. bench/measure.sh

: > "$work/times"
for rows in "${sizes[@]}"; do
  data="$work/data-$rows"
  if [ ! -f "$data/.done" ]; then
    rm -rf "$data"
    java -jar "$jar" generate --out "$data" --documents "$rows" --dossiers $((rows / 5)) > /dev/null
    touch "$data/.done"
  fi
  heap=-Xmx128m
  [ "$rows" -le 5000000 ] || heap=-Xmx256m
  for i in $(seq 1 "$runs"); do
    # Alternate which goes first, so that neither always gets the warmer disk cache.
    order=(bantin duckdb)
    [ $((i % 2)) -eq 1 ] || order=(duckdb bantin)
    for who in "${order[@]}"; do
      if [ "$who" = bantin ]; then
        measure "check-$rows" java "$heap" -jar "$jar" data check --period 2022 --data "$data"
        # A fresh store and folders each time, but the compiled templates kept, as in any deployment.
        rm -rf "$work/run/out" "$work/run/outbox" "$work/run/var/bantin"*
        measure "province-$rows" java "$heap" -jar "$jar" run --period 2022 --bulletin province --data "$data" \
          --out "$work/run/out" --outbox "$work/run/outbox" --store "jdbc:h2:file:$work/run/var/bantin"
      else
        measure "duckdb-$rows" java -cp "$duckdb_cp" bench.DuckDbCounts "$data" 2022
      fi
    done
  done
done

echo "DuckDB's counts (last run): "; for rows in "${sizes[@]}"; do sed 's/^/  /' "$work/last-duckdb-$rows.log"; done
echo
echo "Medians of $runs alternating runs, $(nproc) cores, $(date -u +%Y-%m-%d):"
echo
echo "| work | rows | bantin wall | CPU | peak RSS | DuckDB wall | CPU | peak RSS | wall ratio | CPU ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|"
awk -v sizes="${sizes[*]}" "$MEDIANS_AWK"'
  END {
    n = split(sizes, s, " ")
    for (k = 1; k <= n; k++) {
      d = "duckdb-" s[k]
      dw = median(wall[d]); dc = median(cpu[d]); dr = median(rss[d])
      split("check province", works, " ")
      for (w = 1; w <= 2; w++) {
        b = works[w] "-" s[k]
        bw = median(wall[b]); bc = median(cpu[b]); br = median(rss[b])
        printf "| %s | %d | %.1f s | %.1f s | %d MiB | %.1f s | %.1f s | %d MiB | %.2f× | %.2f× |\n",
          (w == 1 ? "`data check --period 2022`" : "`run --period 2022 --bulletin province`"), s[k],
          bw, bc, br / 1024, dw, dc, dr / 1024, bw / dw, bc / dc
      }
    }
  }' "$work/times"
