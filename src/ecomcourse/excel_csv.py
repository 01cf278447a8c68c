"""CSV files that Excel on Chinese Windows opens as they are: the course's datasets and the grading
engine's results alike."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """UTF-8 with BOM, ISO dates, LF line ends, no index."""
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n", date_format="%Y-%m-%d %H:%M:%S")
