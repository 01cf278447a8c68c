"""A class on JupyterHub, through the documented commands and nbgrader's own, in login shells of real
Unix accounts: `ecomcourse hub start`, fetch → work → submit as each student, feedback arriving on
its own, fetch_feedback, what each account can read, grading-on-submit settings, a restart with
submissions waiting, and `ecomcourse hub stop --remove-demo-accounts` leaving nothing behind.

Needs root (it creates accounts); CI runs as root. Every test here shares one hub (one xdist group).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import BROKEN_NOTEBOOK, wait_until
from distributed import Client
from distributed.security import Security
from hostile import printed
from nbgrader.api import Gradebook
from test_browser import CHROMIUM, SHOTS, _free_port, _run_all, _settings, expect, sync_playwright

from ecomcourse import paths
from ecomcourse.authoring.catalogue import chapter_exercises
from ecomcourse.authoring.classroom import fill_answers, solution_sources
from ecomcourse.grading.engine import read_rows
from ecomcourse.grading.red_team import CRASHING_REPLY, ROOT_POWERS
from ecomcourse.hub import accounts
from ecomcourse.hub.layout import PROFILE, Layout

CHAPTER = "ch04_data_analysis"
STUDENTS = 4  # student01-03 in login shells, student04 in the browser test
ECOMCOURSE = str(Path(sys.executable).parent / "ecomcourse")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("hub"),
    pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                       reason="creates Unix accounts and runs each user's server as that user: run as root (CI does)"),
    pytest.mark.skipif(PROFILE.exists(), reason=f"a class is already set up on this machine ({PROFILE})"),
]


@dataclass
class HubClass:
    root: Path
    port: int
    passwords: dict[str, str]

    @property
    def layout(self) -> Layout:
        return Layout(self.root)

    def shell(self, user: str, command: str, check: bool = True) -> subprocess.CompletedProcess:
        """``command`` in a login shell of ``user``: the environment a student gets from ``su -``."""
        done = subprocess.run(["su", "-", user, "-c", command], capture_output=True, text=True, timeout=300)
        if check and done.returncode:
            raise AssertionError(f"{user}$ {command}\n{done.stdout}\n{done.stderr}")
        return done

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def home(self, user: str) -> Path:
        return Path("/home") / user

    def write_notebook(self, user: str, path: str, content: nbformat.NotebookNode | str) -> None:
        """What the student typed, saved in their home as them."""
        target = self.home(user) / path
        target.write_text(content if isinstance(content, str) else nbformat.writes(content), encoding="utf-8")
        shutil.chown(target, user, user)

    def fetched(self, user: str) -> nbformat.NotebookNode:
        return nbformat.read(self.home(user) / CHAPTER / f"{CHAPTER}.ipynb", as_version=4)

    def feedback_pages(self, user: str, chapter: str = CHAPTER) -> list[Path]:
        return sorted((self.home(user) / chapter / "feedback").glob("*/*.html"))

    def wait_for_feedback(self, user: str, count: int, seconds: float = 90, chapter: str = CHAPTER) -> str:
        """Run the student's fetch_feedback until ``count`` pages are there; the newest page's text."""
        def arrived() -> bool:
            self.shell(user, f"nbgrader fetch_feedback {chapter}", check=False)
            return len(self.feedback_pages(user, chapter)) >= count
        assert wait_until(arrived, seconds, every=1), f"no feedback for {user} within {seconds} s"
        newest = max(self.feedback_pages(user, chapter), key=lambda p: p.parent.name)  # folders: submission times
        return newest.read_text(encoding="utf-8")

    def journal(self) -> list[dict]:
        path = self.layout.on_submit / "journal.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []

    def configure(self, lines: str) -> None:
        """The instructor edits the course's nbgrader_config.py (the service reads it per batch)."""
        config = self.layout.grader / "nbgrader_config.py"
        config.write_text(config.read_text() + lines)


def start(root: Path, port: int) -> subprocess.CompletedProcess:
    return subprocess.run([ECOMCOURSE, "hub", "start", "--students", str(STUDENTS), "--port", str(port),
                           "--root", str(root)], capture_output=True, text=True, timeout=600)


