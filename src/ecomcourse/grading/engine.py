"""``ecomcourse grade``: grade a class in parallel, sandboxed, with one outcome per submission.

The main process reads submissions, sanitises them with nbgrader's preprocessors and owns the
gradebook; workers (a process pool, or a Dask cluster) only execute notebooks in sandboxes.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd
from tqdm import tqdm
from traitlets.config import Config

from ..data.loader import data_folder
from ..excel_csv import read_csv, write_csv
from ..i18n import language
from .autograder import Autograder, GradingError, HandGrade, Lateness, cell_results, replacing
from .execute import Execution, Job
from .feedback import write_feedback
from .limits import Limits
from .report import warm as warm_report
from .report import write_report
from .sandbox import Sandbox, choose_sandbox
from .scan import review
from .trusted import apply, split_tests
from .workers import Workers, result, worker_settings

STATUSES = ("graded", "invalid", "missing", "timeout", "memory", "kernel_died", "tampered", "flagged", "error")
COLUMNS = ["student_id", "assignment_id", "grade_id", "grading", "score", "max_score", "status", "message",
           "timestamp", "late_penalty"]
GRADINGS = ("auto", "pending", "manual", "blank")  # tests; awaiting formgrader; scored there; left blank
ENGINE_VERSION = "4"
EDITION_MARK = re.compile(r'"ecomcourse":\s*\{[^{}]*"lang":\s*"(zh|en)"')
RECEIPT = ("timestamp.txt", "submission_secret.txt")


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
    registered: bool = False  # the gradebook holds this submission
    tampered: list[str] = field(default_factory=list)  # test cells edited or deleted, restored
    mismatched: list[str] = field(default_factory=list)  # tests the kernel passed and the engine failed
    flags: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # running the notebook; its trusted checks
    job: Job | None = None

    @property
    def key(self) -> str:
        return f"{self.student_id}/{self.assignment_id}/{self.notebook_id}"


@dataclass
class GradeRun:
    rows: pd.DataFrame
    sandbox: Sandbox
    skipped: int


def grade(assignments: list[str], submissions: Path, out: Path, grader_folder: Path,
          settings: Config | None = None, only_changed: bool = False, progress: bool = True,
          say: Callable[[str], None] = print, workers: Workers | None = None,
          on_feedback: Callable[[Submission, pd.DataFrame], None] | None = None) -> GradeRun:
    """Grade every student's submission of ``assignments`` found in ``submissions``, configured by
    the course's ``nbgrader_config.py`` with ``settings`` (see :func:`settings.overrides`) over it.

    ``workers`` are kept by the caller between batches (else a pool serves this batch alone).
    ``on_feedback`` gets each submission and its rows as soon as its feedback page is written,
    before the rest of the batch is done; the class's files follow at the end."""
    if not submissions.is_dir() or not os.access(submissions, os.R_OK | os.X_OK):
        raise GradingError(f"cannot read the submissions folder {submissions}")
    autograder = Autograder.load(grader_folder, settings)
    _check_steps(autograder)
    expected = {assignment: autograder.notebooks(assignment) for assignment in assignments}
    sandbox = choose_sandbox(autograder.engine.bubblewrap)
    limits = Limits.of(autograder.engine)
    say(f"sandbox: {sandbox.describe()}")
    previous = _previous(out) if only_changed else {}
    excluded = set(autograder.coursedir.student_id_exclude.split(","))  # nbgrader's student_id_exclude
    subs = [sub for sub in _discover(submissions, expected) if sub.student_id not in excluded]
    unchanged = {sub.key for sub in subs if sub.digest and previous.get(sub.key, {}).get("digest") == sub.digest}
    rows: list[dict] = []
    for sub in (sub for sub in subs if sub.key in unchanged):
        rows += previous[sub.key]["rows"]
        sub.lang, sub.message = previous[sub.key]["lang"], previous[sub.key]["note"]
    to_grade = [sub for sub in subs if sub.key not in unchanged]
    prepared = (_prepare(sub, autograder, sandbox, limits) for sub in to_grade)  # each sent to a worker once ready
    warming = threading.Thread(target=warm_report, daemon=True)
    warming.start()
    with _workers_for(autograder, workers) as running:
        for sub, execution in _run(prepared, len(to_grade), running, progress):
            mine = _finish(sub, execution, autograder) if execution else _unrunnable_rows(sub, autograder)
            rows += mine
            if on_feedback is not None:
                table = _with_gradebook(pd.DataFrame(mine, columns=COLUMNS), autograder)
                _write_feedback(sub.key, _info(sub), table, autograder)
                on_feedback(sub, table)
    table = pd.DataFrame(rows, columns=COLUMNS).sort_values(["assignment_id", "student_id", "grade_id"],
                                                            kind="stable")
    state = {"sandbox": sandbox.label, "submissions": {sub.key: _info(sub) for sub in subs}}
    warming.join()
    table = publish(table, out, autograder, state)
    return GradeRun(table, sandbox, len(unchanged))


