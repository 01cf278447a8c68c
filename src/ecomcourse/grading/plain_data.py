"""Answers as plain data: what a student's kernel may send the engine, and nothing else.

``encode`` runs in the kernel and turns an answer into a folder of files: ``value.json`` (numbers,
strings, booleans, None, lists, tuples, dicts, numpy scalars, timestamps) and one Arrow IPC file
per DataFrame or Series. ``decode`` runs in the engine and rebuilds real Python, numpy and pandas
objects from those files, never unpickling and never calling code of the kernel's. An answer
that is none of these (an object that only claims to be a DataFrame, a generator, a class)
cannot be encoded, and a folder that is not what ``encode`` writes cannot be decoded: both fail.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
from pathlib import Path

import numpy as np
import pandas as pd

MAX_BYTES = 64 * 1024 * 1024  # one file of an answer
MAX_DEPTH = 32
NUMPY_KINDS = "biufMm"  # numpy scalars kept as such: booleans, integers, floats, datetimes, durations


class NotPlainData(Exception):
    """The answer, or what the kernel sent, is not plain data of a kind the engine reads."""


def encode(value: object, folder: Path) -> None:
    """Write ``value`` into ``folder`` (in the kernel)."""
    folder.mkdir(parents=True, exist_ok=True)
    tree = _Encoder(folder).tree(value, 0)
    (folder / "value.json").write_text(json.dumps(tree, allow_nan=True), encoding="utf-8")


def decode(inbox: Inbox, *folder: str) -> object:
    """Read what ``encode`` wrote in the folder at ``folder`` inside ``inbox`` (in the engine)."""
    try:
        tree = json.loads(inbox.read(*folder, "value.json"))
    except (OSError, ValueError) as error:
        raise NotPlainData(f"no readable answer ({type(error).__name__})") from None
    try:
        return _Decoder(inbox, folder).value(tree, 0)
    except (TypeError, ValueError, OverflowError) as error:
        raise NotPlainData(f"not an answer the engine wrote ({type(error).__name__})") from None


class Inbox:
    """A folder the kernel writes into, read and written by the engine without following any
    link the kernel may have planted there (the engine runs outside the sandbox)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(mode=0o700)
        self.folder = folder
        self.fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)

    def close(self) -> None:
        os.close(self.fd)

    def read(self, *parts: str) -> bytes:
        """The regular file at ``parts`` under the folder, at most MAX_BYTES."""
        fds = [self.fd]
        try:
            for name in parts[:-1]:
                fds.append(os.open(self._name(name), os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fds[-1]))
            fds.append(os.open(self._name(parts[-1]), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fds[-1]))
            if not stat.S_ISREG(os.fstat(fds[-1]).st_mode):
                raise OSError(f"{parts[-1]} is not a regular file")
            with os.fdopen(os.dup(fds[-1]), "rb") as file:
                data = file.read(MAX_BYTES + 1)
        finally:
            for fd in fds[1:]:
                os.close(fd)
        if len(data) > MAX_BYTES:
            raise NotPlainData(f"the answer is larger than {MAX_BYTES // 2**20} MB")
        return data

    def write(self, name: str, data: bytes) -> Path:
        """A new file ``name`` in the folder (never an existing one, never through a link)."""
        fd = os.open(self._name(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=self.fd)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        return self.folder / name

    @staticmethod
    def _name(name: str) -> str:
        if not name or "/" in name or name in (".", ".."):
            raise NotPlainData(f"not a file name: {name!r}")
        return name


class _Encoder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables = 0

    def tree(self, value: object, depth: int) -> object:  # noqa: PLR0911 - one branch per kind
        if depth > MAX_DEPTH:
            raise NotPlainData("nested too deeply")
        if value is None or type(value) in (bool, int, str):
            return value
        if type(value) is float:
            return value if math.isfinite(value) else {"float": repr(value)}
        if type(value) in (list, tuple):
            items = [self.tree(item, depth + 1) for item in value]
            return items if type(value) is list else {"tuple": items}
        if type(value) is dict:
            return {"dict": [[self.tree(k, depth + 1), self.tree(v, depth + 1)] for k, v in value.items()]}
        if isinstance(value, np.str_):
            return str(value)
        if isinstance(value, np.generic) and value.dtype.kind in NUMPY_KINDS:
            item = int(value.astype("int64")) if value.dtype.kind in "Mm" else value.item()
            return {"numpy": value.dtype.str, "value": self.tree(item, depth + 1)}
        if type(value) is pd.Timestamp or type(value) is dt.datetime:
            return {"timestamp": value.isoformat()}
        if value is pd.NaT:
            return {"nat": True}
        if type(value) is dt.date:
            return {"date": value.isoformat()}
        if type(value) in (pd.DataFrame, pd.Series):
            return self.table(value)
        raise NotPlainData(f"an object of type {type(value).__name__}")

    def table(self, value: pd.DataFrame | pd.Series) -> dict:
        import pyarrow as pa

        name = f"table-{self.tables}.arrow"
        self.tables += 1
        frame = value.to_frame(name="values") if isinstance(value, pd.Series) else value
        try:
            table = pa.Table.from_pandas(frame)
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise NotPlainData(f"a {type(value).__name__} Arrow cannot hold: {error}") from None
        with pa.OSFile(str(self.folder / name), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        if isinstance(value, pd.Series):
            return {"series": name, "name": self.tree(value.name, 1)}
        return {"frame": name}


class _Decoder:
    def __init__(self, inbox: Inbox, folder: tuple[str, ...]) -> None:
        self.inbox = inbox
        self.folder = folder

    def value(self, tree: object, depth: int) -> object:  # noqa: PLR0911 - one branch per kind
        if depth > MAX_DEPTH:
            raise NotPlainData("nested too deeply")
        if tree is None or type(tree) in (bool, int, float, str):
            return tree
        if type(tree) is list:
            return [self.value(item, depth + 1) for item in tree]
        if type(tree) is not dict or len(tree) not in (1, 2):
            raise NotPlainData("not an answer the engine wrote")
        kind = next(iter(tree))
        inner = tree[kind]
        if kind == "tuple" and type(inner) is list:
            return tuple(self.value(item, depth + 1) for item in inner)
        if kind == "dict" and type(inner) is list and all(type(p) is list and len(p) == 2 for p in inner):
            try:
                return {self.value(k, depth + 1): self.value(v, depth + 1) for k, v in inner}
            except TypeError:
                raise NotPlainData("a dict key that cannot be a key") from None
        if kind == "float" and inner in ("nan", "inf", "-inf"):
            return float(inner)
        if kind == "numpy" and type(inner) is str and np.dtype(inner).kind in NUMPY_KINDS:
            return np.array(self.value(tree.get("value"), depth + 1), dtype=inner)[()]
        if kind == "timestamp" and type(inner) is str:
            return pd.Timestamp(inner)
        if kind == "nat":
            return pd.NaT
        if kind == "date" and type(inner) is str:
            return dt.date.fromisoformat(inner)
        if kind in ("frame", "series") and type(inner) is str:
            return self.table(kind, inner, tree.get("name"), depth)
        raise NotPlainData("not an answer the engine wrote")

    def table(self, kind: str, name: str, series_name: object, depth: int) -> pd.DataFrame | pd.Series:
        import pyarrow as pa

        try:
            data = self.inbox.read(*self.folder, name)
            frame = pa.ipc.open_file(pa.BufferReader(data)).read_all().to_pandas()
        except (pa.ArrowException, OSError, ValueError, TypeError, KeyError) as error:
            raise NotPlainData(f"an unreadable table ({type(error).__name__})") from None
        if kind == "frame":
            return frame
        if list(frame.columns) != ["values"]:
            raise NotPlainData("a Series that is not one column")
        return frame["values"].rename(self.value(series_name, depth + 1))
