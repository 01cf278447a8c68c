"""``load_dataset(name)``: the one way notebooks read course data, from any working directory.

Where the data is, seaborn-style: :func:`get_data_home` names the folder an installed package
keeps it in (the argument, else ``$ECOMCOURSE_DATA``, else the user cache), and
``ecomcourse data --home`` fills it. Without an argument :func:`load_dataset` also looks for
``datasets/`` beside the working directory (a course checkout or a released assignment folder).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import pandas as pd

from ..i18n import t
from . import store
from .registry import schemas

ENV_VAR = "ECOMCOURSE_DATA"
FILL_COMMAND = "ecomcourse data --home"


class DatasetError(Exception):
    """A dataset cannot be loaded; the message is in the notebook's language."""


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/ecomcourse/datasets`` (``~/.cache/…`` by default; ``%LOCALAPPDATA%\\…`` on
    Windows when ``XDG_CACHE_HOME`` is unset)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: ignore an unset or relative value
        local = os.environ.get("LOCALAPPDATA", "") if sys.platform == "win32" else ""
        base = local or str(Path.home() / ".cache")
    return Path(base) / "ecomcourse" / "datasets"


def get_data_home(data_home: str | Path | None = None) -> Path:
    """The folder that holds the course data outside a checkout: ``data_home``, else
    ``$ECOMCOURSE_DATA``, else the user cache (:func:`user_cache_dir`). ``ecomcourse data --home``
    writes the data there; nothing is created here."""
    if data_home is None:
        data_home = os.environ.get(ENV_VAR) or user_cache_dir()
    return Path(data_home).expanduser()


def checkout_datasets() -> Path | None:
    """``datasets/`` of the course repository this package is imported from, when it is imported
    from one (an editable install, as ``make`` sets up); None for an installed wheel."""
    package = Path(__file__).resolve().parents[1]
    root = package.parents[1]
    if package.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root / "datasets"
    return None


def candidate_folders(start: Path | None = None, data_home: str | Path | None = None) -> list[Path]:
    """Where the data may be, in order. With ``data_home``, only there. Otherwise
    ``$ECOMCOURSE_DATA``; ``datasets/`` beside the working directory (or ``start``) or any parent;
    the checkout this package runs from, if it runs from one (so autograding outside the repository
    works in development); the user cache that ``ecomcourse data --home`` fills."""
    if data_home is not None:
        return [get_data_home(data_home)]
    folders = []
    if os.environ.get(ENV_VAR):
        folders.append(Path(os.environ[ENV_VAR]).expanduser())
    here = (start or Path.cwd()).resolve()
    folders += [p / "datasets" for p in (here, *here.parents)]
    checkout = checkout_datasets()
    if checkout is not None:
        folders.append(checkout)
    folders.append(user_cache_dir())
    return folders


def data_folder(start: Path | None = None, data_home: str | Path | None = None) -> Path:
    """The first folder of :func:`candidate_folders` that holds a manifest."""
    for folder in candidate_folders(start, data_home):
        if (folder / store.MANIFEST).is_file():
            return folder
    raise DatasetError(t("data.not_found", command=FILL_COMMAND, env=ENV_VAR,
                         home=get_data_home(data_home)))


@cache
def _read(path: Path, sha256: str, mtime: float) -> pd.DataFrame | None:
    """The parsed table, or None when the file does not match its checksum (cached per version)."""
    if store.sha256(path) != sha256:
        return None
    table = schemas()[path.stem]
    return table.coerce(pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False,
                                    na_values=[""]))


def load_dataset(name: str, data_home: str | Path | None = None) -> pd.DataFrame:
    """A course dataset as a typed DataFrame (dates parsed, money as float, rates as fractions),
    from :func:`data_folder` (only ``data_home`` when it is given).

    >>> orders = load_dataset("orders")
    """
    if name not in schemas():
        raise DatasetError(t("data.unknown", name=name, names=", ".join(schemas())))
    folder = data_folder(data_home=data_home)
    entry = store.read_manifest(folder)["tables"].get(name)
    if entry is None:
        raise DatasetError(t("data.unknown", name=name, names=", ".join(schemas())))
    path = folder / entry["file"]
    if not path.is_file():
        raise DatasetError(t("data.missing_file", path=path, folder=folder))
    table = _read(path, entry["sha256"], path.stat().st_mtime)
    if table is None:
        raise DatasetError(t("data.corrupted", path=path, folder=folder))
    return table.copy()
