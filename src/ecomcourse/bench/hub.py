"""``make bench``, the class on JupyterHub: seconds from a student's submit until their feedback
is released, one submission at a time; the time until the last feedback of a burst in which the
whole class submits at once; and the grading service's peak memory (its process tree: the
service, its workers and their kernels)."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from pathlib import Path

import nbformat
import psutil
from nbgrader.utils import parse_utc

from ..authoring.classroom import fill_answers, solution_sources
from ..hub import server
from ..hub.layout import Layout, student_name
from ..hub.on_submit import Journal
from .memory import PeakMemory

CHAPTER = "ch04_data_analysis"
SINGLE_RUNS = 3
GIVE_UP_SECONDS = 600


def run(root: Path, port: int, students: int = 30) -> dict:
    """Start a fresh class of ``students`` under ``root`` (its course environment is kept between
    runs), measure, then stop it and remove its accounts."""
    layout = Layout(root)
    for part in (layout.course, layout.exchange, layout.state):
        shutil.rmtree(part, ignore_errors=True)
    server.start(students, port, root, say=lambda _message: None)
    try:
        names = [student_name(i) for i in range(1, students + 1)]
        for name in names:
            _shell(name, f"nbgrader fetch_assignment {CHAPTER}")
            _solve(name)
        single = [_one_submission(layout, name) for name in names[:SINGLE_RUNS]]
        burst, grading, memory = _burst(layout, names)
    finally:
        server.stop(root, remove_accounts=True, say=lambda _message: None)
    return {"chapter": CHAPTER, "single_submission_seconds": single,
            "single_submission_p50": round(statistics.median(single), 1),
            "burst_students": students, "burst_last_feedback_seconds": round(burst, 1),
            "burst_first_landing_to_last_feedback_seconds": round(grading, 1),
            "service_peak_mb": round(memory.peak_pss_mb), "service_peak_rss_sum_mb": round(memory.peak_mb)}


def _shell(user: str, command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["su", "-", user, "-c", command], capture_output=True, text=True, check=check)


def _solve(user: str) -> None:
    path = Path(f"~{user}").expanduser() / CHAPTER / f"{CHAPTER}.ipynb"
    solved = fill_answers(nbformat.read(path, as_version=4), solution_sources(CHAPTER))
    path.write_text(nbformat.writes(solved), encoding="utf-8")
    shutil.chown(path, user, user)


def _one_submission(layout: Layout, user: str) -> float:
    """Seconds from the start of the student's submit until the service released its feedback."""
    journal = Journal(layout.on_submit / "journal.jsonl")
    before = len(journal.entries())
    started = time.time()
    _shell(user, f"nbgrader submit {CHAPTER}")
    while len(journal.entries()) == before:
        if time.time() - started > GIVE_UP_SECONDS:
            raise RuntimeError(f"no feedback for {user} within {GIVE_UP_SECONDS} s")
        time.sleep(0.05)
    entry = journal.entries()[-1]
    if entry["outcome"] != "graded" or entry["student"] != user:
        raise RuntimeError(f"the service recorded {entry} for {user}'s submission")
    return round(entry["at"] - started, 2)


def _burst(layout: Layout, users: list[str]) -> tuple[float, float, PeakMemory]:
    """Every student submits at once: seconds until the last one's feedback is released, seconds
    from the first submission's time (nbgrader's timestamp) to that release, and the service's
    peak memory meanwhile."""
    journal = Journal(layout.on_submit / "journal.jsonl")
    before = len(journal.entries())
    with PeakMemory(_service) as memory:
        seconds = _submit_all(journal, before, users)
    entries = journal.entries()[before:]
    grading = max(e["at"] for e in entries) - min(parse_utc(e["timestamp"]).timestamp() for e in entries)
    return seconds, grading, memory


def _submit_all(journal: Journal, before: int, users: list[str]) -> float:
    started = time.monotonic()
    submits = [subprocess.Popen(["su", "-", user, "-c", f"nbgrader submit {CHAPTER}"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for user in users]
    for submit in submits:
        submit.wait()
    while len(journal.entries()) < before + len(users):
        if time.monotonic() - started > GIVE_UP_SECONDS:
            raise RuntimeError(f"the burst was not graded within {GIVE_UP_SECONDS} s")
        time.sleep(0.2)
    return time.monotonic() - started


def _service() -> psutil.Process | None:
    """The grading service (its workers, sandboxes and kernels are below it)."""
    return next((p for p in psutil.process_iter(["cmdline"]) if "grade-on-submit" in (p.info["cmdline"] or [])), None)
