#!/usr/bin/env bash
# Cluster benchmark: the province bulletin and 1,000 unit bulletins of 2022-12 (generate --units 1000: Bắc Ninh's 154
# units and 846 made-up communes, one clerk per unit and 4 leaders: 1,004 messages), sent by one serve node, then by
# two serve nodes of this machine sharing one PostgreSQL database. Each round gets a fresh database; the messages go
# to the outbox (no mail server). Prints, per round, the wall time from `trigger` to the last message recorded as sent
# in the ledger, and how many messages each node sent.
#
# Usage: bench/cluster-benchmark.sh [units] [nodes...]      (defaults: 1000, then rounds of 1 and 2 nodes)
# Needs PostgreSQL on 127.0.0.1:5432 where user postgres may create databases without a password (PGHOST, PGPORT,
# PGUSER change that; give the password in BANTIN_STORE_PASSWORD and PGPASSWORD), and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-1000}
shift || true
rounds=("$@")
[ ${#rounds[@]} -gt 0 ] || rounds=(1 2)
work=${BENCH_DIR:-target/bench-cluster}
jar=target/bantin.jar
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=bantin_bench_$$
[ -f "$jar" ] || mvn -q -DskipTests package
mkdir -p "$work"
work=$(cd "$work" && pwd)
# The nodes run a copy: a build meanwhile must not change the classes under them.
cp "$jar" "$work/bantin.jar" && jar=$work/bantin.jar

if [ ! -f "$work/data/.done-$units" ]; then
  rm -rf "$work/data"
  java -jar "$jar" generate --out "$work/data" --units "$units"
  touch "$work/data/.done-$units"
fi
expected=$(( $(tail -n +2 "$work/data/recipients.csv" | wc -l) ))

# The project's config with the generated recipients, the store on PostgreSQL, the messages to the outbox, and the
# scheduler's defaults except a 5 s check-in and a 1 s poll (the trigger is taken at once).
rm -rf "$work/config" && cp -r config "$work/config"
cp "$work/data/recipients.csv" "$work/config/recipients.csv"
cat >> "$work/config/bantin.properties" <<EOF

data.dir=$work/data
out.dir=$work/out
outbox.dir=$work/outbox
templates.dir=$(pwd)/templates
store.url=jdbc:postgresql://$PGHOST:$PGPORT/$db
store.user=$PGUSER
EOF
printf 'time-zone=Asia/Ho_Chi_Minh\nbatch-size=50\nthreads=2\npoll-seconds=1\ncheckin-seconds=5\n' > "$work/config/schedules.properties"

pids=()
stop_nodes() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]:-}"; do [ -n "$p" ] && wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_nodes; dropdb --if-exists "$db" 2>/dev/null || true' EXIT

sql() { psql -d "$db" -Atq -c "$1"; }

for nodes in "${rounds[@]}"; do
  dropdb --if-exists "$db" && createdb "$db"
  rm -rf "$work/out" "$work/outbox" "$work"/node-*.log
  # The first node migrates the fresh database; the others start once it serves.
  for i in $(seq 1 "$nodes"); do
    java -Xmx512m -jar "$jar" serve --config "$work/config" > "$work/node-$i.log" 2>&1 &
    pids+=($!)
    until grep -q "^serving;" "$work/node-$i.log"; do
      kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/node-$i.log"; exit 1; }
      sleep 0.5
    done
  done
  start=$(date +%s.%N)
  java -jar "$jar" trigger --bulletin province,unit --period 2022-12 --config "$work/config" > /dev/null
  until [ "$(sql "SELECT COUNT(*) FROM delivery WHERE period_key = '2022-12' AND status = 'sent'")" -ge "$expected" ]; do
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { echo "a node ended:"; cat "$work"/node-*.log; exit 1; }; done
    sleep 1
  done
  end=$(date +%s.%N)
  by_node=$(sql "SELECT sent_by || ': ' || COUNT(*) FROM delivery WHERE period_key = '2022-12' GROUP BY sent_by ORDER BY 1" | paste -sd ',' | sed 's/,/, /g')
  awk -v s="$start" -v e="$end" -v n="$nodes" -v m="$expected" -v u="$units" -v b="$by_node" \
    'BEGIN { printf "%d node(s): %d messages (province + %d unit bulletins) delivered in %.1f s from trigger; sent by %s\n", n, m, u, e - s, b }'
  stop_nodes
done
