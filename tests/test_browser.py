"""The course as people see it: JupyterLab in headless Chromium, both editions of every chapter.

Runs every cell of a solved copy (no error, figures are images, the widget is a live control that
reacts, Chinese text is drawn with a CJK font), presses nbgrader's Validate on the solved copy and
on the blank release, and opens formgrader as an instructor, who scores a written memo there.
Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import CHAPTERS, wait_until
from nbgrader.api import Gradebook

from ecomcourse import paths
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = paths.ROOT / "build" / "screenshots"
CJK_FONT_WORDS = ("CJK", "Hei", "PingFang", "WenQuanYi", "Source Han", "Noto Sans SC", "Ecomcourse")
try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - the skip below explains
    sync_playwright = None

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() or sync_playwright is None,
                       reason="needs Debian's Chromium and Playwright: apt-get install chromium chromium-driver "
                              "fonts-noto-cjk && .venv/bin/pip install -e '.[test]'"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), 1).close()
    except OSError:
        return False
    return True


def _wait_for(page, condition: str, arg: object, timeout_ms: int) -> None:
    """Wait until the JavaScript ``condition(arg)`` holds, or the time is up: the assertion after
    the wait says what was missing."""
    try:
        page.wait_for_function(condition, arg=arg, timeout=timeout_ms)
    except PlaywrightTimeout:
        pass


def _settings(folder: Path) -> Path:
    """Lab settings for tests: render every cell (no windowing), no news pop-up."""
    for plugin, values in {"notebook-extension/tracker": {"windowingMode": "none"},
                           "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}.items():
        target = folder / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    return folder


class Lab:
    def __init__(self, root: Path, settings: Path):
        self.port = _free_port()
        env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings)}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={self.port}",
             "--ServerApp.token=", "--ServerApp.password=", "--allow-root", f"--ServerApp.root_dir={root}"],
            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_until(lambda: self.process.poll() is not None or _listening(self.port), 90) \
                or self.process.poll() is not None:
            raise RuntimeError(f"JupyterLab did not start (exit code {self.process.poll()})")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def student_lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("student")
    for chapter in CHAPTERS:
        for lang in ("zh", "en"):
            blank = nbformat.read(paths.released_notebook(chapter, lang), as_version=4)
            folder = root / lang / chapter
            folder.mkdir(parents=True)
            nbformat.write(blank, folder / f"{chapter}.ipynb")
            nbformat.write(fill_answers(blank, solution_sources(chapter)), folder / "solved.ipynb")
    lab = Lab(root, _settings(tmp_path_factory.mktemp("settings")))
    yield lab
    lab.stop()


def _open(browser, lab: Lab, path: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(lab.url(f"lab/tree/{path}?reset"))  # a fresh workspace: only this notebook open
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", state="attached", timeout=120_000)
    # the notebook is ready once its kernel is (a busy machine starts kernels slowly)
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=180_000)
    return page


def _run_all(page) -> None:
    """Run every cell (the kernel is ready, see ``_open``), and wait until each code cell has run:
    none is left unrun ``[ ]`` or queued ``[*]``."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    waiting = page.locator(".jp-CodeCell .jp-InputPrompt").filter(has_text=re.compile(r"\[[ *]\]"))
    expect(waiting, "every code cell ran").to_have_count(0, timeout=300_000)


def _fonts_used(page, selector: str) -> list[str]:
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    document = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    return [f["familyName"] for f in fonts]


def _widget_state(page, widget) -> str:
    """What a failed redraw leaves: the widget's output text and the kernel's status."""
    status = page.locator(".jp-StatusBar-TextItem", has_text="|").first
    kernel = status.inner_text() if status.count() else "no kernel status"
    return f"kernel: {kernel!r}; widget output: {widget.locator('.widget-output').inner_text()[:600]!r}"


