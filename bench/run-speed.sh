#!/usr/bin/env bash
# The monthly run's speed on the bundled sample (the province bulletin and 154 unit bulletins, PDF and workbook, 158
# messages to the outbox), as whole processes measured with GNU time, run alternately RUNS times, then a table of
# medians: wall time, CPU (user + system), peak memory (resident set).
#   - cold: a fresh store, out/ and outbox/, the compiled templates kept (as in a deployment), and once more without
#     them; the same run again on the delivered period; render.threads=1; the CDS archive; C1 only; bin/bantin (both);
#   - warm, in one JVM (bench/render-cost): one unit bulletin rendered by bantin against JasperReports' own fill and
#     export of the same compiled templates with the same parameters; the unit bulletins on 1 thread and on every core.
# It also checks that the PDFs of java -jar, of render.threads=1 and of bin/bantin say the same (their text).
# Usage: bench/run-speed.sh   (RUNS default 3, PERIOD default 2022-12, BENCH_DIR default target/bench-speed)
# Needs a JDK 17, Maven (to build the jar when it is missing) and GNU time (/usr/bin/time). Under 8 minutes on an
# idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
period=${PERIOD:-2022-12}
work=${BENCH_DIR:-target/bench-speed}
jar=$(pwd)/target/bantin.jar
[ -x /usr/bin/time ] || { echo "error: needs GNU time as /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ -f "$jar" ] || mvn -q -DskipTests package
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The harness and a PDF text reader, compiled against the jar, which holds every library bantin uses.
rm -rf "$work/classes"
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$jar" $(find bench/render-cost/src/main/java -name '*.java')
harness_cp="$work/classes:$jar"

# The bundled configuration, and the same with render.threads=1.
rm -rf "$work/config-1"
cp -r config "$work/config-1"
printf '\nrender.threads=1\n' >> "$work/config-1/bantin.properties"

run_dir=$work/run
archive=$work/bantin.jsa
rm -f "$archive" # bin/bantin's first run makes it, measured once below

# A fresh store, out/ and outbox/; the compiled templates are kept unless $1 is no-cache.
fresh() {
  mkdir -p "$run_dir/var"
  rm -rf "$run_dir/out" "$run_dir/outbox"
  find "$run_dir/var" -mindepth 1 -maxdepth 1 ! -name compiled-templates -exec rm -rf {} +
  [ "${1:-}" != no-cache ] || rm -rf "$run_dir/var/compiled-templates"
}

. bench/measure.sh

run_args=(run --period "$period" --out "$run_dir/out" --outbox "$run_dir/outbox" --store "jdbc:h2:file:$run_dir/var/bantin")

# One variant of the cold run (and, after "cold", the same run again on the delivered period).
variant() {
  case $1 in
    cold)     fresh; measure cold java -jar "$jar" "${run_args[@]}"
              measure again java -jar "$jar" "${run_args[@]}" ;;
    no-cache) fresh no-cache; measure no-cache java -jar "$jar" "${run_args[@]}" ;;
    threads1) fresh; measure threads1 java -jar "$jar" "${run_args[@]}" --config "$work/config-1" ;;
    cds)      fresh; measure cds java -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
                -jar "$jar" "${run_args[@]}" ;;
    c1)       fresh; measure c1 java -XX:TieredStopAtLevel=1 -jar "$jar" "${run_args[@]}" ;;
    launcher) fresh; measure launcher env BANTIN_JAR="$jar" BANTIN_CDS="$archive" bin/bantin "${run_args[@]}"
              measure again-launcher env BANTIN_JAR="$jar" BANTIN_CDS="$archive" bin/bantin "${run_args[@]}" ;;
  esac
}

# The text of the PDFs of the last run, for the check that every way of running makes the same bulletins; the
# minute the exports were read at ("đọc lúc 02/12/2026 07:41") is the one line that may differ.
texts() {
  java -cp "$harness_cp" bench.PdfTexts "$run_dir/out" \
    | sed -E 's#[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}#DD/MM/YYYY hh:mm#g' > "$work/texts-$1.txt"
}

: > "$work/times"
# bin/bantin's first run: it makes the archive as it exits. Once, before the rounds, with the compiled templates.
fresh
java -jar "$jar" "${run_args[@]}" > "$work/last-warm-up.log" 2>&1
fresh
measure first-launcher env BANTIN_JAR="$jar" BANTIN_CDS="$archive" bin/bantin "${run_args[@]}"
[ -f "$archive" ] || { echo "bin/bantin made no archive at $archive" >&2; exit 1; }