def refresh(out: Path, grader_folder: Path) -> pd.DataFrame:
    """Bring the scores instructors entered in formgrader into the files ``grade`` wrote to ``out``
    (per-exercise CSV, wide CSV, report, nbgrader export, feedback)."""
    if not (out.is_file() and state_path(out).is_file()):
        raise GradingError(f"no grading run at {out}: run `ecomcourse grade ... --out {out}` first")
    state = json.loads(state_path(out).read_text(encoding="utf-8"))
    return publish(read_rows(out), out, Autograder.load(grader_folder), state)


def publish(table: pd.DataFrame, out: Path, autograder: Autograder, state: dict) -> pd.DataFrame:
    """Take the gradebook's hand-entered scores and late penalties, then write every output of a grading run."""
    table = _with_gradebook(table, autograder)
    out.parent.mkdir(parents=True, exist_ok=True)
    with replacing(out) as temporary:
        write_csv(table, temporary)
    with replacing(state_path(out)) as temporary:
        temporary.write_text(json.dumps(state, indent=1, ensure_ascii=False), encoding="utf-8")
    write_report(table, out.with_suffix(".html"), out.with_name(f"{out.stem}_wide.csv"), state["sandbox"],
                 autograder.engine.instructor_language)
    autograder.export(out.with_name(f"{out.stem}_nbgrader.csv"))
    for key, info in state["submissions"].items():
        _write_feedback(key, info, table, autograder)
    return table


def _info(sub: Submission) -> dict:
    """What a grading run keeps of a submission (see :func:`state_path`)."""
    return {"digest": sub.digest, "lang": sub.lang, "note": sub.message, "folder": str(sub.path.parent),
            "seconds": sub.seconds}


def _with_gradebook(table: pd.DataFrame, autograder: Autograder) -> pd.DataFrame:
    """The rows with the gradebook's hand-entered scores and late penalties."""
    assignments = sorted(table["assignment_id"].unique())
    table = with_hand_grades(table, autograder.hand_grades(assignments))
    return with_lateness(table, autograder.lateness(assignments))


def _write_feedback(key: str, info: dict, table: pd.DataFrame, autograder: Autograder) -> None:
    student, assignment, notebook = key.split("/")
    mine = table[(table["student_id"] == student) & (table["assignment_id"] == assignment)]
    page = autograder.feedback_path(assignment, notebook, student)
    write_feedback(page, info["lang"], student, assignment, mine.to_dict("records"), info["note"])
    _copy_receipt(Path(info.get("folder", "")), page.parent)


def _copy_receipt(submission: Path, feedback: Path) -> None:
    """The submission's time and secret beside its feedback, as nbgrader's generate_feedback leaves
    them: ``nbgrader release_feedback`` reads both."""
    for name in RECEIPT:
        if (submission / name).is_file():
            shutil.copyfile(submission / name, feedback / name)


def with_hand_grades(table: pd.DataFrame, hand: dict[tuple[str, str, str], HandGrade]) -> pd.DataFrame:
    """Scores entered by hand replace the automatic ones, as in nbgrader's gradebook; an answer
    changed since it was scored by hand awaits review again."""
    table = table.copy()
    for index, row in table.iterrows():
        entry = hand.get((row["student_id"], row["assignment_id"], row["grade_id"]))
        if entry is None or entry.score is None:
            continue
        table.loc[index, ["score", "grading"]] = entry.score, "pending" if entry.needs_review else "manual"
        if entry.comment:
            table.loc[index, "message"] = entry.comment
    return table


def with_lateness(table: pd.DataFrame, lateness: dict[tuple[str, str], Lateness]) -> pd.DataFrame:
    """Each row gets its submission's time (UTC, as nbgrader keeps it) and late penalty, which
    applies once to the submission's total."""
    keys = list(zip(table["student_id"], table["assignment_id"]))
    found = [lateness.get(key) for key in keys]
    return table.assign(timestamp=[str(e.timestamp) if e and e.timestamp else "" for e in found],
                        late_penalty=[e.penalty if e else 0.0 for e in found])


