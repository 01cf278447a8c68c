"""Grading on submit: a JupyterHub service that watches nbgrader's exchange. Each new submission is
collected with nbgrader's collect, graded by the course's engine (sandboxed, with its limits, only
what changed) and its feedback released with nbgrader's release_feedback, so the student's
fetch_feedback (the Assignments tab) shows it. A journal of the handled submissions, written after
each one's feedback is out, lets the service pick up where it stopped."""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import pwd
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.utils import notebook_hash, parse_utc, temp_attrs
from traitlets import Bool, Dict, Integer, List, Unicode
from traitlets.config import Config, Configurable

from ..grading.autograder import Autograder, replacing
from ..grading.engine import EDITION_MARK, Submission, grade
from ..grading.feedback import FEEDBACK_PERMISSIONS, notice_page
from ..grading.workers import Workers, worker_settings
from ..i18n import LANGUAGES
from .layout import COURSE_ID, Layout

log = logging.getLogger("ecomcourse.on_submit")
RETRY_SECONDS = 10
SUBMIT_SECONDS = 60  # a submission folder still without its secret after this is handled as it is


class GradeOnSubmit(Configurable):
    """Grading on submit, configured in the course's ``nbgrader_config.py`` like nbgrader itself."""

    enabled = Bool(True, help="Grade submissions as they arrive").tag(config=True)
    not_on_submit = List(Unicode(), help="Assignments graded only when the instructor runs the engine").tag(config=True)
    max_graded = Integer(0, help="Graded submissions per student and assignment; 0: no limit").tag(config=True)
    max_graded_per_assignment = Dict(value_trait=Integer(),
                                     help="max_graded for the named assignments").tag(config=True)
    max_submission_mb = Integer(20, help="A larger submission is kept but not graded").tag(config=True)

    def graded_on_submit(self, assignment: str) -> bool:
        return self.enabled and assignment not in self.not_on_submit

    def limit(self, assignment: str) -> int:
        return self.max_graded_per_assignment.get(assignment, self.max_graded)


@dataclass(frozen=True)
class Arrival:
    """One submission in nbgrader's inbound folder: ``student+assignment+timestamp+random``."""

    path: Path
    student: str
    assignment: str
    timestamp: str

    @classmethod
    def parse(cls, path: Path) -> Arrival | None:
        parts = path.name.split("+")
        if len(parts) not in (3, 4) or not path.is_dir():
            return None
        try:
            parse_utc(parts[2])
        except Exception:  # noqa: BLE001 - nbgrader's collect skips such a folder too
            return None
        return cls(path, parts[0], parts[1], parts[2])

    @property
    def when(self) -> datetime:
        return parse_utc(self.timestamp)

    def complete(self) -> bool:
        """nbgrader's submit writes the submission's secret last; a folder without it is still
        being copied (or was never a submission: it waits until SUBMIT_SECONDS have passed)."""
        if (self.path / "submission_secret.txt").is_file():
            return True
        return time.time() - self.path.stat().st_mtime > SUBMIT_SECONDS

    def owner(self) -> str:
        try:
            return pwd.getpwuid(self.path.stat().st_uid).pw_name
        except KeyError:
            return ""

    def megabytes(self) -> float:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file()) / 1e6

    def notebooks(self) -> list[str]:
        return sorted(p.stem for p in self.path.glob("*.ipynb"))

    def editions(self) -> list[str]:
        """The edition(s) its notebooks say they are; every edition when none says."""
        found = set()
        for notebook in self.path.glob("*.ipynb"):
            mark = EDITION_MARK.search(notebook.read_bytes()[:5_000_000].decode("utf-8", "replace"))
            if mark:
                found.add(mark.group(1))
        return sorted(found) or list(LANGUAGES)


class Journal:
    """One JSON line per handled submission, appended once its feedback is out."""

    def __init__(self, path: Path):
        self.path = path

    def entries(self) -> list[dict]:
        if not self.path.is_file():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def handled(self) -> set[str]:
        return {entry["submission"] for entry in self.entries()}

    def graded(self, student: str, assignment: str) -> int:
        return sum(1 for e in self.entries() if e["outcome"] == "graded"
                   and e["student"] == student and e["assignment"] == assignment)

    def record(self, arrival: Arrival, outcome: str, **details: object) -> None:
        entry = {"submission": arrival.path.name, "student": arrival.student, "assignment": arrival.assignment,
                 "timestamp": arrival.timestamp, "outcome": outcome, "at": time.time(), **details}
        with self.path.open("a", encoding="utf-8") as journal:
            journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
            journal.flush()
            os.fsync(journal.fileno())


