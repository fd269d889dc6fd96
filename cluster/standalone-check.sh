#!/usr/bin/env bash
# The cluster jar on a real Spark standalone cluster: builds target/bdhvs-cluster.jar, generates
# the small sample, runs the pipeline once in local mode and once through spark-submit's main
# class on a Master and a Worker started here on 127.0.0.1, and fails unless both warehouses hold
# the same rows in every cube, staged table and reject (all columns but run_id).
# Usage: cluster/standalone-check.sh   (CHECK_DIR=/tmp/x: work there, default a new temp dir;
#        LAUNCH=bdhvs: start the cluster run with bdhvs run --master instead of spark-submit)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${CHECK_DIR:-$(mktemp -d /tmp/bdhvs-cluster.XXXXXX)}"
date=2025-12-10
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$here/pom.xml")
export SPARK_LOCAL_IP=127.0.0.1
say() { echo "cluster-check: $*"; }
seconds() { echo $(( $(date +%s) - $1 )); }
mkdir -p "$work"
work="$(cd "$work" && pwd)"
rm -rf "$work/local-warehouse" "$work/cluster-warehouse" "$work/spark"

t=$(date +%s)
(cd "$here" && mvn -B -q -Pcluster -DskipTests package \
  && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/full-classpath.txt" -Dmdep.includeScope=runtime) >&2
jar="$here/target/bdhvs-cluster.jar"
say "built $jar ($(du -h "$jar" | cut -f1)) in $(seconds "$t") s"

# No Spark distribution is installed here, so make one: SPARK_HOME/jars holds what a Spark 3.5
# distribution's jars/ folder holds — Spark and its dependencies from the build's classpath, without
# bdhvs's own libraries (DuckDB, picocli, Arrow's C data interface), which only the cluster jar carries.
# The Worker builds each executor's classpath from SPARK_HOME/jars (launcher's AbstractCommandBuilder).
spark_home="$work/spark"
mkdir -p "$spark_home/jars" "$spark_home/work"
tr ':' '\n' < "$work/full-classpath.txt" | grep -Ev '/(duckdb_jdbc|picocli|arrow-c-data)-[^/]*\.jar$' \
  | while read -r f; do ln -s "$f" "$spark_home/jars/"; done
export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.12   # as a distribution's load-spark-env.sh sets them
spark_cp="$spark_home/jars/*"
# shellcheck disable=SC2086
bdhvs() { java -Xmx2g $flags -cp "$spark_cp:$jar" vn.haiphong.bdhvs.cli.Main "$@"; }

t=$(date +%s)
bdhvs generate --out "$work/landing" --scale small --seed 7 > "$work/generate.log"
[[ -f "$work/pseudonym.key" ]] || head -c 48 /dev/urandom | base64 -w0 > "$work/pseudonym.key"
say "generated the small sample in $(seconds "$t") s ($(du -sh "$work/landing" | cut -f1))"

t=$(date +%s)
bdhvs run --landing "$work/landing" --warehouse "$work/local-warehouse" --date "$date" \
  --key-file "$work/pseudonym.key" > "$work/local-run.log" 2>&1 || { tail -20 "$work/local-run.log" >&2; exit 1; }
say "local mode (local[*], $(nproc) cores): pipeline in $(seconds "$t") s"

pids=()
stop_cluster() {
  # Each daemon leads its own process group (setsid), which also holds the executors the Worker started.
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$pid" 2>/dev/null || true
  done
}
trap stop_cluster EXIT
# The line a daemon logs once it listens, with its address: ports are chosen free (0) and read back.
address_in() {
  local log=$1 pattern=$2
  for _ in $(seq 120); do
    if grep -qo "$pattern" "$log"; then grep -o "$pattern" "$log" | head -1; return; fi
    sleep 0.5
  done
  say "no '$pattern' in $log after 60 s:" >&2; tail -20 "$log" >&2; exit 1
}

t=$(date +%s)
# shellcheck disable=SC2086
setsid java -Xmx512m $flags -cp "$spark_cp" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 0 --webui-port 0 > "$work/master.log" 2>&1 &
pids+=($!)
master=$(address_in "$work/master.log" 'spark://127\.0\.0\.1:[0-9]*')
master_ui=http://127.0.0.1:$(address_in "$work/master.log" "service 'MasterUI' on port [0-9]*" | grep -o '[0-9]*$')
# shellcheck disable=SC2086
setsid java -Xmx512m $flags -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 2g --webui-port 0 --work-dir "$spark_home/work" "$master" \
  > "$work/worker.log" 2>&1 &
pids+=($!)
for i in $(seq 120); do
  curl -fsS "$master_ui/json/" | grep -q '"state" *: *"ALIVE"' && break
  [[ $i == 120 ]] && { say "no worker registered with $master in 60 s:" >&2; tail -20 "$work/worker.log" >&2; exit 1; }
  sleep 0.5
done
say "standalone master $master (UI $master_ui) with one worker (2 cores, 2 GB) up in $(seconds "$t") s"

# spark-submit is a shell wrapper around SparkSubmit; the driver runs here (client mode), the
# executors under the Worker, which knows nothing of bdhvs but the jar the driver ships.
# LAUNCH=bdhvs runs bdhvs run --master instead, which ships the jar it runs from.
# Relative paths on purpose: an executor resolving one itself would write under the Worker's
# folder, not the warehouse, and the comparison below would fail.
t=$(date +%s)
cd "$work"
cluster_run=(run --landing landing --warehouse cluster-warehouse --date "$date" --key-file pseudonym.key)
if [[ "${LAUNCH:-spark-submit}" == bdhvs ]]; then
  bdhvs "${cluster_run[@]}" --master "$master" > "$work/cluster-run.log" 2>&1 || { tail -30 "$work/cluster-run.log" >&2; exit 1; }
  say "bdhvs run --master $master: pipeline in $(seconds "$t") s"
else
  # shellcheck disable=SC2086
  java -Xmx2g $flags -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit --class vn.haiphong.bdhvs.cli.Main \
    --master "$master" --executor-memory 1500m --total-executor-cores 2 "$jar" "${cluster_run[@]}" \
    > "$work/cluster-run.log" 2>&1 || { tail -30 "$work/cluster-run.log" >&2; exit 1; }
  say "spark-submit --master $master: pipeline in $(seconds "$t") s"
fi
tasks=$(cat "$spark_home"/work/app-*/*/stderr | grep -c 'Finished task' || true)
[[ $tasks -gt 0 ]] || { say "the executors ran no task (see $spark_home/work)" >&2; exit 1; }
say "the executors finished $tasks tasks ($(ls -d "$spark_home"/work/app-*/* | wc -l) executor(s))"
stop_cluster
trap - EXIT