def read_rows(path: Path) -> pd.DataFrame:
    return read_csv(path, dtype={"grade_id": str, "message": str, "timestamp": str}, keep_default_na=False)


def _check_steps(autograder: Autograder) -> None:
    """The configured pipeline is usable: one Execute step, importable by the workers."""
    step = autograder.steps.execute
    try:
        pickle.loads(pickle.dumps(step))
    except Exception:  # noqa: BLE001 - any failure means workers cannot load it
        raise GradingError(f"the Execute step {step.__module__}.{step.__qualname__} must be importable by "
                           "workers: define it in a module, not in nbgrader_config.py") from None


def _discover(submissions: Path, expected: dict[str, list[str]]) -> Iterator[Submission]:
    for student in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for assignment, notebooks in expected.items():
            if not (student / assignment).is_dir():
                continue  # not handed in: nbgrader's autograde has nothing to grade either
            for notebook in notebooks:
                path = student / assignment / f"{notebook}.ipynb"
                sub = Submission(student.name, assignment, notebook, path)
                if path.is_file():
                    stamp = path.parent / "timestamp.txt"  # a resubmission of the same file is a new submission
                    content = path.read_bytes() + (stamp.read_bytes() if stamp.is_file() else b"")
                    sub.digest = hashlib.sha256(content).hexdigest() + ENGINE_VERSION
                else:
                    found = sorted(p.name for p in (student / assignment).glob("*.ipynb"))
                    sub.status = "missing"
                    sub.message = (f"no {notebook}.ipynb in {student.name}/{assignment}/"
                                   + (f" (found: {', '.join(found)}; wrong file name?)" if found else ""))
                yield sub


def _prepare(sub: Submission, autograder: Autograder, sandbox: Sandbox, limits: Limits) -> Submission:
    """Register, read and sanitise; on success ``sub.job`` is ready to execute."""
    try:
        autograder.register(sub.assignment_id, sub.student_id, sub.path.parent)
        sub.registered = True
    except ValueError as error:
        sub.status, sub.message = "invalid", str(error)
    if sub.status:
        return sub
    try:
        text = sub.path.read_text(encoding="utf-8")
        if not text.strip():
            raise ValueError("the file is empty")
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
        if not nb.cells:
            raise ValueError("the notebook has no cells")
    except Exception as error:  # noqa: BLE001 - any unreadable file is "invalid"
        sub.status, sub.message = "invalid", f"not a valid notebook: {_first_line(error)}"
        sub.lang = _edition_mark(sub.path)
        return sub
    try:
        nb, sub.tampered = autograder.sanitise(nb, sub.assignment_id, sub.notebook_id, sub.student_id)
        tests = split_tests(nb, autograder.config) if autograder.engine.trusted_checks else None  # cells as released
    except Exception as error:  # noqa: BLE001
        sub.status, sub.message = "invalid", f"nbgrader could not read its cells: {_first_line(error)}"
        return sub
    sub.flags = review(nb)
    sub.lang = nb.metadata.get("ecomcourse", {}).get("lang", "zh")
    sub.job = Job(sub.student_id, sub.assignment_id, sub.notebook_id, nbformat.writes(nb), limits, sandbox,
                  str(data_folder()), autograder.steps.execute, autograder.execute_config,
                  autograder.assignment_files(sub.assignment_id, sub.student_id, sub.path.parent), tests, sub.lang)
    return sub


def _unrunnable_rows(sub: Submission, autograder: Autograder) -> list[dict]:
    if sub.registered:
        autograder.save_zero(sub.assignment_id, sub.notebook_id, sub.student_id)
    total = sum(autograder.max_scores(sub.assignment_id, sub.notebook_id).values())
    return [dict(student_id=sub.student_id, assignment_id=sub.assignment_id, grade_id="", grading="auto",
                 score=0.0, max_score=total, status=sub.status, message=sub.message)]