class Service:
    def __init__(self, root: Path):
        self.layout = Layout(root)
        self._load()
        self.layout.on_submit.mkdir(parents=True, exist_ok=True)
        self.journal = Journal(self.layout.on_submit / "journal.jsonl")
        self.inbound = self.layout.exchange / COURSE_ID / "inbound"
        self.outbound_feedback = self.layout.exchange / COURSE_ID / "feedback"
        self.workers: Workers | None = None

    def _load(self) -> None:
        """The course's configuration as it is now: an instructor's edit applies to the next batch."""
        self.autograder = Autograder.load(self.layout.grader)
        self.config: Config = self.autograder.config
        self.settings = GradeOnSubmit(config=self.config)
        self.api = NbGraderAPI(config=self.config)

    def waiting(self) -> list[Arrival]:
        """Submissions not handled yet, oldest first."""
        if not self.inbound.is_dir():
            return []
        handled = self.journal.handled()
        arrivals = [a for a in map(Arrival.parse, self.inbound.iterdir())
                    if a and a.complete() and a.path.name not in handled]
        return sorted(arrivals, key=lambda a: (a.when, a.path.name))

    def serve(self) -> None:
        with self._only_instance():
            log.info("grading on submit: watching %s", self.inbound)
            self._warm()
            try:
                for _ in self._landings():
                    try:
                        self.handle(self.waiting())
                    except Exception:  # noqa: BLE001 - e.g. an unusable config, a full disk: say so, keep the queue
                        log.exception("grading stopped for now; the waiting submissions are tried again in %s s",
                                      RETRY_SECONDS)
                        time.sleep(RETRY_SECONDS)
            finally:
                if self.workers is not None:
                    self.workers.close()

    def _landings(self) -> Iterator[None]:
        """At the start, whenever something lands in the inbound folder, and at least every
        RETRY_SECONDS (a submission that could not be handled is tried again)."""
        from watchfiles import watch

        yield
        while not self.inbound.is_dir():
            time.sleep(1)
            yield
        for _ in watch(self.inbound, debounce=20, step=10, rust_timeout=RETRY_SECONDS * 1000,
                       yield_on_timeout=True):
            yield

    def handle(self, arrivals: list[Arrival]) -> None:
        """Handle a batch: per assignment, each student's latest submission is graded (the class in
        parallel); earlier ones and those that may not be graded get a page that says why."""
        if not arrivals:
            return
        self._load()
        with Gradebook(self.autograder.db_url) as gb:
            known = {a.name for a in gb.assignments}
        for assignment in dict.fromkeys(a.assignment for a in arrivals):
            latest: dict[str, Arrival] = {}
            for arrival in (a for a in arrivals if a.assignment == assignment):
                if arrival.student in latest:
                    self._notify(latest[arrival.student], "superseded", timestamp=arrival.timestamp)
                latest[arrival.student] = arrival
            ready = [a for a in latest.values() if self._may_grade(a, assignment in known)]
            collected = [a for a in ready if self._collect(a)]
            if collected:
                self._grade(assignment, collected)

    def _may_grade(self, arrival: Arrival, known: bool) -> bool:
        if arrival.owner() != arrival.student:
            log.warning("%s is owned by %r, not by %r: not graded", arrival.path.name, arrival.owner(), arrival.student)
            self.journal.record(arrival, "not_owner", owner=arrival.owner())
            return False
        if not known:
            log.warning("%s: no assignment %r in the gradebook", arrival.path.name, arrival.assignment)
            self.journal.record(arrival, "unknown_assignment")
            return False
        if not self.settings.graded_on_submit(arrival.assignment):
            return self._notify(arrival, "off")
        limit = self.settings.limit(arrival.assignment)
        if limit and self.journal.graded(arrival.student, arrival.assignment) >= limit:
            return self._notify(arrival, "limit", limit=limit)
        size = arrival.megabytes()
        if size > self.settings.max_submission_mb:
            return self._notify(arrival, "too_large", size_mb=size, limit_mb=self.settings.max_submission_mb)
        return True

    def _collect(self, arrival: Arrival) -> bool:
        """nbgrader's collect of the student's latest submission; False if a newer one came first."""
        with temp_attrs(self.api.coursedir, student_id=arrival.student):
            result = self.api.collect(arrival.assignment, update=True)
        if not result["success"]:
            log.error("collect %s failed: %s", arrival.path.name, result.get("error", ""))
            self.journal.record(arrival, "collect_failed")
            return False
        stamp = Path(self.api.coursedir.format_path(self.api.coursedir.submitted_directory, arrival.student,
                                                    arrival.assignment)) / "timestamp.txt"
        collected = stamp.read_text(encoding="utf-8").strip() if stamp.is_file() else ""
        if collected != arrival.timestamp:
            self._notify(arrival, "superseded", timestamp=collected)
            return False
        return True

    def _grade(self, assignment: str, arrivals: list[Arrival]) -> None:
        """Grade the batch on the warm workers; each student's feedback is released as soon as
        their notebook is graded."""
        started = time.monotonic()
        waiting = {arrival.student: arrival for arrival in arrivals}

        def release(sub: Submission, rows: pd.DataFrame) -> None:
            arrival = waiting.pop(sub.student_id, None)
            if arrival is not None:
                self._release(assignment, arrival, rows, time.monotonic() - started)

        submitted = Path(self.api.coursedir.root) / self.api.coursedir.submitted_directory
        run = grade([assignment], submitted, self.layout.on_submit / f"{assignment}.csv", self.layout.grader,
                    only_changed=True, progress=False, say=log.info, workers=self._workers(), on_feedback=release)
        for student, arrival in waiting.items():  # graded before, by a run that stopped before releasing it
            self._release(assignment, arrival, run.rows[run.rows["student_id"] == student],
                          time.monotonic() - started)

    def _release(self, assignment: str, arrival: Arrival, rows: pd.DataFrame, seconds: float) -> None:
        self._feedback_under_submitted_names(assignment, arrival)
        result = self.api.release_feedback(assignment, arrival.student)
        score, status = float(rows["score"].sum()), ",".join(sorted(set(rows["status"])))
        if not result["success"]:
            log.error("release_feedback %s failed: %s", arrival.path.name, result.get("error", ""))
        self.journal.record(arrival, "graded", score=score, status=status, seconds=round(seconds, 1))
        log.info("%s: %s, %g points, feedback released", arrival.path.name, status, score)

    def _warm(self) -> None:
        """Start the workers before the first submission comes (a worker's start imports nbgrader,
        pandas and the checks: seconds the first student would otherwise wait)."""
        with contextlib.suppress(Exception):  # an unusable config is logged by the first batch
            self._workers().warm()

    def _workers(self) -> Workers:
        """The warm workers, started once and again only when the course changes their number,
        scheduler or TLS files."""
        wanted = worker_settings(self.autograder.engine)
        if self.workers is None or self.workers.settings != wanted:
            if self.workers is not None:
                self.workers.close()
            self.workers = Workers(*wanted)
        return self.workers

    def _feedback_under_submitted_names(self, assignment: str, arrival: Arrival) -> None:
        """nbgrader's fetch_feedback looks for a page per notebook the student handed in: a
        notebook under another name gets the page that says the expected one is missing."""
        expected = self.autograder.notebooks(assignment)
        pages = [self.autograder.feedback_path(assignment, notebook, arrival.student) for notebook in expected]
        for page in (p for p in pages if p.is_file()):
            for name in set(arrival.notebooks()) - set(expected):
                copy = page.with_name(f"{name}.html")
                shutil.copyfile(page, copy)
                os.chmod(copy, FEEDBACK_PERMISSIONS)

    def _notify(self, arrival: Arrival, status: str, **fields: object) -> bool:
        """A page for a submission that is not graded, under the names nbgrader's fetch_feedback
        looks for (the same hash of the submission's secret and notebook that release_feedback
        uses; release_feedback itself only releases the feedback of the collected submission)."""
        page = notice_page(arrival.editions(), arrival.student, arrival.assignment, status, **fields)
        secret_file = arrival.path / "submission_secret.txt"
        if secret_file.is_file():
            self.outbound_feedback.mkdir(mode=0o711, exist_ok=True)
            secret = secret_file.read_text()
            for notebook in arrival.notebooks():
                target = self.outbound_feedback / f"{notebook_hash(secret=secret, notebook_id=notebook)}.html"
                with replacing(target, FEEDBACK_PERMISSIONS) as temporary:
                    temporary.write_text(page, encoding="utf-8")
        self.journal.record(arrival, status, **{k: v for k, v in fields.items() if isinstance(v, (int, str))})
        log.info("%s: %s", arrival.path.name, status)
        return False

    @contextmanager
    def _only_instance(self) -> Iterator[None]:
        with (self.layout.on_submit / ".lock").open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SystemExit("another grading-on-submit service is running for this course") from None
            yield