def stop(root: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([ECOMCOURSE, "hub", "stop", "--root", str(root), *flags], capture_output=True,
                          text=True, timeout=300)


def class_processes(users: list[str]) -> list[str]:
    """Command lines of processes owned by the class's accounts, or of a hub or proxy of ``root``."""
    found = subprocess.run(["ps", "-eo", "user:20,args"], capture_output=True, text=True).stdout.splitlines()
    return [line for line in found if line.split(None, 1)[0] in users]


@pytest.fixture(scope="session")
def hub():
    root = Path(tempfile.mkdtemp(prefix="ecomcourse-hub-", dir="/tmp"))
    os.chmod(root, 0o755)
    port = _free_port()
    started = start(root, port)
    assert started.returncode == 0, started.stdout + started.stderr
    passwords = dict(re.findall(r"^  (\w+)\s+(\S+)", started.stdout, re.MULTILINE))
    yield HubClass(root, port, passwords)
    stopped = stop(root, "--remove-demo-accounts")
    users = list(passwords)
    shutil.rmtree(root, ignore_errors=True)
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert class_processes(users) == []


def test_start_prints_the_accounts_and_the_hub_answers(hub):
    assert set(hub.passwords) == {"instructor", "student01", "student02", "student03", "student04"}
    assert all(len(p) >= 12 for p in hub.passwords.values())
    for user in hub.passwords:
        assert os.stat(hub.home(user)).st_mode & 0o777 == 0o700
    with urllib.request.urlopen(f"http://127.0.0.1:{hub.port}/hub/login", timeout=10) as page:
        assert page.status == 200
    ours = {int((hub.layout.state / name).read_text()) for name in ("jupyterhub.pid", "proxy.pid")}
    ours |= {process.pid for user in hub.passwords for process in accounts.processes(user)}
    listening = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout.splitlines()
    hub_sockets = [line.split()[3] for line in listening
                   if {int(pid) for pid in re.findall(r"pid=(\d+)", line)} & ours]
    assert f"127.0.0.1:{hub.port}" in hub_sockets
    assert all(address.startswith("127.0.0.1:") for address in hub_sockets), hub_sockets


def test_login_shell_has_nbgrader_and_every_chapter_released(hub):
    listed = hub.shell("student01", "which nbgrader; nbgrader list 2>&1")
    assert listed.stdout.splitlines()[0] == str(hub.layout.env / "bin" / "nbgrader")
    for chapter in paths.SOLUTIONS.iterdir():
        assert f"ecomcourse {chapter.name}" in listed.stdout


def test_submit_then_feedback_arrives_in_each_students_edition(hub):
    """student01 solved (zh), student02 blank (zh), student03 solved in the English edition."""
    hub.shell("student03", "ecomcourse edition en")
    assert hub.shell("student03", "ecomcourse edition").stdout.strip() == "en"
    for student in ("student01", "student02", "student03"):
        hub.shell(student, f"nbgrader fetch_assignment {CHAPTER}")
    assert hub.fetched("student01").metadata.ecomcourse.lang == "zh"
    assert hub.fetched("student03").metadata.ecomcourse.lang == "en"
    assert not (hub.home("student03") / CHAPTER / "editions").exists()
    answers = solution_sources(CHAPTER)
    for student in ("student01", "student03"):
        hub.write_notebook(student, f"{CHAPTER}/{CHAPTER}.ipynb", fill_answers(hub.fetched(student), answers))
    submitted = {}
    for student in ("student01", "student02", "student03"):
        hub.shell(student, f"nbgrader submit {CHAPTER}")
        submitted[student] = time.monotonic()
    pages = {student: hub.wait_for_feedback(student, 1) for student in submitted}
    latency = {student: round(time.monotonic() - at, 1) for student, at in submitted.items()}
    print(f"submit → feedback fetched (s): {latency}")
    assert "得分：27 / 27" in pages["student01"] and "<html lang=zh>" in pages["student01"]
    assert "得分：0 / 27" in pages["student02"]
    assert "Score: 27 / 27" in pages["student03"] and "<html lang=en>" in pages["student03"]
    assert max(latency.values()) < 60
    graded = [e for e in hub.journal() if e["assignment"] == CHAPTER]
    assert sorted(e["student"] for e in graded) == ["student01", "student02", "student03"]
    assert all(e["outcome"] == "graded" for e in graded)
    with Gradebook(f"sqlite:///{hub.layout.grader / 'gradebook.db'}") as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(CHAPTER)}
    assert scores == {"student01": 27, "student02": 0, "student03": 27}