# Every view over the Parquet but the run manifests, each row as JSON without run_id, sorted: one
# text per warehouse, equal byte for byte or the check fails.
views=$(bdhvs query --warehouse "$work/local-warehouse" --format csv \
  "SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name <> 'runs' ORDER BY 1" | tail -n +2)
sql=$(for v in $views; do
  echo "SELECT '$v' AS view, to_json(r)::VARCHAR AS row FROM (SELECT COLUMNS(c -> c <> 'run_id') FROM $v) r UNION ALL"
done)
sql="${sql% UNION ALL} ORDER BY ALL"
for side in local cluster; do
  bdhvs query --warehouse "$work/$side-warehouse" --format csv "$sql" > "$work/$side-rows.csv"
done
summary=$(bdhvs query --warehouse "$work/cluster-warehouse" --format csv "$(for v in $views; do
  echo "SELECT '$v' AS view, count(*) AS rows FROM $v UNION ALL"; done | sed '$ s/ UNION ALL$//')" \
  | tail -n +2 | sed 's/,/ /' | paste -sd, | sed 's/,/, /g')
if ! cmp -s "$work/local-rows.csv" "$work/cluster-rows.csv"; then
  say "the cluster's warehouse differs from local mode's (first differences; all rows in $work/*-rows.csv):" >&2
  diff "$work/local-rows.csv" "$work/cluster-rows.csv" | head -20 >&2
  exit 1
fi
say "equal: $(($(wc -l < "$work/local-rows.csv") - 1)) rows in $(echo "$views" | wc -w) views, all columns but run_id"
say "rows per view: $summary"
say "files in $work"
