"""CSV files that Excel on Chinese Windows opens as they are: the course's datasets and the grading
engine's results alike.

A text cell that Excel or LibreOffice would read as a formula gets a leading apostrophe (OWASP's
advice against CSV injection): student ids and kernel messages end up in these files.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_DTYPES = ["object", "string", "category"]
LONE_CR = re.compile(r"\r(?!\n)")
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def defuse(value: object) -> object:
    """A string that would start a formula, with an apostrophe before it, and a lone carriage return
    in it as a line feed (the CSV writer leaves it unquoted, and Excel would start a row there);
    anything else as it is."""
    if not isinstance(value, str):
        return value
    return LONE_CR.sub("\n", "'" + value if value.startswith(FORMULA_STARTS) else value)


def undefuse(value: object) -> object:
    """A value as it was before :func:`defuse` (but for a lone carriage return, now a line feed)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def write_csv(df: pd.DataFrame, path: Path, defuse_formulas: bool = True) -> None:
    """UTF-8 with BOM, ISO dates, LF line ends, no index; text cells and headers defused, numbers as they are."""
    if defuse_formulas:
        df = df.copy()
        for column in df.select_dtypes(include=TEXT_DTYPES).columns:
            df[column] = df[column].map(defuse)
        df = df.rename(columns=defuse)
    df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n", date_format="%Y-%m-%d %H:%M:%S")


def read_csv(path: Path, **options: object) -> pd.DataFrame:
    """A CSV :func:`write_csv` wrote, with its text cells and headers as they were before defusing."""
    df = pd.read_csv(path, encoding="utf-8-sig", **options)
    for column in df.select_dtypes(include=TEXT_DTYPES).columns:
        df[column] = df[column].map(undefuse)
    return df.rename(columns=undefuse)


def defuse_file(path: Path) -> None:
    """Defuse a CSV another program wrote, where every cell is text: a cell that reads as a number
    stays as it is. The file keeps the encoding ``open`` gives it (the locale's) and LF line ends."""
    with path.open(newline="") as file:
        rows = list(csv.reader(file))
    with path.open("w", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(
            [cell if NUMBER.fullmatch(cell) else defuse(cell) for cell in row] for row in rows)
