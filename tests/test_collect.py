"""An LMS zip download lands in nbgrader's submitted layout; the latest attempt wins."""

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
