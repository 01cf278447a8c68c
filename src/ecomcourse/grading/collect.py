"""``ecomcourse collect``: an LMS zip download into nbgrader's submitted layout, with nbgrader's own
zip_collect plugins (archive extraction, file-name regular expression)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin

# nbgrader's documented example: ps1_bitdiddle_attempt_2016-01-30-15-00-00_problem1.ipynb
DEFAULT_REGEXP = r".*_(?P<student_id>\w+)_attempt_(?P<timestamp>[0-9\-]+)_(?P<file_id>\w+)"


def collect(assignment: str, archive: Path, submissions: Path, notebook: str | None = None,
            regexp: str = DEFAULT_REGEXP) -> tuple[dict[str, Path], list[str]]:
    """Extract ``archive`` and file each notebook as ``<student>/<assignment>/<notebook>.ipynb``
    (the latest attempt wins). Returns the files written and the names nothing matched."""
    notebook = notebook or assignment
    collector = FileNameCollectorPlugin(named_regexp=regexp)
    latest: dict[str, tuple[str, Path]] = {}
    unmatched = []
    with tempfile.TemporaryDirectory() as tmp:
        incoming, extracted = Path(tmp) / "archive", Path(tmp) / "extracted"
        incoming.mkdir()
        shutil.copy(archive, incoming / archive.name)
        ExtractorPlugin().extract(str(incoming), str(extracted))
        for path in sorted(extracted.rglob("*.ipynb")):
            info = collector.collect(str(path))
            if not info or not info.get("student_id"):
                unmatched.append(path.name)
                continue
            stamp = info.get("timestamp") or ""
            if info["student_id"] not in latest or stamp >= latest[info["student_id"]][0]:
                latest[info["student_id"]] = (stamp, path)
        written = {}
        for student, (stamp, path) in sorted(latest.items()):
            folder = submissions / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, folder / f"{notebook}.ipynb")
            if stamp:
                (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
            written[student] = folder / f"{notebook}.ipynb"
    return written, unmatched