variants=(cold no-cache threads1 cds c1 launcher)
for i in $(seq 1 "$runs"); do
  # Each round starts one further along the list, so that no variant always follows the same one.
  for k in $(seq 0 $((${#variants[@]} - 1))); do
    v=${variants[$(((k + i - 1) % ${#variants[@]}))]}
    variant "$v"
    if [ "$i" -eq 1 ] && { [ "$v" = cold ] || [ "$v" = threads1 ] || [ "$v" = launcher ]; }; then
      texts "$v"
    fi
  done
done
same=yes
for v in threads1 launcher; do
  if ! cmp -s "$work/texts-cold.txt" "$work/texts-$v.txt"; then
    same=no
    echo "The PDFs of $v differ from those of java -jar: diff $work/texts-cold.txt $work/texts-$v.txt" >&2
  fi
done

# Warm, in one JVM: per-bulletin cost against JasperReports alone, then the unit bulletins on 1 and on every core.
java -cp "$harness_cp" vn.bantin.run.RenderCost config "$period" "$work/render-cost" "$runs" "$(nproc)" \
  > "$work/render-cost.txt" 2> "$work/render-cost.log" \
  || { echo "bench/render-cost failed, see $work/render-cost.log" >&2; tail -3 "$work/render-cost.log" >&2; exit 1; }
value() { awk -v k="$1" '$1 == k { print $2 }' "$work/render-cost.txt"; }

echo "Medians of $runs alternating runs, $(nproc) cores, $(date -u +%Y-%m-%d); PDFs the same for java -jar," \
  "render.threads=1 and bin/bantin: $same"
echo
echo "| \`run --period $period\` on the sample (province + 154 units, outbox) | wall | CPU | peak RSS | wall vs. cold | goal |"
echo "|---|---|---|---|---|---|"
awk -v cores="$(nproc)" "$MEDIANS_AWK"'
  END {
    split("cold no-cache again threads1 cds c1 launcher again-launcher first-launcher", order, " ")
    what["cold"] = "cold: fresh store, out/, outbox/; compiled templates kept (`java -jar`)"
    what["no-cache"] = "cold, without the compiled templates (var/compiled-templates removed)"
    what["again"] = "the same run again: the period delivered, nothing new sent"
    what["threads1"] = "cold, `render.threads=1`"
    what["cds"] = "cold, with the CDS archive (`-XX:SharedArchiveFile`)"
    what["c1"] = "cold, C1 only (`-XX:TieredStopAtLevel=1`)"
    what["launcher"] = "cold, `bin/bantin` (the archive and C1 only)"
    what["again-launcher"] = "the same run again through `bin/bantin`"
    what["first-launcher"] = "`bin/bantin`, first run: makes the archive (measured once)"
    goal["cold"] = "≤ 8 s"; goal["again"] = "≤ 3 s"; goal["launcher"] = "≤ 8 s"; goal["again-launcher"] = "≤ 3 s"
    cw = median(wall["cold"])
    for (k = 1; k <= 9; k++) {
      v = order[k]
      w = median(wall[v])
      printf "| %s | %.1f s | %.1f s | %d MiB | %.2f× | %s |\n", what[v], w, median(cpu[v]), median(rss[v]) / 1024,
        w / cw, (v in goal) ? goal[v] : ""
    }
    printf "\nThe whole run with render.threads=%d (one per core) took %.2f× the wall time of render.threads=1.\n", cores,
      cw / median(wall["threads1"])
  }' "$work/times"
echo
echo "| warm, one JVM (bench/render-cost; $(value units) unit bulletins, PDF + XLSX) | bantin | against | ratio | goal |"
echo "|---|---|---|---|---|"
awk -v b="$(value bantin_ms)" -v j="$(value jasper_ms)" -v p="$(value parameters_ms)" \
    -v one="$(value all_1_ms)" -v n="$(value all_n_ms)" -v t="$(value threads)" 'BEGIN {
  printf "| one unit bulletin (fill, export, files), against JasperReports alone | %.1f ms | %.1f ms | %.2f× | ≤ 1.3× |\n", b, j, b / j
  printf "| its parameters (UnitParameters.build), not counted above | %.2f ms | | | |\n", p
  printf "| all unit bulletins on %d threads, against 1 thread | %.1f s | %.1f s | %.2f× | ≤ 0.6× |\n", t, n / 1000, one / 1000, n / one
}'
