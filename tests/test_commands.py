"""The documented commands do what the README says: ``make clean`` never deletes an instructor's
work, ``ecomcourse --help`` names every command, flags mean what they say."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from ecomcourse import paths
from ecomcourse.cli import build_parser
from ecomcourse.grading.settings import GradingEngine

INSTRUCTOR_WORK = ["grader/submitted/wang_fang/ch04_data_analysis/ch04_data_analysis.ipynb",
                   "grader/autograded/wang_fang/ch04_data_analysis/ch04_data_analysis.ipynb",
                   "grader/feedback/wang_fang/ch04_data_analysis/ch04_data_analysis.html", "grader/gradebook.db"]
REGENERATED = ["grader/demo/results.csv", "grader/bench/results.csv", "bench/results.json", "build/screenshots/a.png",
               ".pytest_cache/v/x", "src/ecomcourse/__pycache__/x.pyc"]


@pytest.fixture
def workspace(tmp_path):
    shutil.copyfile(paths.ROOT / "Makefile", tmp_path / "Makefile")
    for name in INSTRUCTOR_WORK + REGENERATED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("work", encoding="utf-8")
    return tmp_path


def _make(workspace, *args):
    return subprocess.run(["make", "-C", str(workspace), "clean", *args], capture_output=True, text=True, check=True)


def test_make_clean_keeps_the_gradebook_and_the_submissions(workspace):
    _make(workspace)
    assert all((workspace / name).is_file() for name in INSTRUCTOR_WORK)
    assert not any((workspace / name).exists() for name in REGENERATED)


def test_deleting_grading_work_takes_a_named_flag_and_says_so(workspace):
    result = _make(workspace, "DELETE_GRADING_WORK=yes")
    assert not any((workspace / name).exists() for name in INSTRUCTOR_WORK)
    assert "submission" in result.stdout and "grade" in result.stdout


def test_help_lists_every_command_on_one_line():
    commands = build_parser()._subparsers._group_actions[0].choices
    text = subprocess.run([sys.executable, "-m", "ecomcourse.cli", "--help"], capture_output=True, text=True).stdout
    for name in commands:
        assert re.search(rf"^\s+{name}\s+\S.*$", text, re.MULTILINE), f"{name} has no one-line description"


def test_data_seed_zero_is_recorded_as_zero(tmp_path):
    subprocess.run([sys.executable, "-m", "ecomcourse.cli", "data", "--seed", "0", "--scale", "0.02",
                    "--out", str(tmp_path)], check=True, capture_output=True)
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["seed"] == 0


def test_report_refuses_flags_a_grading_run_does_not_use(tmp_path):
    (tmp_path / "r.csv").write_text("student_id\n", encoding="utf-8")
    (tmp_path / "r.csv.state.json").write_text("{}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ecomcourse.cli", "report", "--csv", str(tmp_path / "r.csv"),
                             "--out", str(tmp_path / "x.html")], capture_output=True, text=True)
    assert result.returncode == 2 and "--out" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_the_course_config_documents_every_engine_setting_with_its_default():
    text = (paths.GRADER / "nbgrader_config.py").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^# c\.GradingEngine\.(\w+) = (\S+)", text, re.MULTILINE))
    defaults = {name: trait.default() for name, trait in GradingEngine.class_traits(config=True).items()}
    assert set(documented) == set(defaults)
    for name, value in documented.items():
        assert eval(value) == defaults[name], name  # noqa: S307 - the course's own config file
