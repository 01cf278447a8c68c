"""`ecomcourse new-chapter` then `ecomcourse build`, in a copy of the repository, as a contributor
runs them: only paths that name the new chapter change (besides the generated README tables, the
catalogue and the data manifest, dictionary and CSVs), `build --check` passes right after, and the
new chapter's own tests pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ecomcourse import paths
from ecomcourse.authoring.scaffold import ScaffoldError, new_chapter

NEW = "ch08_sample"
GENERATED = {"README.md", "README.zh-CN.md", "grader/exercises.json", "datasets/manifest.json",
             "datasets/DATA_DICTIONARY.md"}


def _copy_of_the_repository(target):
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=paths.ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = paths.ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=course", "-c", "user.email=course@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=target, check=True)
    subprocess.run([*git, "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-qm", "before the new chapter"], cwd=target, check=True)


def _run(repo, *args, timeout=600):
    env = {**os.environ, "PYTHONPATH": str(repo / "src")}
    return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_new_chapter_builds_touches_only_its_own_paths_and_passes_its_tests(tmp_path):
    repo = tmp_path / "course"
    _copy_of_the_repository(repo)
    made = _run(repo, "-m", "ecomcourse.cli", "new-chapter", NEW,
                "--title-zh", "示例章节", "--title-en", "Sample chapter")
    assert made.returncode == 0, made.stderr
    built = _run(repo, "-m", "ecomcourse.cli", "build")
    assert built.returncode == 0, built.stdout + built.stderr

    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    changed = {line[3:] for line in status}
    strays = {p for p in changed if NEW not in p and p not in GENERATED}
    assert strays == set(), f"the new chapter changed files that do not name it: {sorted(strays)}"
    assert {f"solutions/{NEW}/{NEW}.ipynb", f"notebooks/zh/{NEW}/{NEW}.ipynb", f"notebooks/en/{NEW}/{NEW}.ipynb",
            f"datasets/{NEW}_daily.csv", f"tests/test_data_{NEW}.py"} <= changed
    assert f"`{NEW}` | 示例章节 · Sample chapter" in (repo / "README.md").read_text(encoding="utf-8")

    checked = _run(repo, "-m", "ecomcourse.cli", "build", "--check")
    assert checked.returncode == 0, checked.stdout

    tests = _run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", NEW)
    assert tests.returncode == 0, tests.stdout[-4000:]
    assert " passed" in tests.stdout.splitlines()[-1] and "failed" not in tests.stdout.splitlines()[-1]


def test_new_chapter_refuses_a_taken_number_or_a_malformed_id(tmp_path):
    with pytest.raises(ScaffoldError, match="ch04_data_analysis"):
        new_chapter("ch04_more_analysis", "更多分析", "More analysis", root=tmp_path)
    with pytest.raises(ScaffoldError, match="chNN_name"):
        new_chapter("Chapter-8", "示例", "Sample", root=tmp_path)
    assert list(tmp_path.iterdir()) == [], "nothing is written when the id is refused"
