"""``ecomcourse grade``: grade a class in parallel, sandboxed, with one outcome per submission.

The main process reads submissions, sanitises them with nbgrader's preprocessors and owns the
gradebook; workers (a process pool, or a Dask cluster) only execute notebooks in sandboxes.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
from tqdm import tqdm

from ..data.loader import data_folder
from ..data.store import write_csv
from .execute import Execution, Job, execute
from .feedback import write_feedback
from .gradebook import Course, GradingError, cell_results
from .report import write_report
from .sandbox import Limits, Sandbox, choose_sandbox
from .scan import review

STATUSES = ("graded", "invalid", "missing", "timeout", "memory", "kernel_died", "tampered", "flagged", "error")
COLUMNS = ["student_id", "assignment_id", "grade_id", "score", "max_score", "status", "message"]
ENGINE_VERSION = "1"
DEFAULT_LIMITS = Limits()


@dataclass
class Submission:
    student_id: str
    assignment_id: str
    notebook_id: str
    path: Path
    digest: str = ""
    lang: str = "zh"
    status: str = ""  # set before execution when the submission cannot run
    message: str = ""
    tampered: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    job: Job | None = None

    @property
    def key(self) -> str:
        return f"{self.student_id}/{self.assignment_id}/{self.notebook_id}"


@dataclass
class GradeRun:
    rows: pd.DataFrame
    sandbox: Sandbox
    skipped: int


def grade(assignments: list[str], submissions: Path, out: Path, course_folder: Path,
          workers: int | None = None, scheduler: str | None = None, limits: Limits = DEFAULT_LIMITS,
          only_changed: bool = False, allow_bubblewrap: bool = True, progress: bool = True,
          say: Callable[[str], None] = print) -> GradeRun:
    """Grade every student's submission of ``assignments`` found in ``submissions``."""
    if not submissions.is_dir() or not os.access(submissions, os.R_OK | os.X_OK):
        raise GradingError(f"cannot read the submissions folder {submissions}")
    course = Course.load(course_folder)
    expected = {assignment: course.notebooks(assignment) for assignment in assignments}
    sandbox = choose_sandbox(course.private_folders() + [submissions, out.parent], allow_bubblewrap)
    say(f"sandbox: {sandbox.describe()}")
    state_path = out.with_name(out.name + ".state.json")
    previous = _previous(out, state_path) if only_changed else {}
    subs = list(_discover(submissions, expected))
    rows: list[dict] = []
    to_run: list[Submission] = []
    skipped = 0
    for sub in subs:
        if sub.key in previous and previous[sub.key]["digest"] == sub.digest:
            rows += previous[sub.key]["rows"]
            skipped += 1
            continue
        _prepare(sub, course, sandbox, limits)
        if sub.job is None:
            rows += _unrunnable_rows(sub, course)
        else:
            to_run.append(sub)
    by_key = {sub.key: sub for sub in to_run}
    for execution in _run(to_run, workers, scheduler, progress):
        sub = by_key[f"{execution.student_id}/{execution.assignment_id}/{execution.notebook_id}"]
        rows += _finish(sub, execution, course)
    table = pd.DataFrame(rows, columns=COLUMNS).sort_values(["assignment_id", "student_id", "grade_id"],
                                                            kind="stable")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_csv(table, out)
    _save_state(state_path, subs)
    write_report(table, out.with_suffix(".html"), out.with_name(f"{out.stem}_wide.csv"), sandbox.mode)
    course.export(out.with_name(f"{out.stem}_nbgrader.csv"))
    return GradeRun(table, sandbox, skipped)


def _discover(submissions: Path, expected: dict[str, list[str]]) -> Iterator[Submission]:
    for student in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for assignment, notebooks in expected.items():
            for notebook in notebooks:
                path = student / assignment / f"{notebook}.ipynb"
                sub = Submission(student.name, assignment, notebook, path)
                if path.is_file():
                    sub.digest = hashlib.sha256(path.read_bytes()).hexdigest() + ENGINE_VERSION
                else:
                    found = sorted(p.name for p in (student / assignment).glob("*.ipynb")) \
                        if (student / assignment).is_dir() else []
                    sub.status = "missing"
                    sub.message = (f"no {notebook}.ipynb in {student.name}/{assignment}/"
                                   + (f" (found: {', '.join(found)}; wrong file name?)" if found else ""))
                yield sub


