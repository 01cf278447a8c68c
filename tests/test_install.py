"""The package works installed, not only from a checkout: the data home (argument, then
$ECOMCOURSE_DATA, then the user cache that `ecomcourse data --home` fills), and a wheel installed in a
fresh venv outside the repository, where a notebook's load_dataset, setup and widgets work."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from ecomcourse import i18n, paths
from ecomcourse.data import loader, store
from ecomcourse.data.loader import DatasetError, get_data_home, load_dataset


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    monkeypatch.delenv("ECOMCOURSE_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def test_data_home_is_the_argument_then_the_env_var_then_the_user_cache(clean_env, monkeypatch):
    tmp = clean_env
    assert get_data_home() == tmp / "cache" / "ecomcourse" / "datasets"
    monkeypatch.setenv("ECOMCOURSE_DATA", str(tmp / "env"))
    assert get_data_home() == tmp / "env"
    assert get_data_home(tmp / "arg") == tmp / "arg"
    assert get_data_home(str(tmp / "arg")) == tmp / "arg"


def test_user_cache_ignores_a_relative_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv("ECOMCOURSE_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    if sys.platform != "win32":
        assert get_data_home() == tmp_path / ".cache" / "ecomcourse" / "datasets"


def test_search_order_env_var_then_datasets_beside_the_working_folder_then_the_cache(clean_env, monkeypatch):
    tmp = clean_env
    deep = tmp / "course" / "notebooks" / "zh"
    deep.mkdir(parents=True)
    folders = loader.candidate_folders(deep)
    assert folders[0] == tmp / "course" / "notebooks" / "zh" / "datasets"
    assert tmp / "course" / "datasets" in folders
    assert folders[-1] == get_data_home()
    assert all("site-packages" not in str(f) for f in folders)
    monkeypatch.setenv("ECOMCOURSE_DATA", str(tmp / "env"))
    assert loader.candidate_folders(deep)[0] == tmp / "env"
    assert loader.candidate_folders(deep, data_home=tmp / "arg") == [tmp / "arg"]


def test_the_checkout_fallback_is_this_repository_only_when_imported_from_its_src():
    here = Path(loader.__file__).resolve()
    expected = paths.ROOT / "datasets" if here.is_relative_to(paths.ROOT / "src") else None
    assert loader.checkout_datasets() == expected


@pytest.mark.parametrize("lang, words", [("zh", "找不到课程数据"), ("en", "Cannot find the course data")])
def test_not_found_names_the_command_and_the_env_var(clean_env, lang, words):
    i18n.set_language(lang)
    try:
        with pytest.raises(DatasetError, match=words) as error:
            load_dataset("orders", data_home=clean_env / "nowhere")
    finally:
        i18n.set_language("zh")
    message = str(error.value)
    assert "`ecomcourse data --home`" in message and "ECOMCOURSE_DATA" in message
    assert str(clean_env / "nowhere") in message


def test_load_dataset_reads_an_explicit_data_home():
    rows = store.read_manifest(paths.DATASETS)["tables"]["products"]["rows"]
    assert len(load_dataset("products", data_home=paths.DATASETS)) == rows


# --- a wheel in a fresh venv, outside the repository ----------------------------------------------

def _run(args: list, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _build_wheel(tmp_path: Path) -> Path:
    """A wheel of the working tree, built from a copy so the repository gets no build/ folder."""
    source = tmp_path / "source"
    (source / "src").mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(paths.ROOT / name, source / name)
    shutil.copytree(paths.ROOT / "src" / "ecomcourse", source / "src" / "ecomcourse",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "--disable-pip-version-check", "-q", "-w", wheels, source], os.environ.copy(), tmp_path)
    (wheel,) = wheels.glob("ecomcourse-*.whl")
    return wheel


NOT_FOUND = """
import sys
import ecomcourse
from ecomcourse import i18n
from ecomcourse.data import load_dataset
from ecomcourse.data.loader import DatasetError
print(ecomcourse.__file__)
print(sys.argv[1] in sys.path)
for lang in ("en", "zh"):
    i18n.set_language(lang)
    try:
        load_dataset("orders")
    except DatasetError as error:
        print(error)
    else:
        print("loaded without data")
"""

NOTEBOOK = """
import json
from ecomcourse import notebook
from ecomcourse.data import load_dataset
from ecomcourse.plotting import BUNDLED_FONT
notebook.setup("ch04_data_analysis", lang="en")
orders = load_dataset("orders")
from ecomcourse.chapters.ch04_data_analysis.widgets import kpi_dashboard
kpi_dashboard(orders, load_dataset("traffic_daily"))
print(json.dumps({"orders": len(orders), "font": BUNDLED_FONT.is_file()}))
"""


@pytest.mark.slow
def test_a_wheel_in_a_fresh_venv_loads_the_data_outside_the_repository(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    assert not any((p / "datasets").exists() for p in (work, *work.parents)), "tmp_path lies under a datasets/"
    assert not work.resolve().is_relative_to(paths.ROOT)

    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    assert "ecomcourse/fonts/EcomcourseSansSC-Regular.otf" in names and "ecomcourse/fonts/OFL.txt" in names
    assert "ecomcourse/chapters/ch04_data_analysis/widgets.py" in names
    assert not [n for n in names if n.endswith(".csv")], "the data is generated, not shipped"

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], os.environ.copy(), tmp_path)
    python = venv / "bin" / "python"
    # install the wheel first: with the project's site-packages visible pip would find the editable
    # ecomcourse there and call it already installed
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
          "--disable-pip-version-check", "-q", wheel], os.environ.copy(), tmp_path)
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     os.environ.copy(), tmp_path).stdout.strip())
    # the dependencies without downloading: a path entry only, so the project's .pth files (its
    # editable hook to src/) are not processed
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "project_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")

    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k not in ("ECOMCOURSE_DATA", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", HOME=str(tmp_path / "home"),
               XDG_CACHE_HOME=str(cache), MPLBACKEND="agg", PYTHONDONTWRITEBYTECODE="1")

    out = _run([python, "-c", NOT_FOUND, paths.ROOT / "src"], env, work).stdout.splitlines()
    assert Path(out[0]).resolve().is_relative_to(site.resolve()), f"ecomcourse imported from {out[0]}"
    assert out[1] == "False", "the checkout's src/ is on the fresh venv's path"
    text = "\n".join(out[2:])
    home = cache / "ecomcourse" / "datasets"
    assert "Cannot find the course data" in text and "找不到课程数据" in text
    assert text.count("`ecomcourse data --home`") == 2 and text.count("ECOMCOURSE_DATA") == 2
    assert str(home) in text

    filled = _run([venv / "bin" / "ecomcourse", "data", "--home"], env, work).stdout
    assert str(home) in filled
    assert store.sha256(home / store.MANIFEST) == store.sha256(paths.DATASETS / store.MANIFEST), \
        "the installed generator does not reproduce the committed data"

    out = _run([python, "-c", NOTEBOOK], env, work).stdout.splitlines()
    assert out[0].startswith("Ready: ch04_data_analysis (English edition)") and str(home) in out[0]
    result = json.loads(out[-1])
    assert result == {"orders": store.read_manifest(paths.DATASETS)["tables"]["orders"]["rows"], "font": True}
    assert not (work / "datasets").exists()