def test_no_student_reads_hidden_tests_or_anyone_elses_files(hub):
    """After the class handed in: each student's readable world holds no hidden test, no solution,
    no gradebook, and nothing of another student."""
    hidden = sorted(_hidden_test_lines())
    assert len(hidden) > 50
    everywhere = f"/home /tmp {hub.root} {paths.ROOT}"  # the same for every student but their own home
    for student, places in (("student01", everywhere), ("student02", "/home"), ("student03", "/home")):
        found = subprocess.run(["su", "-", student, "-c", f"grep -rlF -f - {places} 2>/dev/null"],
                               input="\n".join(hidden), capture_output=True, text=True, timeout=300)
        assert found.stdout == "", f"{student} can read hidden tests in: {found.stdout}"
        feedback = "".join(p.read_text() for p in hub.feedback_pages(student))
        assert not any(line in feedback for line in hidden)
    other = hub.home("student01") / CHAPTER / f"{CHAPTER}.ipynb"
    for command in (f"cat {other}", "ls /home/student01", f"ls {hub.layout.exchange}/ecomcourse/inbound",
                    f"ls {hub.layout.exchange}/ecomcourse/feedback", f"cat {hub.layout.grader}/gradebook.db",
                    f"ls {hub.layout.course}/solutions", f"ls {hub.layout.state}"):
        assert hub.shell("student02", command, check=False).returncode != 0, f"student02 could: {command}"


def _hidden_test_lines() -> set[str]:
    """Lines of every chapter's hidden tests that only a hidden test holds: its assertions and its
    fresh tables (none of them appears in the released editions)."""
    released = "".join(paths.released_notebook(c.name, lang).read_text(encoding="utf-8")
                       for c in paths.SOLUTIONS.iterdir() for lang in ("zh", "en"))
    lines = set()
    for chapter in paths.SOLUTIONS.iterdir():
        for cell in nbformat.read(paths.master_notebook(chapter.name), as_version=4).cells:
            for block in cell.source.split("### BEGIN HIDDEN TESTS")[1:]:
                lines |= {line.strip() for line in block.split("### END HIDDEN TESTS")[0].splitlines()
                          if line.strip().startswith("assert ") or "fresh_tables(" in line}
    return {line for line in lines if json.dumps(line)[1:-1] not in released}


def test_submissions_that_cannot_be_graded_say_why(hub):
    """A broken file, a renamed notebook and a memory hog each get a page in the student's language,
    and the service goes on to the next."""
    student = "student02"
    folder = f"{CHAPTER}/{CHAPTER}.ipynb"
    hub.write_notebook(student, folder, BROKEN_NOTEBOOK)
    hub.shell(student, f"nbgrader submit {CHAPTER}")
    assert "不是一个能打开的 notebook" in hub.wait_for_feedback(student, 2)
    hub.shell(student, f"mv {CHAPTER}/{CHAPTER}.ipynb {CHAPTER}/我的作业.ipynb && nbgrader submit {CHAPTER} "
                       f"&& mv {CHAPTER}/我的作业.ipynb {folder}")
    assert f"没有 {CHAPTER}.ipynb" in hub.wait_for_feedback(student, 3)
    hog = fill_answers(nbformat.read(paths.released_notebook(CHAPTER, "en"), as_version=4), {})
    first_solution = next(c for c in hog.cells if c.metadata.get("nbgrader", {}).get("solution"))
    first_solution.source = "hog = bytearray(16 * 1024**3)"
    hub.write_notebook(student, folder, hog)
    hub.shell(student, f"nbgrader submit {CHAPTER}")
    page = hub.wait_for_feedback(student, 4)
    assert "Score: 0 / 27" in page and "<html lang=en>" in page and "more memory than allowed" in page
    outcomes = [e["status"] for e in hub.journal() if e["student"] == student][-3:]
    assert outcomes == ["invalid", "missing", "memory"]


