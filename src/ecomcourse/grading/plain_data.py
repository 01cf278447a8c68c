"""Answers as plain data: what a student's kernel may send the engine, and nothing else.

``dumps`` runs in the kernel and turns an answer into bytes: a JSON tree (numbers, strings,
booleans, None, lists, tuples, dicts, numpy scalars, timestamps) and one Arrow IPC stream per
DataFrame or Series. ``loads`` runs in the engine and rebuilds real Python, numpy and pandas
objects from those bytes, never unpickling and never calling the kernel's code. An answer that
is none of these (an object that only claims to be a DataFrame, a generator, a class) cannot be
sent, and bytes that are not what ``dumps`` writes cannot be read: both fail the test.

``send`` and ``receive`` frame one message on a socket: an 8-byte length, then the bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import socket
import struct

import numpy as np
import pandas as pd

MAX_BYTES = 256 * 1024 * 1024  # one message
MAX_DEPTH = 32
NUMPY_KINDS = "biufMm"  # numpy scalars kept as such: booleans, integers, floats, datetimes, durations


class NotPlainData(Exception):
    """The answer, or what the kernel sent, is not plain data of a kind the engine reads."""


def dumps(value: object) -> bytes:
    """``value`` as bytes (in the kernel)."""
    encoder = _Encoder()
    parts = [json.dumps(encoder.tree(value, 0), allow_nan=False).encode(), *encoder.tables]
    return struct.pack(">I", len(parts)) + b"".join(struct.pack(">Q", len(p)) + p for p in parts)


def loads(data: bytes) -> object:
    """What ``dumps`` wrote (in the engine)."""
    try:
        (count,), offset, parts = struct.unpack_from(">I", data), 4, []
        for _ in range(count):
            (size,) = struct.unpack_from(">Q", data, offset)
            if offset + 8 + size > len(data):
                raise NotPlainData("a message cut short")
            parts.append(data[offset + 8:offset + 8 + size])
            offset += 8 + size
        if not parts or offset != len(data):
            raise NotPlainData("not a message the engine wrote")
        return _Decoder(parts[1:]).value(json.loads(parts[0]), 0)
    except (struct.error, TypeError, ValueError, OverflowError, RecursionError) as error:
        raise NotPlainData(f"not an answer the engine can read ({type(error).__name__})") from None


def send(connection: socket.socket, data: bytes) -> None:
    connection.sendall(struct.pack(">Q", len(data)) + data)


def receive(connection: socket.socket) -> bytes | None:
    """One message, or None when the other side closed the connection."""
    head = _exactly(connection, 8)
    if head is None:
        return None
    (size,) = struct.unpack(">Q", head)
    if size > MAX_BYTES:
        raise NotPlainData(f"a message larger than {MAX_BYTES // 2**20} MB")
    return _exactly(connection, size)


def _exactly(connection: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = connection.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class _Encoder:
    def __init__(self) -> None:
        self.tables: list[bytes] = []

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

        frame = value.to_frame(name="values") if isinstance(value, pd.Series) else value
        try:
            table = pa.Table.from_pandas(frame)
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise NotPlainData(f"a {type(value).__name__} Arrow cannot hold: {error}") from None
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        self.tables.append(sink.getvalue().to_pybytes())
        index = len(self.tables) - 1
        if isinstance(value, pd.Series):
            return {"series": index, "name": self.tree(value.name, 1)}
        return {"frame": index}


class _Decoder:
    def __init__(self, tables: list[bytes]) -> None:
        self.tables = tables

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
            return {self.value(k, depth + 1): self.value(v, depth + 1) for k, v in inner}
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
        if kind in ("frame", "series") and type(inner) is int and 0 <= inner < len(self.tables):
            return self.table(kind, inner, tree.get("name"), depth)
        raise NotPlainData("not an answer the engine wrote")

    def table(self, kind: str, index: int, series_name: object, depth: int) -> pd.DataFrame | pd.Series:
        import pyarrow as pa

        try:
            frame = pa.ipc.open_stream(pa.BufferReader(self.tables[index])).read_all().to_pandas()
        except (pa.ArrowException, OSError, ValueError, TypeError, KeyError) as error:
            raise NotPlainData(f"an unreadable table ({type(error).__name__})") from None
        if kind == "frame":
            return frame
        if list(frame.columns) != ["values"]:
            raise NotPlainData("a Series that is not one column")
        return frame["values"].rename(self.value(series_name, depth + 1))
