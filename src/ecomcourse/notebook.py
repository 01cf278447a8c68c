"""What a chapter's first (locked) cell calls: language, plotting style, display options."""

from __future__ import annotations

import pandas as pd

from .data.loader import data_folder
from .i18n import set_language, t
from .plotting import setup_plotting


def setup(chapter: str, lang: str) -> None:
    """Prepare a chapter notebook in ``lang`` ("zh" or "en") and say where the data is."""
    set_language(lang)
    setup_plotting()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
    print(t("setup.ready", chapter=chapter, data=data_folder()))
