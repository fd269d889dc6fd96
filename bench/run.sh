#!/usr/bin/env bash
# The bdhvs benchmark (README "Performance"). Generates each sample once (seed 1), then measures on
# this machine, RUNS times each (default 3), median and min-max, peak RSS of the bdhvs process:
#   1. the full nightly pipeline at city scale, on a fresh warehouse each time;
#   2. an incremental night at city scale: the night of the last delivery date on a copy of a
#      warehouse that ran the night before (run once, not timed);
#   3. the indicator cube built by Spark and, in the same process on the same staged Parquet, by
#      DuckDB (bdhvs bench-cube), with the check that both give the same rows;
#   4. one full run at each of SCALES (default quarter-city and 4x-city), for rows/s per stage as
#      the input grows, and the cube comparison of 3. on that run's staged Parquet.
# Writes $BENCH_DIR/results.md and results.json and prints the Markdown.
# Usage: bench/run.sh        RUNS=5 BENCH_DIR=/data/bench SCALES="quarter-city 4x-city national" bench/run.sh
# Run it from a checkout nobody compiles in meanwhile, on an otherwise idle machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
work="${BENCH_DIR:-/tmp/bdhvs-bench}"
scales="${SCALES:-quarter-city 4x-city}"
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: needs GNU time for peak memory: apt-get install time" >&2
  exit 2
fi
mkdir -p "$work/logs"
export BDHVS_PSEUDONYM_KEY="${BDHVS_PSEUDONYM_KEY:-bench-only-key-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"

landing() { # scale -> landing folder, generated on first use
  local dir="$work/landing-$1"
  if [[ ! -f "$dir/_generated/expected.json" ]]; then
    echo "bench: generating the $1 sample in $dir" >&2
    rm -rf "$dir"
    # The generator holds the whole population in memory: about 11 GiB at national scale.
    BDHVS_JAVA_OPTS="${GENERATE_JAVA_OPTS:--Xmx14g}" /usr/bin/time -f "%e %M" -o "$work/logs/generate-$1.time" \
      "$here/bin/bdhvs" generate --out "$dir" --scale "$1" --seed 1 > "$work/logs/generate-$1.log"
  fi
  echo "$dir"
}

last_delivery() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["generator"]["last_delivery"])' "$1/_generated/expected.json"
}

timed() { # label, command... : runs it under GNU time into logs/<label>.{log,time}
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/logs/$label.time" "$@" > "$work/logs/$label.log" 2>&1 || {
    echo "bench: $label failed, see $work/logs/$label.log" >&2; tail -5 "$work/logs/$label.log" >&2; exit 1; }
  read -r wall rss < "$work/logs/$label.time"
  printf 'bench: %-22s %7.1f s wall, peak RSS %5d MiB\n' "$label" "$wall" "$((rss / 1024))" >&2
}

"$here/bin/bdhvs" --help > /dev/null # builds once, outside the timings
city="$(landing city)"
date="$(last_delivery "$city")"
echo "bench: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, JVM ${BDHVS_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC}; city: $(du -sh "$city/" | cut -f1), $(find "$city/" -type f -not -path '*/_generated/*' | wc -l) files; run date $date" >&2

for i in $(seq 1 "$runs"); do
  rm -rf "$work/wh-city"
  timed "full-city.$i" "$here/bin/bdhvs" run --landing "$city" --warehouse "$work/wh-city" --date "$date"
  cp "$(ls "$work"/wh-city/runs/*.json | tail -1)" "$work/logs/full-city.$i.manifest.json"
done

rm -rf "$work/wh-before"
echo "bench: the night before $date, once, not timed" >&2
"$here/bin/bdhvs" run --landing "$city" --warehouse "$work/wh-before" --date "$(date -d "$date - 1 day" +%F)" \
  > "$work/logs/night-before.log" 2>&1 || { echo "bench: see $work/logs/night-before.log" >&2; exit 1; }
for i in $(seq 1 "$runs"); do
  rm -rf "$work/wh-night"
  cp -a "$work/wh-before" "$work/wh-night"
  timed "incremental-city.$i" "$here/bin/bdhvs" run --landing "$city" --warehouse "$work/wh-night" --date "$date"
  cp "$(ls "$work"/wh-night/runs/*.json | tail -1)" "$work/logs/incremental-city.$i.manifest.json"
done
rm -rf "$work/wh-before" "$work/wh-night"

timed "bench-cube" "$here/bin/bdhvs" bench-cube --warehouse "$work/wh-city" --rounds "$runs" --json "$work/logs/bench-cube.json"

for scale in $scales; do
  dir="$(landing "$scale")"
  rm -rf "$work/wh-$scale"
  timed "full-$scale.1" "$here/bin/bdhvs" run --landing "$dir" --warehouse "$work/wh-$scale" --date "$(last_delivery "$dir")"
  cp "$(ls "$work/wh-$scale"/runs/*.json | tail -1)" "$work/logs/full-$scale.1.manifest.json"
  timed "bench-cube-$scale" "$here/bin/bdhvs" bench-cube --warehouse "$work/wh-$scale" --rounds "$runs" \
    --json "$work/logs/bench-cube-$scale.json"
  rm -rf "$work/wh-$scale"
done

python3 "$here/bench/summary.py" "$work" "$runs" "city $scales"