def _change_first_control(widget) -> None:
    """Pick the next option of the widget's first dropdown, or halve its first slider's value."""
    dropdown = widget.locator(".widget-dropdown select")
    if dropdown.count():
        options = dropdown.first.locator("option").count()
        current = dropdown.first.evaluate("element => element.selectedIndex")
        dropdown.first.select_option(index=(current + 1) % options)
        return
    readout = widget.locator(".widget-slider .widget-readout").first
    number = float(re.sub(r"[^0-9.]", "", readout.inner_text()))
    readout.click()
    readout.page.keyboard.press("Control+A")
    readout.page.keyboard.type(f"{number / 2:g}")
    readout.page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solved_notebook_runs_with_figures_and_a_live_widget(browser, student_lab, chapter, lang):
    page = _open(browser, student_lab, f"{lang}/{chapter}/solved.ipynb")
    _run_all(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    solved = nbformat.read(paths.ROOT / "notebooks" / lang / chapter / f"{chapter}.ipynb", as_version=4)
    figures = sum(c.source.count("plt.show()") for c in solved.cells if c.cell_type == "code")
    images = page.locator(".jp-OutputArea-output img")
    # a busy machine draws the last figures after the kernel is idle
    _wait_for(page, "n => document.querySelectorAll('.jp-OutputArea-output img').length >= n", figures, 90_000)
    assert images.count() >= figures, "every figure renders as an image"
    widget = page.locator(".jp-OutputArea-output:has(.widget-vbox)").first
    widget.scroll_into_view_if_needed()
    assert widget.locator(".widget-dropdown select, .widget-slider").first.is_visible(), \
        "the widget is a live control, not a text repr"
    page.screenshot(path=str(SHOTS / f"{chapter}_{lang}_widget.png"))
    before = widget.inner_text()
    drawn = widget.locator(".widget-output .jp-OutputArea-child")
    first_drawn = drawn.first.element_handle() if drawn.count() else None
    redrawn = widget.locator(".widget-output img")
    charts = redrawn.count()
    _change_first_control(widget)
    # redrawn: the old output is gone, the text is new, as many charts as before are drawn and loaded
    _wait_for(page, """([widget, old, before, charts]) => {
        const images = [...widget.querySelectorAll('.widget-output img')];
        return (old === null || !old.isConnected) && widget.innerText !== before && images.length >= charts
               && images.every(img => img.complete && img.naturalWidth > 0);
    }""", [widget.element_handle(), first_drawn, before, charts], 120_000)  # a busy machine redraws slowly
    assert widget.inner_text() != before, \
        f"changing a control redraws the widget's output ({_widget_state(page, widget)})"
    # a control may fire more than one change (a range slider moves both ends): let the last redraw land
    _wait_for(page, """([widget, charts]) => {
        const images = [...widget.querySelectorAll('.widget-output img')];
        return images.length >= charts && images.every(img => img.complete && img.naturalWidth > 0);
    }""", [widget.element_handle(), charts], 60_000)
    assert redrawn.count() >= charts, f"the widget redraws its chart ({_widget_state(page, widget)})"
    if charts:
        redrawn.last.scroll_into_view_if_needed()
        assert redrawn.last.evaluate("img => img.complete && img.naturalWidth > 0"), "the redrawn chart loads"
    page.screenshot(path=str(SHOTS / f"{chapter}_{lang}_widget_changed.png"))
    if lang == "zh":
        fonts = _fonts_used(page, ".jp-RenderedMarkdown h1")
        assert any(word in font for font in fonts for word in CJK_FONT_WORDS), fonts
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{chapter}_{lang}_top.png"))
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chapter", CHAPTERS)
@pytest.mark.parametrize("copy, verdict", [("solved.ipynb", "Success"), ("blank", "cell failed")])
def test_validate_button(browser, student_lab, chapter, lang, copy, verdict):
    name = f"{chapter}.ipynb" if copy == "blank" else copy
    page = _open(browser, student_lab, f"{lang}/{chapter}/{name}")
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).first.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=300_000)
    page.wait_for_function("() => !document.querySelector('.jp-Dialog')?.innerText.includes('Validating')",
                           timeout=300_000)
    text = dialog.inner_text()
    page.screenshot(path=str(SHOTS / f"{chapter}_{lang}_validate_{copy.split('.')[0]}.png"))
    assert verdict in text, text[:400]
    page.close()


def test_formgrader_lists_the_assignments(browser, tmp_path):
    course = Classroom(tmp_path / "course", CHAPTERS, ("zh",))
    chapter = CHAPTERS[0]
    course.hand_in("wang_fang", chapter, fill_answers(course.student_notebook(chapter), solution_sources(chapter)))
    course.autograde(chapter)
    lab = Lab(course.root / "grader", _settings(tmp_path / "settings"))
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(lab.url("formgrader"))
        page.wait_for_selector(f"text={chapter}", timeout=120_000)
        page.screenshot(path=str(SHOTS / "formgrader.png"))
        page.goto(lab.url(f"formgrader/gradebook/{chapter}/{chapter}"))
        page.wait_for_selector("text=wang_fang", state="attached", timeout=120_000)
        page.screenshot(path=str(SHOTS / "formgrader_submissions.png"))
        page.close()
    finally:
        lab.stop()
        shutil.rmtree(tmp_path / "course", ignore_errors=True)


def test_formgrader_scores_a_written_memo(browser, tmp_path):
    """An instructor opens the memo in formgrader, gives points and a comment; the gradebook keeps them."""
    chapter = "ch07_case_studies"
    course = Classroom(tmp_path / "course", (chapter,), ("zh",))
    course.hand_in("li_lei", chapter, fill_answers(course.student_notebook(chapter), solution_sources(chapter)))
    course.autograde(chapter)
    lab = Lab(course.root / "grader", _settings(tmp_path / "settings"))
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(lab.url(f"formgrader/gradebook/{chapter}/{chapter}"))
        page.click("text=Submission #1", timeout=120_000)
        score = page.locator("input.score#memo")
        score.wait_for(timeout=120_000)
        score.scroll_into_view_if_needed()
        score.fill("5")
        with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT"):
            score.press("Tab")  # formgrader saves a field when it changes
        comment = page.locator("textarea#memo-comment")
        comment.fill("发现写得清楚；行动缺少负责人。")
        with page.expect_response(lambda r: "/formgrader/api/comment/" in r.url and r.request.method == "PUT"):
            comment.press("Tab")
        page.screenshot(path=str(SHOTS / "formgrader_memo.png"))
        page.close()
    finally:
        lab.stop()
    scores = course.scores(chapter).set_index(["student_id", "grade_id"])
    assert scores.loc[("li_lei", "memo"), "score"] == 5
    assert not scores.loc[("li_lei", "memo"), "needs_manual_grade"]
    with Gradebook(f"sqlite:///{course.root / 'grader' / 'gradebook.db'}") as gb:
        comments = {c.name: c.comment for c in gb.find_submission_notebook(chapter, chapter, "li_lei").comments}
    assert comments["memo"] == "发现写得清楚；行动缺少负责人。"
    shutil.rmtree(tmp_path / "course", ignore_errors=True)