def test_hostile_submissions_cost_only_themselves_on_the_hub(hub):
    """Here the engine runs as the unprivileged instructor: the kernel, in a user namespace without
    capabilities, sees only the allow-list; a reply that would crash the worker costs only that
    submission, which is journaled with its feedback, and the next one is graded."""
    student, folder = "student02", f"{CHAPTER}/{CHAPTER}.ipynb"
    blank = nbformat.read(paths.released_notebook(CHAPTER, "zh"), as_version=4)
    first = next(iter(solution_sources(CHAPTER)))
    private = [str(hub.layout.exchange), str(hub.layout.grader), str(hub.layout.state), "/home", str(paths.ROOT)]
    sentinel = hub.root / "sentinel.txt"
    probe = ROOT_POWERS.format(paths=private, sentinel=str(sentinel))
    executed = hub.layout.grader / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb"
    seen = {}
    for count, source in enumerate((probe, CRASHING_REPLY), start=5):
        hub.write_notebook(student, folder, fill_answers(blank, {first: source}))
        hub.shell(student, f"nbgrader submit {CHAPTER}")
        assert "得分：0 / 27" in hub.wait_for_feedback(student, count)
        seen = seen or printed(executed, first, "root powers:")  # before the next submission replaces it
    assert seen["CapEff"] == "0000000000000000" and all(seen[m] != 0 for m in ("remount", "umount", "mount"))
    assert [path for path in private if seen[path]] == [] and not sentinel.exists()
    assert [e["outcome"] for e in hub.journal() if e["student"] == student][-2:] == ["graded", "graded"]
    hub.write_notebook(student, folder, fill_answers(blank, solution_sources(CHAPTER)))
    hub.shell(student, f"nbgrader submit {CHAPTER}")
    assert "得分：27 / 27" in hub.wait_for_feedback(student, 7)


def test_graded_submissions_per_student_chapters_not_graded_on_submit_and_size(hub):
    config = hub.layout.grader / "nbgrader_config.py"
    original = config.read_text()
    hub.configure(f'\nc.GradeOnSubmit.max_graded_per_assignment = {{"{CHAPTER}": 1}}\n'
                  'c.GradeOnSubmit.not_on_submit = ["ch07_case_studies"]\n'
                  "c.GradeOnSubmit.max_submission_mb = 0\n")
    try:
        _limits_apply(hub)
    finally:
        config.write_text(original)


def _limits_apply(hub: HubClass) -> None:
    hub.shell("student01", f"nbgrader submit {CHAPTER}")
    assert "最多评分 1 次" in hub.wait_for_feedback("student01", 2)
    hub.shell("student01", "nbgrader fetch_assignment ch07_case_studies && nbgrader submit ch07_case_studies")
    assert "不在提交时自动评分" in hub.wait_for_feedback("student01", 1, chapter="ch07_case_studies")
    with Gradebook(f"sqlite:///{hub.layout.grader / 'gradebook.db'}") as gb:
        assert gb.find_submission(CHAPTER, "student01").score == 27
        assert [s.student.id for s in gb.assignment_submissions("ch07_case_studies")] == []
    hub.shell("student03", "nbgrader fetch_assignment ch01_foundations && nbgrader submit ch01_foundations")
    assert "above the 0 MB limit" in hub.wait_for_feedback("student03", 1, chapter="ch01_foundations")
    kept = list((hub.layout.exchange / "ecomcourse" / "inbound").glob("student01+*"))
    assert len(kept) == 3  # every submission stays in nbgrader's exchange


