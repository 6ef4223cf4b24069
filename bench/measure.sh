# Sourced by bench/compare.sh and bench/run-speed.sh: one way to measure a whole process and to take medians.

# One measured process: appends "name wall cpu rss_kb" to $work/times; its output goes to $work/last-<name>.log.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/last-$name.log" 2>&1 \
    || { echo "$name failed, see $work/last-$name.log" >&2; tail -3 "$work/last-$name.log" >&2; exit 1; }
  awk -v n="$name" '{ printf "%s %.2f %.2f %d\n", n, $1, $2 + $3, $4 }' "$work/time.txt" >> "$work/times"
}

# awk, put before a program that reads $work/times: median() of a space-separated list, and the lists wall[name],
# cpu[name] and rss[name] of every measured run.
MEDIANS_AWK='
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $4 }
'
