"""What the bdhvs notebooks share: where the warehouse is, and running the SQL of notebooks/sql/.

Every query a notebook runs lives in sql/<name>.sql, so the test suite can run each one against a
freshly built warehouse (no notebook drifts from the schema). query("kpi_progress") returns the
answer as a pandas DataFrame.

The warehouse is $BDHVS_WAREHOUSE, else the demo's (demo/warehouse beside notebooks/). With DuckDB's
Python package (pip install duckdb) the file is opened read-only in this process; without it, the SQL
goes through bin/bdhvs query (the project's own DuckDB, run by Java) and comes back as CSV, which is
slower (a JVM per query) but needs nothing beyond Debian's python3-pandas.
"""

import csv
import io
import json
import os
import pathlib
import subprocess

import pandas as pd

NOTEBOOKS = pathlib.Path(__file__).resolve().parent
REPO = NOTEBOOKS.parent
WAREHOUSE = pathlib.Path(os.environ.get("BDHVS_WAREHOUSE", REPO / "demo" / "warehouse")).resolve()
WARD_BOUNDARIES = REPO / "reference" / "hai_phong_units_2025.geojson"


def sql_file(name):
    """The path of sql/<name>.sql."""
    return NOTEBOOKS / "sql" / f"{name}.sql"


def query(name):
    """Runs sql/<name>.sql on the warehouse's bdhvs.duckdb, read-only, and returns a DataFrame."""
    database = WAREHOUSE / "bdhvs.duckdb"
    if not database.is_file():
        raise FileNotFoundError(
            f"không có kho dữ liệu tại {WAREHOUSE}: hãy chạy bin/bdhvs demo trong {REPO} trước, "
            "hoặc đặt BDHVS_WAREHOUSE là thư mục kho dữ liệu có bdhvs.duckdb")
    try:
        import duckdb
    except ImportError:
        return _through_bdhvs_query(name)
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.sql(sql_file(name).read_text(encoding="utf-8")).df()


def _through_bdhvs_query(name):
    answer = subprocess.run(
        [str(REPO / "bin" / "bdhvs"), "query", "--warehouse", str(WAREHOUSE), "--format", "csv",
         "--file", str(sql_file(name))],
        capture_output=True, text=True, encoding="utf-8", check=False)
    if answer.returncode != 0:
        raise RuntimeError(f"bin/bdhvs query không chạy được sql/{name}.sql: {answer.stderr.strip()}")
    header = next(csv.reader(io.StringIO(answer.stdout)))
    # Codes stay text even when they look like numbers (ward 10507); CSV has no types of its own.
    codes = {c: str for c in header if c == "month" or c == "target_group" or c.endswith("_code")}
    return pd.read_csv(io.StringIO(answer.stdout), dtype=codes)


def latest_closed_month():
    """The latest closed month ("2025-11"): every source complete for it at the run date, as kpi_latest shows."""
    months = query("latest_closed_month")["month"]
    if months.empty:
        raise ValueError(f"{WAREHOUSE} chưa có tháng nào chốt số liệu: tháng nào cũng còn chờ dữ liệu gửi về hoặc "
                         "chờ đến hạn báo cáo; đặt MONTH để xem một tháng dù chưa chốt")
    return str(months.iloc[0])


def ward_shapes():
    """The 114 wards' boundaries: {ward_code: [polygon rings as lists of (lon, lat)]}."""
    features = json.loads(WARD_BOUNDARIES.read_text(encoding="utf-8"))["features"]
    shapes = {}
    for feature in features:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        shapes[feature["properties"]["code"]] = [polygon[0] for polygon in polygons]
    return shapes


# Chart words: officials read the charts, so titles, axes and legends are Vietnamese; codes stay in the data.
BASIS_VI = {"reported": "Báo cáo", "measured": "Đo trên nền tảng"}


def month_vi(month):
    """A cube month ("2025-11") as the reports write it: "11/2025"."""
    year, number = str(month).split("-")
    return f"{int(number)}/{year}"


def number_vi(value):
    """A count as Vietnamese reports write it: 311.243."""
    return f"{value:,.0f}".replace(",", ".")
