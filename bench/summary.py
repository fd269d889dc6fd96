"""Summarises the logs of bench/run.sh into results.md and results.json (Debian's python3 only)."""
import glob
import json
import os
import statistics
import sys

work, runs, scales = sys.argv[1], int(sys.argv[2]), sys.argv[3].split()
logs = os.path.join(work, "logs")


def timing(label):
    wall, rss = open(os.path.join(logs, label + ".time")).read().split()
    return float(wall), int(rss) / 1024


def spread(values, fmt="{:.1f}"):
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "text": f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"}


def manifest(label):
    return json.load(open(os.path.join(logs, label + ".manifest.json")))


def stages(m):
    """Per job: seconds and the rows it worked through (rows read for an ingest, staged rows for the cubes)."""
    staged = sum(v for k, v in m["written"].items() if k.startswith("staged/"))
    out = {}
    for stage, source in zip(m["stages"], m["sources"].values()):
        rows = source["rows_read"] if source["files"] else (staged if stage["job"] == "build_cubes" else None)
        out[stage["job"]] = {"seconds": stage["seconds"], "rows": rows}
    return out


full = [timing(f"full-city.{i}") for i in range(1, runs + 1)]
wall = spread([w for w, _ in full])
rss = spread([r for _, r in full], "{:.0f}")
city_stages = [stages(manifest(f"full-city.{i}")) for i in range(1, runs + 1)]
cube = json.load(open(os.path.join(logs, "bench-cube.json")))
spark_cube = spread(cube["spark_seconds"])
duck_cube = spread(cube["duckdb_seconds"])
ratio = spark_cube["median"] / duck_cube["median"]

result = {"machine": {"cores": os.cpu_count(), "jvm": os.environ.get("BDHVS_JAVA_OPTS", "-Xmx4g -XX:+UseParallelGC")},
          "runs": runs, "full_run_city_seconds": wall, "peak_rss_city_mib": rss,
          "cube": {"months": cube["months"], "rows": cube["rows"], "spark_seconds": spark_cube,
                   "duckdb_seconds": duck_cube, "spark_over_duckdb": ratio, "same_rows": cube["same_rows"]},
          "stages_city": {}, "scaling": {}}
lines = [f"Machine: {os.cpu_count()} cores, JVM {result['machine']['jvm']}; medians of {runs} runs (min–max).", "",
         "| measure | measured | target | met |", "|---|---|---|---|",
         f"| full nightly run, city | {wall['text']} s | ≤ 120 s | {'yes' if wall['median'] <= 120 else 'no'} |",
         f"| peak RSS, city | {rss['text']} MiB | ≤ 4096 MiB | {'yes' if rss['median'] <= 4096 else 'no'} |",
         f"| indicator cube, Spark | {spark_cube['text']} s | ≤ 2 × DuckDB | {'yes' if ratio <= 2 else 'no'} ({ratio:.1f} ×) |",
         f"| indicator cube, DuckDB (same process, same staged Parquet) | {duck_cube['text']} s | — | "
         f"same rows: {'yes' if cube['same_rows'] else 'NO'} ({cube['rows']:,} rows, {cube['months']}) |"]
for scale in scales:
    other = os.path.join(logs, f"bench-cube-{scale}.json")
    if scale != "city" and os.path.exists(other):
        c = json.load(open(other))
        s_, d_ = spread(c["spark_seconds"]), spread(c["duckdb_seconds"])
        result["cube"][scale] = {"rows": c["rows"], "spark_seconds": s_, "duckdb_seconds": d_,
                                 "spark_over_duckdb": s_["median"] / d_["median"], "same_rows": c["same_rows"]}
        lines.append(f"| indicator cube at {scale}, Spark / DuckDB | {s_['text']} s / {d_['text']} s | ≤ 2 × | "
                     f"{'yes' if s_['median'] <= 2 * d_['median'] else 'no'} ({s_['median'] / d_['median']:.1f} ×), "
                     f"same rows: {'yes' if c['same_rows'] else 'NO'} |")