def test_a_memo_scored_by_hand_reaches_the_feedback_after_report(hub):
    """Chapter 7's memo awaits the instructor; once scored (as formgrader stores it), the README's
    two commands in the instructor's shell bring the score to the student's Fetch Feedback."""
    student, chapter = "student02", "ch07_case_studies"
    hub.shell(student, f"nbgrader fetch_assignment {chapter}")
    solved = fill_answers(nbformat.read(hub.home(student) / chapter / f"{chapter}.ipynb", as_version=4),
                          solution_sources(chapter))
    hub.write_notebook(student, f"{chapter}/{chapter}.ipynb", solved)
    hub.shell(student, f"nbgrader submit {chapter}")
    assert "待老师评分" in hub.wait_for_feedback(student, 1, chapter=chapter)
    memo = next(e for e in chapter_exercises(chapter) if e.kind == "memo")
    with Gradebook(f"sqlite:///{hub.layout.grader / 'gradebook.db'}") as gb:  # as formgrader's grade API does
        grade = gb.find_grade(memo.grade_id, chapter, chapter, student)
        grade.manual_score, grade.needs_manual_grade = memo.points, False
        gb.db.commit()
    hub.shell("instructor", f"cd ~/ecomcourse/grader && ecomcourse report --csv on-submit/{chapter}.csv "
                            f"--grader-dir . && nbgrader release_feedback {chapter}")
    page = hub.wait_for_feedback(student, 1, chapter=chapter)
    assert "老师已评分" in page and "待老师评分" not in page
    total = re.search(r"得分：([0-9.]+) / ([0-9.]+)", page)
    assert total and total.group(1) == total.group(2), "full marks once the memo is scored"


@pytest.mark.skipif(sync_playwright is None or not CHROMIUM.exists(), reason="needs Debian's Chromium and Playwright")
def test_a_student_in_chromium_fetches_runs_submits_and_reads_the_feedback(hub):
    """student04 logs in at the hub's login page, fetches ch04 in the Assignments tab, runs all
    cells of their (solved) notebook, submits, fetches the feedback and opens it; the instructor's
    formgrader lists the submission. Screenshots: build/screenshots/hub-*.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    student = "student04"
    _settings(hub.home(student) / ".jupyter" / "lab" / "user-settings")
    subprocess.run(["chown", "-R", f"{student}:{student}", str(hub.home(student) / ".jupyter")], check=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = _log_in(browser, hub, student)
        page.screenshot(path=SHOTS / "hub-1-lab.png")
        assert _nbgrader_menu(page) == ["Assignment List"], "students get no formgrader"
        assignments = _open_assignments(page)
        assignments.locator("#released_assignments_list .list_item", has_text=CHAPTER).locator(
            "button", has_text="Fetch").click()
        fetched = assignments.locator("#fetched_assignments_list > .list_item", has_text=CHAPTER)
        fetched.wait_for(timeout=60_000)
        page.screenshot(path=SHOTS / "hub-2-fetched.png")
        hub.write_notebook(student, f"{CHAPTER}/{CHAPTER}.ipynb",
                           fill_answers(hub.fetched(student), solution_sources(CHAPTER)))
        page.goto(hub.url(f"user/{student}/lab/tree/{CHAPTER}/{CHAPTER}.ipynb?reset"))
        page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=180_000)
        _run_all(page)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        page.keyboard.press("Control+s")
        page.locator(".jp-StatusBar-TextItem", has_text="Saving completed").wait_for(timeout=30_000)
        page.screenshot(path=SHOTS / "hub-3-ran.png")
        assignments = _open_assignments(page)
        assignments.locator("#fetched_assignments_list > .list_item", has_text=CHAPTER).locator(
            "button", has_text="Submit").click()
        submitted = assignments.locator("#submitted_assignments_list > .list_item", has_text=CHAPTER)
        submitted.wait_for(timeout=60_000)
        view = submitted.locator("a", has_text="view feedback")

        def feedback_fetched() -> bool:
            submitted.locator("button", has_text="Fetch Feedback").click()
            return view.count() > 0
        assert wait_until(feedback_fetched, 60, every=2), "no feedback in the Assignments tab within 60 s of submitting"
        view.click()
        page.locator(".jp-DirListing-item", has_text=f"{CHAPTER}.html").dblclick()
        feedback = page.frame_locator(".jp-HTMLViewer iframe")
        expect(feedback.locator("body")).to_contain_text("得分：27 / 27", timeout=60_000)
        page.screenshot(path=SHOTS / "hub-4-feedback.png")
        instructor = _log_in(browser, hub, "instructor")
        assert "Formgrader" in _nbgrader_menu(instructor)
        instructor.goto(hub.url(f"user/instructor/formgrader/manage_submissions/{CHAPTER}"))
        expect(instructor.locator("table")).to_contain_text(student, timeout=60_000)
        instructor.screenshot(path=SHOTS / "hub-5-formgrader.png")
        browser.close()


def _log_in(browser, hub: HubClass, user: str):
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(hub.url("hub/login"))
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", hub.passwords[user])
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_url("**/lab**", timeout=180_000)
    page.goto(hub.url(f"user/{user}/lab?reset"))
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").wait_for(timeout=120_000)
    return page


def _nbgrader_menu(page) -> list[str]:
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    items = [text for text in page.locator(".lm-Menu-itemLabel").all_inner_texts() if text.strip()]
    page.keyboard.press("Escape")
    return items


def _open_assignments(page):
    """nbgrader's Assignments tab, as a student opens it: Nbgrader → Assignment List."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
    return page.locator("#assignments").last


