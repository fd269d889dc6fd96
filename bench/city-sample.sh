# Sourced by the city benchmarks: checks for GNU time, generates the city sample once under $work
# (BENCH_DIR, default /tmp/bdhvs-bench) and exports a throwaway pseudonymization key.
work="${BENCH_DIR:-/tmp/bdhvs-bench}"
if [[ ! -x /usr/bin/time ]]; then
  echo "bench: needs GNU time for peak memory: apt-get install time" >&2
  exit 2
fi
mkdir -p "$work"
if [[ ! -f "$work/landing/_generated/expected.json" ]]; then
  echo "bench: generating the city sample in $work/landing"
  /usr/bin/time -f "bench: generated in %e s, peak RSS %M KiB" "$here/bin/bdhvs" generate --out "$work/landing" --scale city --seed 1 > "$work/generate.log"
fi
export BDHVS_PSEUDONYM_KEY="${BDHVS_PSEUDONYM_KEY:-bench-only-key-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
