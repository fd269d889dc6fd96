#!/usr/bin/env bash
# Incremental-night benchmark at city scale: one night's deliveries (DATE) on a warehouse that ran
# the night before (DATE - 1 day), against a full run for DATE on a fresh warehouse. Generates the
# city sample once (in $BENCH_DIR/landing), runs the night before once and copies its
# warehouse for each timed night; RUNS times each (default 3). Prints wall time and peak RSS per
# run, the medians and their ratio, the stage seconds of the last incremental night and what it read.
# Usage: bench/incremental-city.sh        (RUNS=5 DATE=2025-12-10 BENCH_DIR=/data/bench bench/incremental-city.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
date="${DATE:-2025-12-10}"
before="$(date -d "$date - 1 day" +%F)"
# shellcheck source=bench/city-sample.sh
source "$here/bench/city-sample.sh"
echo "bench: $(du -sh "$work/landing" | cut -f1) of exports; the night of $date after $before; $(nproc) cores; JVM options ${BDHVS_JAVA_OPTS:--Xmx4g}"

timed() { # label i warehouse date
  /usr/bin/time -f "%e %M" -o "$work/time.$1.$2" "$here/bin/bdhvs" run --landing "$work/landing" \
    --warehouse "$3" --date "$4" > "$work/run.$1.$2.log" 2>&1
  read -r wall rss < "$work/time.$1.$2"
  printf 'bench: %-11s run %d: %6.1f s wall, peak RSS %5d MiB\n' "$1" "$2" "$wall" "$((rss / 1024))"
}

rm -rf "$work/before"
echo "bench: the night before ($before), once, not timed"
"$here/bin/bdhvs" run --landing "$work/landing" --warehouse "$work/before" --date "$before" > "$work/run.before.log" 2>&1
for i in $(seq 1 "$runs"); do
  rm -rf "$work/full"
  timed full "$i" "$work/full" "$date"
  rm -rf "$work/night"
  cp -a "$work/before" "$work/night"
  timed incremental "$i" "$work/night" "$date"
done
python3 - "$work" "$runs" <<'PY'
import glob, json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
def walls(label):
    return [float(open(f"{work}/time.{label}.{i}").read().split()[0]) for i in range(1, runs + 1)]
full, night = walls("full"), walls("incremental")
print(f"bench: full run, median of {runs}: {statistics.median(full):.1f} s (min {min(full):.1f}, max {max(full):.1f})")
print(f"bench: incremental night, median of {runs}: {statistics.median(night):.1f} s (min {min(night):.1f}, max {max(night):.1f})")
print(f"bench: incremental / full = {100 * statistics.median(night) / statistics.median(full):.0f} %")
m = json.load(open(sorted(glob.glob(f"{work}/night/runs/*.json"))[-1]))
print("bench: stage seconds (last incremental night): " + ", ".join(f"{s['job']} {s['seconds']:.1f}" for s in m["stages"]))
for name, s in m["sources"].items():
    files = s.get("files", [])
    if files:
        print(f"bench:   {name}: read {len(files)} files ({', '.join(sorted(set(f['read_because'] for f in files)))}), {s['rows_read']:,} rows")
print("bench: written: " + ", ".join(f"{k} {v:,}" for k, v in m["written"].items() if not k.startswith("bdhvs.duckdb:")))
PY
