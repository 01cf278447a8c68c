"""``make bench``: the grading engine and grading on submit, each against plain nbgrader and the
execution floor measured in the same run. Prints a table and writes JSON. It sits above both
layers it measures (:mod:`ecomcourse.grading` and :mod:`ecomcourse.hub`)."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from ..grading.sandbox import choose_sandbox
from .grading import chapter_floors, class_grading, hostile_class, trusted_cost, whole_notebook_schedule

TARGET_SPEEDUP = 2.5  # engine on every core vs serial plain nbgrader, on 2 cores
TARGET_OVERHEAD = 0.10  # engine on every core vs the execution floor per core
TARGET_TRUSTED_COST = 0.10  # a notebook's run with the trusted checks vs without
TARGET_FEEDBACK = 0.5  # submit → feedback released vs plain nbgrader autograding that one notebook
TARGET_BURST = 0.8  # a burst's last feedback vs serial plain nbgrader's time for the burst ÷ cores
TARGET_SERVICE_MB = 1024
HUB_STUDENTS = 30
HUB_ROOT = Path("/tmp/ecomcourse-bench-hub")  # reachable by the class's accounts; its environment is reused


def run_bench(workspace: Path, size: int, out: Path, parts: tuple[str, ...] = ("class", "chapters", "hub")) -> dict:
    summary: dict = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "sandbox": choose_sandbox().mode}}
    if "class" in parts or "hub" in parts:
        summary["class"] = _class(workspace, size)
    if "chapters" in parts:
        summary["chapters"] = _chapters(workspace)
    if "hub" in parts:
        summary["hub"] = _hub(summary["class"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"wrote {out}")
    return summary


def _class(workspace: Path, size: int) -> dict:
    result = class_grading(workspace, size)
    n, cores = result["submissions"], result["cores"]
    print(f"benchmark: {n} submissions, {cores} cores, sandbox {choose_sandbox().mode}")
    floor = sum(result["floor"])
    rows = [("plain nbgrader autograde (serial)", result["plain_serial"], True)]
    rows += [(f"engine, {w} worker{'s' if w > 1 else ''}", run["seconds"], run["same_grades"])
             for w, run in result["engine"].items()]
    rows += [("execution floor (nbclient, serial)", floor, None),
             (f"execution floor per core (÷{cores})", floor / cores, None),
             (f"execution floor, whole notebooks on {cores} cores",
              whole_notebook_schedule(result["floor"], cores), None)]
    print(f"\n{'run':44} {'seconds':>8} {'s/notebook':>11} {'same grades':>12}")
    for label, seconds, same in rows:
        print(f"{label:44} {seconds:8.1f} {seconds / n:11.2f} {'' if same is None else ('yes' if same else 'NO'):>12}")
    fastest = result["engine"][cores]["seconds"]
    result["speedup_vs_nbgrader"] = round(result["plain_serial"] / fastest, 2)
    result["overhead_vs_floor_per_core"] = round(fastest / (floor / cores) - 1, 3)
    result["targets"] = {"speedup_vs_nbgrader": f">= {TARGET_SPEEDUP}",
                         "overhead_vs_floor_per_core": f"<= {TARGET_OVERHEAD}"}
    print(f"\nspeed-up over plain nbgrader: {result['speedup_vs_nbgrader']}× (target ≥ {TARGET_SPEEDUP}× on 2 cores)")
    print(f"above the execution floor per core: {result['overhead_vs_floor_per_core']:+.0%} "
          f"(target ≤ +{TARGET_OVERHEAD:.0%})")
    print(f"plain nbgrader autograde of one notebook: {result['plain_one_notebook']:.1f} s")
    return result


def _chapters(workspace: Path) -> dict:
    floors = chapter_floors()
    print(f"\n{'execution floor of the solved master':44} {'graded':>8} {'as a student':>13}")
    for chapter, seconds in floors.items():
        print(f"{chapter:44} {seconds['graded']:8.2f} {seconds['student']:13.2f}")
    costs = trusted_cost(workspace)
    print(f"\n{'trusted checks: s per solved notebook':44} {'with':>8} {'without':>8} {'cost':>7}  (target ≤ "
          f"+{TARGET_TRUSTED_COST:.0%})")
    for chapter, cost in costs.items():
        print(f"{chapter:44} {cost['with']:8.2f} {cost['without']:8.2f} {cost['cost']:+7.0%}")
    hostile = hostile_class(workspace)
    print(f"\n{'a class beside the red team (ch04)':44} {'notebooks':>9} {'seconds':>8} {'peak MB':>8} "
          f"{'genuine 27':>11}")
    for label, row in hostile.items():
        print(f"{label:44} {row['submissions']:9d} {row['seconds']:8.1f} {row['peak_mb']:8d} "
              f"{'yes' if row['genuine_full_marks'] else 'NO':>11}")
    return {"floor_seconds": floors, "trusted_checks": costs, "hostile_class": hostile}


def _hub(measured: dict) -> dict:
    """Grading on submit in a class on JupyterHub (needs root: it creates the class's accounts),
    against plain nbgrader measured on the same machine in the class part."""
    if os.geteuid() != 0:
        print("\nclass on JupyterHub: skipped (needs root, to create the class's accounts)")
        return {"skipped": "needs root"}
    from ..hub.server import free_port
    from . import hub

    print(f"\nclass on JupyterHub: {HUB_STUDENTS} students, {hub.CHAPTER} (about 4 minutes)")
    result = hub.run(HUB_ROOT, free_port(), HUB_STUDENTS)
    plain_each = measured["plain_serial"] / measured["submissions"]
    goal_single = TARGET_FEEDBACK * measured["plain_one_notebook"]
    goal_burst = TARGET_BURST * plain_each * HUB_STUDENTS / measured["cores"]
    result["targets"] = {"single_submission_p50": f"<= {goal_single:.1f}", "burst_last_feedback_seconds":
                         f"<= {goal_burst:.1f}", "service_peak_mb": f"<= {TARGET_SERVICE_MB}"}
    print(f"{'submit → feedback released, p50 of ' + str(hub.SINGLE_RUNS):44} {result['single_submission_p50']:8.1f} s"
          f"  (target ≤ {goal_single:.1f} s: {TARGET_FEEDBACK}× plain nbgrader on one notebook)")
    print(f"{f'burst of {HUB_STUDENTS}: until the last feedback':44} {result['burst_last_feedback_seconds']:8.1f} s"
          f"  (target ≤ {goal_burst:.1f} s: {TARGET_BURST}× serial plain nbgrader ÷ {measured['cores']} cores)")
    print(f"{'  of which: first submission → last feedback':44} "
          f"{result['burst_first_landing_to_last_feedback_seconds']:8.1f} s  (the rest: the 30 submit commands)")
    print(f"{'grading service, peak memory in the burst':44} {result['service_peak_mb']:8.0f} MB"
          f"  (target ≤ {TARGET_SERVICE_MB} MB; proportional set size of its process tree)")
    return result
