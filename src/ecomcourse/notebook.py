"""What a chapter's notebook calls: its first (locked) cell's ``setup``; and what grading skips —
a widget builder decorated with ``demonstration``, a cell that starts with ``%%demonstration``
(a figure that only shows a result, which no test and no later cell uses); and ``show_in``,
how a widget redraws its output."""

from __future__ import annotations

import functools
import io
import os
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import matplotlib
import pandas as pd
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import Image
from matplotlib.figure import Figure

from .data.loader import data_folder
from .i18n import set_language, t
from .plotting import setup_plotting

if TYPE_CHECKING:
    import ipywidgets as widgets

Tool = TypeVar("Tool", bound=Callable)


def grading() -> bool:
    """True while nbgrader (or the course's engine) runs the notebook to grade or validate it."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def setup(chapter: str, lang: str) -> None:
    """Prepare a chapter notebook in ``lang`` ("zh" or "en") and say where the data is. While
    grading, figures are built but never drawn: no test looks at a picture."""
    set_language(lang)
    setup_plotting()
    shell = _shell()
    if shell is not None:
        shell.register_magic_function(_demonstration_cell, magic_kind="cell", magic_name="demonstration")
    if grading():
        matplotlib.use("agg")
        warnings.filterwarnings("ignore", message="FigureCanvasAgg is non-interactive")
        if shell is not None:
            import matplotlib.pyplot as plt

            shell.events.register("post_execute", lambda: plt.close("all"))
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    print(t("setup.ready", chapter=chapter, data=data_folder()))


def _shell():  # noqa: ANN202 - IPython's shell, or None outside IPython
    from IPython import get_ipython

    return get_ipython()


def _demonstration_cell(line: str, cell: str) -> None:
    """``%%demonstration``: run the cell, except while grading."""
    if not grading():
        _shell().run_cell(cell)


def demonstration(build: Tool) -> Tool:
    """For a widget builder: while grading, show nothing and return None (no test uses a widget)."""

    @functools.wraps(build)
    def shown_unless_grading(*args: object, **kwargs: object) -> object:
        return None if grading() else build(*args, **kwargs)

    return shown_unless_grading  # type: ignore[return-value]


def show_in(out: widgets.Output, *items: object) -> None:
    """What a widget's ``out`` shows from now on: ``items`` (HTML, figures, anything IPython can
    display), set in one update of the widget's state. Drawing inside ``with out:`` instead loses
    a slow figure now and then (ipywidgets issue 3986); a widget must redraw on every change."""
    formatter = InteractiveShell.instance().display_formatter
    outputs = []
    for item in items:
        data, metadata = formatter.format(_png(item) if isinstance(item, Figure) else item)
        outputs.append({"output_type": "display_data", "data": data, "metadata": metadata})
    out.outputs = tuple(outputs)


def _png(figure: Figure) -> Image:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(figure)
    return Image(data=buffer.getvalue(), format="png")