def test_submissions_waiting_while_the_hub_was_down_are_graded_once_after_a_restart(hub):
    assert stop(hub.root).returncode == 0
    assert class_processes(list(hub.passwords)) == []
    for student in ("student01", "student03"):  # nbgrader's exchange works without the hub
        hub.shell(student, f"nbgrader submit {CHAPTER}")
    before = len(hub.journal())
    restarted = start(hub.root, hub.port)
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    assert "得分：27 / 27" in hub.wait_for_feedback("student01", 3)
    assert "Score: 27 / 27" in hub.wait_for_feedback("student03", 2)
    entries = hub.journal()
    assert len(entries) == before + 2 and {e["outcome"] for e in entries[before:]} == {"graded"}
    assert len({e["submission"] for e in entries}) == len(entries)  # none recorded twice
    with Gradebook(f"sqlite:///{hub.layout.grader / 'gradebook.db'}") as gb:
        assert len([s for s in gb.assignment_submissions(CHAPTER) if s.student.id == "student01"]) == 1


def _processes(*words: str) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        line = " ".join(process.info["cmdline"] or [])
        if all(word in line for word in words):
            found.append(process)
    return found


@pytest.fixture
def dask_cluster(hub):
    """A scheduler and two workers (as root, with the sandbox) on loopback, from the course's
    environment, over mutual TLS: only holders of the class's key may send them work."""
    folder = hub.home("instructor") / ".dask"
    folder.mkdir(mode=0o700)
    security = Security.temporary()
    for name, pem in (("cert.pem", security.tls_ca_file), ("key.pem", security.tls_client_key)):
        (folder / name).write_text(pem)
    shutil.chown(folder, "instructor", "instructor")
    for path in folder.iterdir():
        os.chmod(path, 0o600)
        shutil.chown(path, "instructor", "instructor")
    tls = ["--tls-ca-file", str(folder / "cert.pem"), "--tls-cert", str(folder / "cert.pem"),
           "--tls-key", str(folder / "key.pem")]
    dask = str(hub.layout.env / "bin" / "dask")
    address = f"tls://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": "/"}
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", port, "--protocol", "tls",
                                   "--no-dashboard", *tls], **quiet)]
    processes += [subprocess.Popen([dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-nanny",
                                    "--no-dashboard", *tls],
                                   **quiet) for _ in range(2)]
    cert, key = str(folder / "cert.pem"), str(folder / "key.pem")
    with Client(address, security=Security(tls_ca_file=cert, tls_client_cert=cert, tls_client_key=key,
                                           require_encryption=True)) as client:
        client.wait_for_workers(2, timeout=120)
    hub.configure(f'\nc.GradingEngine.scheduler = "{address}"\nc.GradingEngine.tls_ca_file = "{folder}/cert.pem"\n'
                  f'c.GradingEngine.tls_cert = "{folder}/cert.pem"\nc.GradingEngine.tls_key = "{folder}/key.pem"\n')
    try:
        yield address, processes[1:]
    finally:
        hub.configure('\nc.GradingEngine.scheduler = ""\n')
        for process in processes:
            process.kill()
            process.wait()
        shutil.rmtree(folder)


