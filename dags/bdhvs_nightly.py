"""
bdhvs_nightly: the nightly pipeline of the "Bình dân học vụ số" indicator warehouse of Hải Phòng.

One SparkSubmitOperator per job of jobs/pipeline.json, the file the local runner (bdhvs run) reads:
its jobs are the tasks and its dependsOn lists are the edges (ingest per source, independent ->
link_persons -> build_cubes -> build_warehouse -> write_report). Each task runs
`bdhvs run --job <job> --date {{ ds }}`, one job for one date, and leaves its own run manifest.

The schedule comes from the same file: daily at 01:00 Asia/Ho_Chi_Minh, as a CronTriggerTimetable in
Airflow 2.9+ and 3.x alike (Airflow 3 changed what a bare cron string means). The 01:00 trigger is
18:00 UTC the day before and {{ ds }} is the UTC date of the logical date, so each run's date is the
Hải Phòng day that has just ended. Catchup creates the runs of missed nights; runs never overlap
(max_active_runs=1) and tasks run one at a time (max_active_tasks=1): every bdhvs run holds the
warehouse's single-writer lock, so two ingest tasks started together would refuse each other.

Airflow Variables read when a task runs: bdhvs_jar (the cluster jar, mvn -Pcluster package),
bdhvs_landing, bdhvs_warehouse, bdhvs_key_file (the pseudonymization key, on the machine running
the driver). Connection: bdhvs_spark (the Spark master). Environment of the scheduler and workers:
BDHVS_PIPELINE_JSON (where jobs/pipeline.json is, when it is not beside the DAGs folder),
BDHVS_ALERT_EMAIL (comma-separated addresses for failure e-mails), BDHVS_ALERT_WEBHOOK (a chat
webhook that gets {"text": ...} when a task fails).
"""
from __future__ import annotations

import json
import logging
import os
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.timetables.trigger import CronTriggerTimetable

try:
    from airflow.sdk import DAG  # Airflow 3
except ImportError:
    from airflow import DAG  # Airflow 2.9+

MAIN_CLASS = "vn.haiphong.bdhvs.cli.Main"
SPARK_CONN_ID = "bdhvs_spark"
# Rendered when a task runs, never while the DAG file is parsed.
RUN_DATE = "{{ ds }}"
LANDING = "{{ var.value.bdhvs_landing }}"
WAREHOUSE = "{{ var.value.bdhvs_warehouse }}"
KEY_FILE = "{{ var.value.bdhvs_key_file }}"
JAR = "{{ var.value.bdhvs_jar }}"


def pipeline_path() -> Path:
    """jobs/pipeline.json: beside the DAGs folder (dags/ and jobs/ deployed together) unless configured."""
    configured = os.environ.get("BDHVS_PIPELINE_JSON")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "jobs" / "pipeline.json"


def job_arguments(job: str) -> list[str]:
    """The bdhvs command line of one task: one job of the graph for the run's date."""
    return ["run", "--job", job, "--date", RUN_DATE, "--landing", LANDING, "--warehouse", WAREHOUSE,
            "--key-file", KEY_FILE]


def alert_failure(context) -> None:
    """Says which job failed for which date, in the task log and, if configured, on a chat webhook."""
    ti = context["ti"]
    text = (f"bdhvs_nightly: {ti.task_id} failed for {context['ds']} "
            f"(try {ti.try_number} of {ti.max_tries + 1}): {context.get('exception')}. "
            f"Log: {getattr(ti, 'log_url', '')}")
    logging.getLogger(__name__).error(text)
    webhook = os.environ.get("BDHVS_ALERT_WEBHOOK")
    if webhook:
        request = urllib.request.Request(webhook, data=json.dumps({"text": text}).encode("utf-8"),
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except OSError as e:
            # An alert that cannot be sent must not hide the task's own failure.
            logging.getLogger(__name__).error("cannot post the alert to BDHVS_ALERT_WEBHOOK: %s", e)


def nightly_dag() -> DAG:
    """The DAG of jobs/pipeline.json: one spark-submit per job, edges from dependsOn."""
    pipeline = json.loads(pipeline_path().read_text(encoding="utf-8"))
    schedule = pipeline["schedule"]
    zone = pendulum.timezone(schedule["timezone"])
    first = date.fromisoformat(schedule["startDate"])
    emails = [a.strip() for a in os.environ.get("BDHVS_ALERT_EMAIL", "").split(",") if a.strip()]
    default_args = {
        "owner": "bdhvs",
        "retries": 3,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(hours=1),
        "execution_timeout": timedelta(hours=4),
        "email": emails,
        "email_on_failure": True,
        "email_on_retry": False,
        "on_failure_callback": alert_failure,
    }
    with DAG(
        dag_id=schedule["dagId"],
        description=pipeline["description"],
        doc_md=__doc__,
        schedule=CronTriggerTimetable(schedule["cron"], timezone=zone),
        start_date=pendulum.datetime(first.year, first.month, first.day, tz=zone),
        catchup=True,
        max_active_runs=1,
        max_active_tasks=1,
        default_args=default_args,
        tags=["bdhvs"],
    ) as dag:
        tasks = {
            job["name"]: SparkSubmitOperator(
                task_id=job["name"],
                doc_md=job["description"],
                conn_id=SPARK_CONN_ID,
                application=JAR,
                java_class=MAIN_CLASS,
                name=f"bdhvs-{job['name']}",
                application_args=job_arguments(job["name"]),
            )
            for job in pipeline["jobs"]
        }
        for job in pipeline["jobs"]:
            for upstream in job["dependsOn"]:
                tasks[upstream] >> tasks[job["name"]]
    return dag


dag = nightly_dag()
