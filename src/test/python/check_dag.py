"""
Checks an Airflow DAG file without Airflow (it cannot be installed here): Debian's python3 and the
standard library only. Prints one JSON object on stdout for the Java test to compare with
jobs/pipeline.json.

  python3 check_dag.py DAG_FILE --airflow 2|3 [--fail-task TASK]

1. "top_level_violations": every top-level statement that is not a docstring, an import (plain or
   in try/except ImportError), a constant, a function definition, or the one call that builds the
   DAG. Read with ast: nothing of the file runs for this part.
2. "dags": the file executed as Airflow's DAG processor would, with small stand-ins for the airflow,
   Spark provider and pendulum modules put in sys.modules first. The stand-ins record what the file
   asks for: the DAG's arguments, every task with its arguments, every edge. --airflow 3 offers
   DAG only from airflow.sdk, --airflow 2 only from airflow, so both import paths are exercised.
3. "alert": with --fail-task, the DAG's on_failure_callback called as Airflow would for that task.
"""
from __future__ import annotations

import argparse
import ast
import json
import runpy
import sys
import types
from datetime import timedelta

DAGS: list = []
CONTEXT: list = []  # the DAGs of open `with DAG(...)` blocks


def top_level_violations(path: str) -> list[str]:
    tree = ast.parse(open(path, encoding="utf-8").read(), filename=path)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    violations, builds = [], 0
    for i, node in enumerate(tree.body):
        if i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef)):
            continue
        if isinstance(node, ast.Try) and all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in node.body) and all(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                and all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in h.body) for h in node.handlers) \
                and not node.orelse and not node.finalbody:
            continue
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            value = node.value
            if is_constant(value):
                continue
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in defined \
                    and not value.args and not value.keywords:
                builds += 1
                continue
        violations.append(f"line {node.lineno}: {ast.unparse(node).splitlines()[0]}")
    if builds != 1:
        violations.append(f"{builds} top-level calls build a DAG; expected exactly one")
    return violations


def is_constant(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(is_constant(e) for e in node.elts)
    return False


class Recorded:
    """What the DAG file passed to a stand-in, as JSON."""

    def __init__(self, kind: str, *args, **kwargs):
        self.kind, self.args, self.kwargs = kind, list(args), kwargs

    def as_json(self):
        return {"kind": self.kind, "args": plain(self.args), "kwargs": plain(self.kwargs)}


def plain(value):
    if isinstance(value, Recorded):
        return value.as_json()
    if isinstance(value, timedelta):
        return {"seconds": value.total_seconds()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if callable(value):
        return {"callable": getattr(value, "__name__", repr(value))}
    return value


class Dag(Recorded):
    def __init__(self, *args, **kwargs):
        super().__init__("DAG", *args, **kwargs)
        self.tasks, self.edges = {}, set()
        DAGS.append(self)

    def __enter__(self):
        CONTEXT.append(self)
        return self

    def __exit__(self, *exc):
        CONTEXT.pop()
        return False


class Operator(Recorded):
    def __init__(self, **kwargs):
        super().__init__("SparkSubmitOperator", **kwargs)
        self.task_id = kwargs["task_id"]
        self.dag = kwargs.get("dag") or (CONTEXT[-1] if CONTEXT else None)
        if self.dag is None:
            raise RuntimeError(f"task {self.task_id} belongs to no DAG")
        if self.task_id in self.dag.tasks:
            raise RuntimeError(f"task id {self.task_id} used twice")  # Airflow: DuplicateTaskIdFound
        self.dag.tasks[self.task_id] = self

    def set_downstream(self, other):
        for o in other if isinstance(other, (list, tuple)) else [other]:
            self.dag.edges.add((self.task_id, o.task_id))

    def set_upstream(self, other):
        for o in other if isinstance(other, (list, tuple)) else [other]:
            o.set_downstream(self)

    def __rshift__(self, other):
        self.set_downstream(other)
        return other

    def __lshift__(self, other):
        self.set_upstream(other)
        return other

    def __rrshift__(self, other):
        self.set_upstream(other)
        return self

    def __rlshift__(self, other):
        self.set_downstream(other)
        return self


def module(name: str, **attrs) -> types.ModuleType:
    m = types.ModuleType(name)
    m.__path__ = []  # a package, so that submodules import
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


def install_stand_ins(airflow_major: str) -> None:
    module("pendulum",
           timezone=lambda name: Recorded("timezone", name),
           datetime=lambda *a, **k: Recorded("datetime", *a, **k))
    if airflow_major == "3":
        module("airflow")
        module("airflow.sdk", DAG=Dag)
    else:
        module("airflow", DAG=Dag)
    module("airflow.timetables")
    module("airflow.timetables.trigger", CronTriggerTimetable=lambda *a, **k: Recorded("CronTriggerTimetable", *a, **k))
    for name in ("airflow.providers", "airflow.providers.apache", "airflow.providers.apache.spark",
                 "airflow.providers.apache.spark.operators"):
        module(name)
    module("airflow.providers.apache.spark.operators.spark_submit", SparkSubmitOperator=Operator)


def alert(dag: Dag, task_id: str) -> dict:
    """Calls the failure callback with the parts of Airflow's context that it may read."""
    callback = dag.kwargs.get("default_args", {}).get("on_failure_callback")
    ti = types.SimpleNamespace(task_id=task_id, try_number=4, max_tries=3, log_url="http://airflow.test/log")
    context = {"ti": ti, "task_instance": ti, "ds": "2025-12-10", "dag": dag,
               "exception": RuntimeError("spark-submit exited with code 1")}
    callback(context)
    return {"called": getattr(callback, "__name__", repr(callback))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dag_file")
    parser.add_argument("--airflow", choices=["2", "3"], required=True)
    parser.add_argument("--fail-task")
    options = parser.parse_args()
    report = {"airflow": options.airflow, "top_level_violations": top_level_violations(options.dag_file)}
    install_stand_ins(options.airflow)
    globals_of_file = runpy.run_path(options.dag_file, run_name="dag_under_check")
    # Airflow registers the DAG objects it finds among the file's globals.
    registered = [v for v in globals_of_file.values() if isinstance(v, Dag)]
    report["dags"] = [{"created": d.as_json(), "registered": d in registered, "tasks": [t.as_json() for t in d.tasks.values()],
                       "edges": sorted(list(e) for e in d.edges)} for d in DAGS]
    if options.fail_task:
        report["alert"] = alert(DAGS[0], options.fail_task)
    json.dump(report, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