def test_a_class_graded_on_a_dask_cluster_gets_its_feedback_once_even_when_a_worker_dies(hub, dask_cluster):
    address, workers = dask_cluster
    with pytest.raises(Exception):  # noqa: B017 - a student on the machine, without the class's key
        Client(address, timeout=5)
    students = ["student01", "student02", "student03"]
    for student in students:
        if not (hub.home(student) / CHAPTER).is_dir():
            hub.shell(student, f"nbgrader fetch_assignment {CHAPTER}")
    solved = fill_answers(hub.fetched("student01"), solution_sources(CHAPTER))
    for student in students:
        hub.write_notebook(student, f"{CHAPTER}/{CHAPTER}.ipynb", solved)
    pages = {student: len(hub.feedback_pages(student)) for student in students}
    before = len(hub.journal())
    for student in students:
        hub.shell(student, f"nbgrader submit {CHAPTER}")
    on_workers = lambda: [k for k in _processes("ipykernel", "ecomcourse-jobs")  # noqa: E731
                          if any(p.pid in {w.pid for w in workers} for p in k.parents())]
    assert wait_until(on_workers, 120, every=0.1), "no kernel started on a Dask worker"
    running = next(p for p in on_workers()[0].parents() if p.pid in {w.pid for w in workers})
    running.kill()  # mid-notebook: the scheduler gives the notebook to the other worker
    assert wait_until(lambda: len(hub.journal()) >= before + len(students), 300, every=1), hub.journal()[before:]
    entries = hub.journal()
    assert sorted(e["student"] for e in entries[before:]) == students
    rows = read_rows(hub.layout.on_submit / f"{CHAPTER}.csv")
    lost = rows[rows["student_id"].isin(students) & (rows["score"] < rows["max_score"])]
    assert {(e["outcome"], e["score"]) for e in entries[before:]} == {("graded", 27.0)}, lost["message"].tolist()
    assert len({e["submission"] for e in entries}) == len(entries), "none recorded twice"
    for student in students:
        assert "27 / 27" in hub.wait_for_feedback(student, pages[student] + 1)
    with Gradebook(f"sqlite:///{hub.layout.grader / 'gradebook.db'}") as gb:
        assert {s.student.id for s in gb.assignment_submissions(CHAPTER)} >= set(students)


def test_killing_the_grading_service_mid_batch_gives_every_submission_feedback_once(hub):
    """SIGKILL while the batch's kernels run: JupyterHub starts the service again, which grades
    what was waiting or half graded, records each submission once, and leaves no kernel behind."""
    students = ["student01", "student02", "student03"]
    pages = {student: len(hub.feedback_pages(student)) for student in students}
    before = len(hub.journal())
    submits = [subprocess.Popen(["su", "-", student, "-c", f"nbgrader submit {CHAPTER}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for student in students]
    for submit in submits:
        submit.wait()
    assert wait_until(lambda: _processes("ipykernel", "ecomcourse-jobs"), 120, every=0.1), "no kernel started"
    [service] = _processes("ecomcourse", "grade-on-submit")
    service.kill()
    assert wait_until(lambda: len(hub.journal()) >= before + len(students), 300, every=1), hub.journal()[before:]
    entries = hub.journal()
    assert sorted(e["student"] for e in entries[before:]) == students
    assert {e["outcome"] for e in entries[before:]} == {"graded"}
    assert len({e["submission"] for e in entries}) == len(entries), "none recorded twice"
    assert [p.pid for p in _processes("ecomcourse", "grade-on-submit")] not in ([], [service.pid])
    for student in students:
        hub.wait_for_feedback(student, pages[student] + 1)
    assert wait_until(lambda: not _processes("ipykernel", "ecomcourse-jobs"), 30, every=0.5), "a kernel was left"


def test_stop_leaves_nothing_running(hub):
    """The last test of the class (the fixture then removes the accounts)."""
    assert stop(hub.root).returncode == 0
    assert class_processes(list(hub.passwords)) == []
    hub_like = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(hub.layout.state / "jupyterhub_config.py") not in hub_like
    assert "configurable-http-proxy" not in hub_like or f"--port {hub.port}" not in hub_like