def _prepare(sub: Submission, course: Course, sandbox: Sandbox, limits: Limits) -> None:
    """Read and sanitise; on success ``sub.job`` is ready to execute."""
    course.register(sub.assignment_id, sub.student_id)
    if sub.status:
        return
    try:
        text = sub.path.read_text(encoding="utf-8")
        if not text.strip():
            raise ValueError("the file is empty")
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
        if not nb.cells:
            raise ValueError("the notebook has no cells")
    except Exception as error:  # noqa: BLE001 - any unreadable file is "invalid"
        sub.status, sub.message = "invalid", f"not a valid notebook: {str(error).splitlines()[0][:200]}"
        return
    try:
        nb, sub.tampered = course.sanitise(nb, sub.assignment_id, sub.notebook_id, sub.student_id)
    except Exception as error:  # noqa: BLE001
        sub.status, sub.message = "invalid", f"nbgrader could not read its cells: {str(error).splitlines()[0][:200]}"
        return
    sub.flags = review(nb)
    sub.lang = nb.metadata.get("ecomcourse", {}).get("lang", "zh")
    sub.job = Job(sub.student_id, sub.assignment_id, sub.notebook_id, nbformat.writes(nb), limits, sandbox,
                  str(data_folder()), course.config_json())


def _unrunnable_rows(sub: Submission, course: Course) -> list[dict]:
    course.save_zero(sub.assignment_id, sub.notebook_id, sub.student_id)
    total = sum(course.max_scores(sub.assignment_id, sub.notebook_id).values())
    rows = [dict(student_id=sub.student_id, assignment_id=sub.assignment_id, grade_id="", score=0.0,
                 max_score=total, status=sub.status, message=sub.message)]
    write_feedback(course.feedback_path(sub.assignment_id, sub.notebook_id, sub.student_id), sub.lang,
                   sub.student_id, sub.assignment_id, rows, sub.message)
    return rows


def _run(subs: list[Submission], workers: int | None, scheduler: str | None,
         progress: bool) -> Iterable[Execution]:
    jobs = [sub.job for sub in subs]
    bar = tqdm(total=len(jobs), desc="grading", unit="notebook", disable=not progress or not jobs)
    if scheduler:
        from distributed import Client
        from distributed import as_completed as dask_completed

        with Client(scheduler) as client:
            for future in dask_completed(client.map(execute, jobs, pure=False)):
                bar.update()
                yield future.result()
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count(), mp_context=context) as pool:
            for future in as_completed([pool.submit(execute, job) for job in jobs]):
                bar.update()
                yield future.result()
    bar.close()


def _finish(sub: Submission, execution: Execution, course: Course) -> list[dict]:
    if execution.notebook_json is None:
        sub.status, sub.message = "error", execution.message
        return _unrunnable_rows(sub, course)
    nb = nbformat.reads(execution.notebook_json, as_version=4)
    course.save(nb, sub.assignment_id, sub.notebook_id, sub.student_id)
    status, message = _status(sub, execution)
    rows = []
    for grade_id, score, max_score, failure in cell_results(nb):
        rows.append(dict(student_id=sub.student_id, assignment_id=sub.assignment_id, grade_id=grade_id,
                         score=score, max_score=max_score, status=status,
                         message="; ".join(m for m in (failure, message) if m and not (m == message and m in failure))))
    write_feedback(course.feedback_path(sub.assignment_id, sub.notebook_id, sub.student_id), sub.lang,
                   sub.student_id, sub.assignment_id, rows, message)
    return rows


def _status(sub: Submission, execution: Execution) -> tuple[str, str]:
    if execution.outcome != "ok":
        return execution.outcome, execution.message
    if sub.tampered:
        return "tampered", "test or read-only cells were changed and restored from the gradebook: " \
                           + ", ".join(sub.tampered)
    if sub.flags:
        return "flagged", "graded; flagged for review: " + ", ".join(sub.flags)
    return "graded", ""


def _previous(out: Path, state_path: Path) -> dict[str, dict]:
    if not (out.is_file() and state_path.is_file()):
        return {}
    state = json.loads(state_path.read_text(encoding="utf-8"))
    table = pd.read_csv(out, encoding="utf-8-sig", dtype={"grade_id": str}, keep_default_na=False)
    previous = {}
    for key, digest in state.items():
        student, assignment, _ = key.split("/")
        mine = table[(table["student_id"] == student) & (table["assignment_id"] == assignment)]
        previous[key] = {"digest": digest, "rows": mine.to_dict("records")}
    return previous


def _save_state(path: Path, subs: list[Submission]) -> None:
    graded = {sub.key: sub.digest for sub in subs if sub.digest}
    path.write_text(json.dumps(graded, indent=1), encoding="utf-8")
