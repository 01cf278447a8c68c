"""An LMS zip download lands in nbgrader's submitted layout; the report rebuilds from a CSV."""

from __future__ import annotations

import zipfile

from ecomcourse.grading.collect import collect


def test_collect_files_each_student_latest_attempt(tmp_path):
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ch04_wangfang_attempt_2025-10-01-09-00-00_ch04.ipynb", '{"v": 1}')
        z.writestr("ch04_wangfang_attempt_2025-10-02-09-00-00_ch04.ipynb", '{"v": 2}')
        z.writestr("ch04_emma_attempt_2025-10-01-10-00-00_ch04.ipynb", '{"v": 3}')
        z.writestr("readme.ipynb", "{}")
    written, unmatched = collect("ch04_data_analysis", archive, tmp_path / "submitted")
    assert set(written) == {"wangfang", "emma"}
    target = tmp_path / "submitted" / "wangfang" / "ch04_data_analysis" / "ch04_data_analysis.ipynb"
    assert target.read_text() == '{"v": 2}'
    assert (target.parent / "timestamp.txt").read_text() == "2025-10-02-09-00-00"
    assert unmatched == ["readme.ipynb"]


def test_report_command_rebuilds_the_report_from_a_csv(tmp_path):
    import subprocess
    import sys

    import pandas as pd

    from ecomcourse.data.store import write_csv

    rows = pd.DataFrame({"student_id": ["a", "a", "b"], "assignment_id": ["ch04"] * 3,
                         "grade_id": ["t1", "t2", ""], "score": [1.0, 0.0, 0.0], "max_score": [1.0, 2.0, 3.0],
                         "status": ["graded", "graded", "invalid"], "message": ["", "AssertionError: 客单价", "bad"]})
    write_csv(rows, tmp_path / "r.csv")
    result = subprocess.run([sys.executable, "-m", "ecomcourse.cli", "report", "--csv", str(tmp_path / "r.csv")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "客单价" in html and html.count("<img") == 2
    wide = pd.read_csv(tmp_path / "r_wide.csv", encoding="utf-8-sig")
    assert wide.set_index("student_id").loc["a", "total"] == 1.0