if os.path.exists(os.path.join(logs, "incremental-city.1.time")):
    nights = spread([timing(f"incremental-city.{i}")[0] for i in range(1, runs + 1)])
    share = nights["median"] / wall["median"]
    night = manifest("incremental-city.1")
    read = {name: {"files": len(s["files"]), "rows": s["rows_read"]} for name, s in night["sources"].items() if s["files"]}
    result["incremental_night_city"] = {"seconds": nights, "over_full": share, "read": read,
                                        "stage_seconds": {s["job"]: s["seconds"] for s in night["stages"]}}
    lines.append(f"| incremental night (one day of deliveries), city | {nights['text']} s | ≤ 25 % of a full run | "
                 f"{'yes' if share <= 0.25 else 'no'} ({share:.0%}) |")
    lines.append(f"| what the night read | " + "; ".join(
        f"{n}: {v['files']} file{'s' if v['files'] != 1 else ''}, {v['rows']:,} row{'s' if v['rows'] != 1 else ''}"
        for n, v in read.items()) + " | — | — |")

targets_end = len(lines)
lines += ["", "Seconds per stage, city (median of the full runs):", "", "| stage | seconds | rows | rows/s |",
          "|---|---|---|---|"]
for job in city_stages[0]:
    secs = statistics.median(s[job]["seconds"] for s in city_stages)
    rows = city_stages[0][job]["rows"]
    result["stages_city"][job] = {"seconds": secs, "rows": rows}
    lines.append(f"| {job} | {secs:.1f} | {rows:,} | {rows / secs:,.0f} |" if rows else f"| {job} | {secs:.1f} | — | — |")

lines += ["", "Growth with input size (one run each; city: the median run). The marginal cost is the extra wall time per",
          "extra row read against the next smaller scale: below the average cost, cost grows less than linearly.", "",
          "| scale | rows read | wall s | peak RSS MiB | µs per row read | marginal µs per added row | "
          + " | ".join(city_stages[0]) + " |", "|---|---|---|---|---|---|" + "---|" * len(city_stages[0])]
for scale in scales:
    if scale == "city":
        w, r = wall["median"], rss["median"]
        per_stage = {job: statistics.median(s[job]["seconds"] for s in city_stages) for job in city_stages[0]}
        m = manifest("full-city.1")
    else:
        w, r = timing(f"full-{scale}.1")
        m = manifest(f"full-{scale}.1")
        per_stage = {job: v["seconds"] for job, v in stages(m).items()}
    rows = sum(s["rows_read"] for s in m["sources"].values())
    result["scaling"][scale] = {"rows_read": rows, "wall_seconds": w, "peak_rss_mib": r, "stage_seconds": per_stage}
previous = None
for scale, v in sorted(result["scaling"].items(), key=lambda kv: kv[1]["rows_read"]):
    rows, w = v["rows_read"], v["wall_seconds"]
    if previous:
        v["marginal_us_per_row"] = (w - previous["wall_seconds"]) / (rows - previous["rows_read"]) * 1e6
    lines.append(f"| {scale} | {rows:,} | {w:.1f} | {v['peak_rss_mib']:.0f} | {w / rows * 1e6:.1f} | "
                 + (f"{v['marginal_us_per_row']:.1f}" if previous else "—") + " | "
                 + " | ".join(f"{v['stage_seconds'].get(job, 0):.1f}" for job in city_stages[0]) + " |")
    previous = v

ordered = sorted(result["scaling"].values(), key=lambda v: v["rows_read"])
if len(ordered) > 1:
    # Linear or better: no scale costs more per row read than a smaller one, and no added row more than the average.
    linear = all(b["wall_seconds"] / b["rows_read"] <= a["wall_seconds"] / a["rows_read"] * 1.05
                 and b["marginal_us_per_row"] <= a["wall_seconds"] / a["rows_read"] * 1e6 * 1.05
                 for a, b in zip(ordered, ordered[1:]))
    result["cost_linear_or_better"] = linear
    lines.insert(targets_end, "| cost growth with input size | µs per row read "
                 + " → ".join(f"{v['wall_seconds'] / v['rows_read'] * 1e6:.1f}" for v in ordered)
                 + f" ({ordered[0]['rows_read']:,} → {ordered[-1]['rows_read']:,} rows) | linear or better | "
                 + ("yes" if linear else "no") + " |")

open(os.path.join(work, "results.md"), "w").write("\n".join(lines) + "\n")
json.dump(result, open(os.path.join(work, "results.json"), "w"), indent=2)
print("\n".join(lines))
print(f"\nbench: written {work}/results.md and {work}/results.json")
