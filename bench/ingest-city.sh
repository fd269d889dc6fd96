#!/usr/bin/env bash
# Ingest benchmark at city scale: generates the city sample once, then runs the ingest RUNS times
# (default 3) on a fresh warehouse and prints wall time and peak RSS per run and their median,
# then the rows read / accepted / rejected per source and the rejects by reason of the last run.
# Usage: bench/ingest-city.sh            (RUNS=5 BENCH_DIR=/data/bench bench/ingest-city.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
# shellcheck source=bench/city-sample.sh
source "$here/bench/city-sample.sh"
echo "bench: $(du -sh "$work/landing" | cut -f1) of exports, $(find "$work/landing" -type f -not -path '*/_generated/*' | wc -l) files; $(nproc) cores; JVM options ${BDHVS_JAVA_OPTS:--Xmx4g}"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/warehouse"
  /usr/bin/time -f "%e %M" -o "$work/time.$i" "$here/bin/bdhvs" run --landing "$work/landing" \
    --warehouse "$work/warehouse" --date 2025-12-31 > "$work/run.$i.log" 2>&1
  read -r wall rss < "$work/time.$i"
  printf 'bench: run %d: %6.1f s wall, peak RSS %5d MiB\n' "$i" "$wall" "$((rss / 1024))"
done
python3 - "$work" "$runs" <<'PY'
import glob, json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
t = [tuple(map(float, open(f"{work}/time.{i}").read().split())) for i in range(1, runs + 1)]
walls, rss = [w for w, _ in t], [r / 1024 for _, r in t]
print(f"bench: median of {runs}: {statistics.median(walls):.1f} s wall (min {min(walls):.1f}, max {max(walls):.1f}); "
      f"peak RSS {statistics.median(rss):.0f} MiB (min {min(rss):.0f}, max {max(rss):.0f})")
m = json.load(open(sorted(glob.glob(f"{work}/warehouse/runs/*.json"))[-1]))
print("bench: stage seconds (last run): " + ", ".join(f"{s['job']} {s['seconds']:.1f}" for s in m["stages"]))
print(f"{'source':<14}{'files':>7}{'rows read':>12}{'accepted':>12}{'rejected':>10}  rejects by reason")
for name, s in m["sources"].items():
    reasons = ", ".join(f"{k} {v}" for k, v in s["rejects_by_reason"].items())
    print(f"{name:<14}{len(s['files']):>7}{s['rows_read']:>12,}{s['rows_accepted']:>12,}{s['rows_rejected']:>10,}  {reasons}")
print("staged rows: " + ", ".join(f"{k} {v:,}" for k, v in m["written"].items()))
PY
