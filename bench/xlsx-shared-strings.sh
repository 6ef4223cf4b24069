#!/usr/bin/env bash
# Benchmark: a dossiers export as .xlsx with 1,000,000 rows and 3,000,000 distinct shared strings (ids and two
# free-text columns), read by `data check` with a 256 MB heap. POI's in-memory shared strings table ran out of that
# heap; the strings now go to temporary files (source/XlsxSharedStrings).
# Usage: bench/xlsx-shared-strings.sh [rows]   (default 1000000; 3 shared strings per row)
# Prints the check's verdict for dossiers.xlsx, then wall time and peak memory (resident set) of the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
work=${BENCH_DIR:-target/bench-xlsx}
jar=target/bantin.jar
[ -f "$jar" ] || mvn -q -DskipTests package
[ -f target/test-classes/vn/bantin/source/SharedStringsWorkbook.class ] || mvn -q -DskipTests test-compile
rm -rf "$work"
mkdir -p "$work/config"
cp -r data/sample/2022 "$work/data"
rm "$work/data/dossiers.csv"
java -cp target/test-classes vn.bantin.source.SharedStringsWorkbook "$work/data/dossiers.xlsx" "$rows"
cp config/bantin.properties config/recipients.csv "$work/config/"
echo "source.dossiers.file=dossiers.xlsx" >> "$work/config/bantin.properties"
ls -la "$work/data/dossiers.xlsx"
start=$(date +%s.%N)
/usr/bin/env time -f "peak RSS %M KB" java -Xmx256m -jar "$jar" data check --period 2022 --data "$work/data" \
  --config "$work/config" 2>&1 | grep -A3 -E "^dossiers.xlsx|^OK|^STOP|^error|OutOfMemory|peak RSS"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "wall time %.1f s with -Xmx256m\n", e - s }'
