"""``load_dataset(name)``: the one way notebooks read course data, from any working directory."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pandas as pd

from ..i18n import t
from . import store
from .registry import TABLES

ENV_VAR = "ECOMCOURSE_DATA"


class DatasetError(Exception):
    """A dataset cannot be loaded; the message is in the notebook's language."""


def candidate_folders(start: Path | None = None) -> list[Path]:
    """Where the data may be, in order: $ECOMCOURSE_DATA, datasets/ beside the working directory
    or any parent, the course repository this package was installed from, the user cache."""
    folders = []
    if os.environ.get(ENV_VAR):
        folders.append(Path(os.environ[ENV_VAR]).expanduser())
    here = (start or Path.cwd()).resolve()
    folders += [p / "datasets" for p in (here, *here.parents)]
    folders.append(Path(__file__).resolve().parents[3] / "datasets")
    folders.append(Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ecomcourse" / "datasets")
    return folders


def data_folder(start: Path | None = None) -> Path:
    for folder in candidate_folders(start):
        if (folder / store.MANIFEST).is_file():
            return folder
    raise DatasetError(t("data.not_found"))


@cache
def _read(path: Path, sha256: str, mtime: float) -> pd.DataFrame | None:
    """The parsed table, or None when the file does not match its checksum (cached per version)."""
    if store.sha256(path) != sha256:
        return None
    table = TABLES[path.stem]
    return table.coerce(pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                                    na_values=[""]))


def load_dataset(name: str) -> pd.DataFrame:
    """A course dataset as a typed DataFrame (dates parsed, money as float, rates as fractions).

    >>> orders = load_dataset("orders")
    """
    if name not in TABLES:
        raise DatasetError(t("data.unknown", name=name, names=", ".join(TABLES)))
    folder = data_folder()
    entry = store.read_manifest(folder)["tables"].get(name)
    if entry is None:
        raise DatasetError(t("data.unknown", name=name, names=", ".join(TABLES)))
    path = folder / entry["file"]
    if not path.is_file():
        raise DatasetError(t("data.missing_file", path=path))
    table = _read(path, entry["sha256"], path.stat().st_mtime)
    if table is None:
        raise DatasetError(t("data.corrupted", path=path))
    return table.copy()
