"""What the engine writes is only text: CSV cells never start a formula, kernel messages are cut
and escaped, and a timeout keeps the tampering an instructor must see."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook
from traitlets.config import Config

from ecomcourse.excel_csv import FORMULA_STARTS, defuse_file, write_csv
from ecomcourse.grading.autograder import MESSAGE_CHARS, Autograder, cell_results
from ecomcourse.grading.engine import COLUMNS, Submission, _message, _status, read_rows
from ecomcourse.grading.execute import Execution
from ecomcourse.grading.feedback import write_feedback
from ecomcourse.grading.report import write_report
from ecomcourse.grading.trusted import TrustedReport
from ecomcourse.nbgrader_config import put_interpreter_tools_on_path

HYPERLINK = '=HYPERLINK("http://x","click")'


def _cells(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as file:
        return list(csv.reader(file))


def _rows(student: str = "-bob", message: str = HYPERLINK) -> pd.DataFrame:
    return pd.DataFrame([dict(student_id=student, assignment_id="ch04", grade_id="t1", grading="auto", score=0.0,
                              max_score=1.0, status="graded", message=message, timestamp="", late_penalty=-0.5)],
                        columns=COLUMNS)


def test_write_csv_defuses_text_and_leaves_numbers(tmp_path):
    texts = [start + "1+1" for start in FORMULA_STARTS] + ["plain", "it's", "'=already", "x\r=1+1", None]
    frame = pd.DataFrame({"text": texts, "number": [-1.5] * len(texts), "count": [-3] * len(texts),
                          "=header": ["-"] * len(texts)})
    write_csv(frame, tmp_path / "t.csv")
    header, *cells = _cells(tmp_path / "t.csv")
    assert header == ["text", "number", "count", "'=header"]
    assert [row[0] for row in cells] == (["'" + start + "1+1" for start in FORMULA_STARTS[:-1]]
                                         + ["'\n1+1", "plain", "it's", "'=already", "x\n=1+1", ""])
    assert {tuple(row[1:]) for row in cells} == {("-1.5", "-3", "'-")}


def test_datasets_can_opt_out(tmp_path):
    write_csv(pd.DataFrame({"phone": ["+86 100 9907 3349"]}), tmp_path / "d.csv", defuse_formulas=False)
    assert _cells(tmp_path / "d.csv")[1] == ["+86 100 9907 3349"]


@pytest.mark.parametrize("message", [HYPERLINK, "-1", "@x\r=1+1", "'=written so"])
def test_the_per_exercise_csv_reads_back_as_written_run_after_run(tmp_path, message):
    write_csv(_rows(message=message), tmp_path / "first.csv")
    assert _cells(tmp_path / "first.csv")[1][0] == "'-bob"
    again = read_rows(tmp_path / "first.csv")
    assert again.loc[0, "student_id"] == "-bob" and again.loc[0, "late_penalty"] == -0.5
    assert again.loc[0, "message"] == {"@x\r=1+1": "@x\n=1+1", "'=written so": "=written so"}.get(message, message)
    write_csv(again, tmp_path / "second.csv")  # as --only-changed and `ecomcourse report` do: no second apostrophe
    assert (tmp_path / "second.csv").read_bytes() == (tmp_path / "first.csv").read_bytes()


def test_nbgrader_export_is_defused(tmp_path):
    put_interpreter_tools_on_path()  # nbgrader's gradebook runs alembic
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.add_assignment("ch04")
        gb.add_student("@evil", first_name=HYPERLINK)
    autograder = SimpleNamespace(config=Config(), db_url=url)  # what export reads of an Autograder
    Autograder.export(autograder, tmp_path / "export.csv")
    header, row = _cells(tmp_path / "export.csv", encoding=None)
    found = dict(zip(header, row))
    assert found["student_id"] == "'@evil"
    assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
    assert found["score"] == "0.0"


def test_defuse_file_keeps_numbers(tmp_path):
    (tmp_path / "x.csv").write_text("id,score\n-1e3,-2.5\n+x,3\n")
    defuse_file(tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_text() == "id,score\n-1e3,-2.5\n'+x,3\n"


def _test_cell(ename: str, evalue: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("assert answer()", execution_count=1, outputs=[
        nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[])])
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "t1", "points": 1, "solution": False, "locked": True}
    return cell


def test_a_kernel_message_is_cut_and_defused(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[_test_cell(HYPERLINK, "<script>alert(1)</script>" + "x" * 5000)])
    [(_, _, score, _, message)] = cell_results(nb)
    assert score == 0 and len(message) == MESSAGE_CHARS and message.endswith("…")
    assert message.startswith(HYPERLINK)
    write_csv(_rows(message=message), tmp_path / "r.csv")
    assert _cells(tmp_path / "r.csv")[1][COLUMNS.index("message")] == "'" + message


def test_feedback_and_report_show_messages_as_text(tmp_path):
    rows = _rows(student="<b>bob</b>", message="<script>alert(1)</script>").assign(status="flagged")
    write_feedback(tmp_path / "f.html", "en", "<b>bob</b>", "ch04", rows.to_dict("records"), "<i>note</i>")
    write_report(rows, tmp_path / "r.html", tmp_path / "r_wide.csv", "none", "en")
    for page in (tmp_path / "f.html", tmp_path / "r.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>" not in html and "<b>bob" not in html and "<i>" not in html
        assert "&lt;script&gt;" in html


def _submission() -> Submission:
    return Submission("bob", "ch04", "ch04", Path("bob/ch04/ch04.ipynb"), tampered=["t1 (edited)"],
                      flags=["imports socket"])


def _execution(outcome: str, message: str) -> Execution:
    return Execution("bob", "ch04", "ch04", "{}", outcome, message, TrustedReport(signs=["sys.excepthook"]))


def test_a_timeout_keeps_the_tampering_and_the_flags():
    stopped = "a cell ran past the time limit per cell and was stopped; the other cells were graded"
    status, note = _status(_submission(), _execution("timeout", stopped))
    assert status == "timeout"
    assert note == (f"{stopped}; test or read-only cells were changed and restored from the gradebook: "
                    "t1 (edited); flagged for review: imports socket, sys.excepthook")


def test_an_ok_run_is_still_tampered():
    status, note = _status(_submission(), _execution("ok", ""))
    assert status == "tampered"
    assert note == ("test or read-only cells were changed and restored from the gradebook: t1 (edited); "
                    "the kernel: sys.excepthook")


def test_a_cell_not_run_does_not_repeat_the_outcome():
    stopped = "the notebook ran longer than 60 s"
    note = f"{stopped}; test or read-only cells were changed"
    assert _message(f"NotRun: {stopped}", note, stopped) == f"NotRun: {stopped}; test or read-only cells were changed"
    assert _message("", note, stopped) == note
    assert _message("AssertionError: no", "", "") == "AssertionError: no"


def test_the_report_shows_a_submissions_whole_note(tmp_path):
    note = ("a cell ran past the time limit per cell and was stopped; test or read-only cells were changed and "
            "restored from the gradebook: t1 (edited)")
    failed = _rows(message=f"AssertionError: {'x' * 280}; {note}")
    rows = pd.concat([failed, _rows(message=note).assign(grade_id="t2")], ignore_index=True).assign(status="timeout")
    write_report(rows, tmp_path / "r.html", tmp_path / "r_wide.csv", "none", "en")
    assert f"<td>{note}</td>" in (tmp_path / "r.html").read_text(encoding="utf-8")