def _run(subs: Iterable[Submission], total: int, workers: Workers, progress: bool
         ) -> Iterator[tuple[Submission, Execution | None]]:
    """Each submission with its execution as it finishes; ``None`` for one that cannot run."""
    with tqdm(total=total, desc="grading", unit="notebook", disable=not progress or not total) as bar:
        running = {}
        for sub in subs:
            if sub.job is None:
                bar.update()
                yield sub, None
            else:
                running[workers.submit(sub.job)] = sub
        for future in workers.completed(running):
            bar.update()
            sub = running[future]
            yield sub, result(future, sub.job)


@contextmanager
def _workers_for(autograder: Autograder, given: Workers | None) -> Iterator[Workers]:
    """The workers the caller keeps warm, or a pool for this batch alone."""
    if given is not None:
        given.sweep()
        yield given
        return
    with Workers(*worker_settings(autograder.engine)) as workers:
        yield workers


def _finish(sub: Submission, execution: Execution, autograder: Autograder) -> list[dict]:
    if execution.notebook_json is None:
        sub.status, sub.message = execution.outcome, execution.message
        return _unrunnable_rows(sub, autograder)
    sub.seconds = {"notebook": round(execution.seconds, 2), "trusted": round(execution.trusted.seconds, 2)}
    try:
        nb = nbformat.reads(execution.notebook_json, as_version=4)
        if sub.job.tests is not None:
            with language(sub.lang):
                sub.mismatched = apply(nb, sub.job.tests, execution.trusted)
        nb = autograder.save(nb, sub.assignment_id, sub.notebook_id, sub.student_id, sub.job.files)
    except Exception as error:  # noqa: BLE001 - a step after Execute failed on this notebook only
        sub.status, sub.message = "error", f"nbgrader could not save the grades: {_first_line(error)}"
        return _unrunnable_rows(sub, autograder)
    status, sub.message = _status(sub, execution)
    return [dict(student_id=sub.student_id, assignment_id=sub.assignment_id, grade_id=grade_id, grading=grading,
                 score=score, max_score=max_score, status=status,
                 message=_message(failure, sub.message, execution.message))
            for grade_id, grading, score, max_score, failure in cell_results(nb)]


def _message(failure: str, note: str, outcome: str) -> str:
    """A test's failure, then the note on its submission without the outcome the failure already
    tells (a cell the kernel never reached fails with it)."""
    if outcome and outcome in failure:
        note = note.removeprefix(outcome).removeprefix("; ")
    return "; ".join(m for m in (failure, note) if m)


def _status(sub: Submission, execution: Execution) -> tuple[str, str]:
    """The status and the note on it: an execution that went wrong comes first, and tampering and
    flags follow in its note all the same."""
    signs = execution.trusted.signs
    tampering = [text + ", ".join(found) for text, found in (
        ("test or read-only cells were changed and restored from the gradebook: ", sub.tampered),
        ("passed in the notebook but failed the engine's trusted check (no points): ", sub.mismatched),
        ("checks that must fail passed in the kernel: ", execution.trusted.lies)) if found]
    flagged = ["flagged for review: " + ", ".join(sub.flags + signs)] if sub.flags or signs else []
    if execution.outcome != "ok":
        return execution.outcome, "; ".join([execution.message] + tampering + flagged)
    if tampering:
        return "tampered", "; ".join(tampering + (["the kernel: " + "; ".join(signs)] if signs else []))
    if flagged:
        return "flagged", "graded; " + flagged[0]
    return "graded", ""


def _edition_mark(path: Path) -> str:
    """The edition of a notebook nbformat cannot read, from its text (the feedback's language)."""
    found = EDITION_MARK.search(path.read_bytes().decode("utf-8", "replace"))
    return found.group(1) if found else "zh"


def _first_line(error: Exception) -> str:
    return (str(error) or type(error).__name__).splitlines()[0][:200]


def state_path(out: Path) -> Path:
    """Where a grading run keeps what --only-changed and ecomcourse report need."""
    return out.with_name(out.name + ".state.json")


def _previous(out: Path) -> dict[str, dict]:
    """The last run's rows, digest, language and note per submission (empty if there is none)."""
    if not (out.is_file() and state_path(out).is_file()):
        return {}
    state = json.loads(state_path(out).read_text(encoding="utf-8"))
    if not isinstance(state.get("submissions"), dict):
        return {}  # written by an older engine: grade everything again
    table = read_rows(out)
    previous = {}
    for key, info in state["submissions"].items():
        student, assignment, _ = key.split("/")
        mine = table[(table["student_id"] == student) & (table["assignment_id"] == assignment)]
        previous[key] = {**info, "rows": mine.to_dict("records")}
    return previous
