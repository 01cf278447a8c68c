"""Answers as plain data: what a student's kernel may send the engine, and nothing else.

``dumps`` runs in the kernel and turns an answer into bytes: a JSON tree (numbers, strings,
booleans, None, lists, tuples, dicts, numpy scalars, timestamps) and one Arrow IPC stream per
DataFrame or Series. ``loads`` runs in the engine and rebuilds real Python, numpy and pandas
objects from those bytes, never unpickling and never calling the kernel's code. An answer that
is none of these (an object that only claims to be a DataFrame, a generator, a class) cannot be
sent, and bytes that are not what ``dumps`` writes cannot be read: both fail the test.

The kernel may forge those bytes, so ``loads`` reads them within the caps below, in time and
memory bounded by them, and anything else raises :class:`NotPlainData`: a stream pyarrow would
decompress, fields it would not validate, metadata from which pandas would build far more than
the stream holds, dict keys whose hashes collide.

``send`` and ``receive`` frame one message on a socket: an 8-byte length, then the bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import socket
import struct
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import pyarrow as pa

MAX_BYTES = 256 * 1024 * 1024  # one message
MAX_TREE_BYTES = 16 * 1024 * 1024  # its JSON tree
MAX_TABLES = 10_000  # DataFrames and Series in one message
MAX_TABLE_BYTES = 128 * 1024 * 1024  # the Arrow bodies of all its tables (dumps never compresses them)
MAX_SCHEMA_BYTES = 1024 * 1024  # their schemas: column names and pandas metadata, which pandas parses
MAX_ITEMS = 5_000_000  # JSON values and table cells in one message (the course's biggest join: 3.7 M)
MAX_KEYS = 100_000  # in one dict
MAX_TEXT = 256  # characters of a string pandas or numpy parses: a date, a dtype, a column name
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
    """What ``dumps`` wrote (in the engine), from bytes the kernel may have forged."""
    try:
        if len(data) > MAX_BYTES:
            raise NotPlainData(f"a message larger than {MAX_BYTES // 2**20} MB")
        view, (count,), offset, parts = memoryview(data), struct.unpack_from(">I", data), 4, []
        if count > 1 + MAX_TABLES:
            raise NotPlainData(f"more than {MAX_TABLES:,} tables")
        for _ in range(count):
            (size,) = struct.unpack_from(">Q", data, offset)
            if offset + 8 + size > len(data):
                raise NotPlainData("a message cut short")
            parts.append(view[offset + 8:offset + 8 + size])
            offset += 8 + size
        if not parts or offset != len(data):
            raise NotPlainData("not a message the engine wrote")
        if len(parts[0]) > MAX_TREE_BYTES:
            raise NotPlainData(f"a JSON tree larger than {MAX_TREE_BYTES // 2**20} MB")
        return _Decoder(parts[1:]).value(json.loads(bytes(parts[0])), 0)
    except NotPlainData:
        raise
    except Exception as error:  # forged bytes can trip any check in json, numpy, pandas or pyarrow
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


def _plain_key(key: object) -> bool:
    """Whether ``key`` may key a dict: a scalar whose hash an answer cannot make collide with many
    others (ints k, k + 2**61 - 1, ... hash alike, and tuples can be made to), so a dict of them
    is rebuilt in linear time."""
    if type(key) is int:
        return -2**63 <= key < 2**63
    if key is None or isinstance(key, (str, bool, float, dt.date)):  # dates, datetimes, Timestamps too
        return True
    return isinstance(key, np.generic) and key.dtype.kind in NUMPY_KINDS


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
            if not all(map(_plain_key, value)):
                raise NotPlainData("a dict with a key that is not a number, a string or a date")
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
    def __init__(self, tables: list[memoryview]) -> None:
        self.tables = tables
        self.read: set[int] = set()  # each table once: dumps writes one per DataFrame or Series
        self.spent = {"items": 0, "table bytes": 0, "schema bytes": 0}

    def spend(self, what: str, amount: int, cap: int) -> None:
        self.spent[what] += amount
        if self.spent[what] > cap:
            raise NotPlainData(f"more {what} than the engine reads ({cap:,})")

    def value(self, tree: object, depth: int) -> object:  # noqa: PLR0911 - one branch per kind
        if depth > MAX_DEPTH:
            raise NotPlainData("nested too deeply")
        self.spend("items", 1, MAX_ITEMS)
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
            return self.dict(inner, depth)
        if kind == "float" and inner in ("nan", "inf", "-inf"):
            return float(inner)
        if kind == "numpy" and type(inner) is str and len(inner) <= MAX_TEXT and np.dtype(inner).kind in NUMPY_KINDS:
            item = self.value(tree.get("value"), depth + 1)
            if type(item) in (bool, int, float):  # a scalar, not a list that would make an array
                return np.array(item, dtype=inner)[()]
        if kind in ("timestamp", "date") and type(inner) is str and len(inner) <= MAX_TEXT:
            return pd.Timestamp(inner) if kind == "timestamp" else dt.date.fromisoformat(inner)
        if kind == "nat":
            return pd.NaT
        if kind in ("frame", "series") and type(inner) is int and 0 <= inner < len(self.tables):
            return self.table(kind, inner, tree.get("name"), depth)
        raise NotPlainData("not an answer the engine wrote")

    def dict(self, pairs: list[list], depth: int) -> dict:
        if len(pairs) > MAX_KEYS:
            raise NotPlainData(f"a dict of more than {MAX_KEYS:,} keys")
        keys = [self.value(k, depth + 1) for k, _ in pairs]
        if not all(map(_plain_key, keys)):
            raise NotPlainData("a dict with a key that is not a number, a string or a date")
        return dict(zip(keys, (self.value(v, depth + 1) for _, v in pairs)))

    def table(self, kind: str, index: int, series_name: object, depth: int) -> pd.DataFrame | pd.Series:
        import pyarrow as pa

        if index in self.read:
            raise NotPlainData("a table read twice")
        self.read.add(index)
        stream = pa.py_buffer(self.tables[index])
        for message in pa.ipc.MessageReader.open_stream(stream):  # checked before pyarrow reads a batch
            self.spend("items", _message_items(memoryview(message.metadata)), MAX_ITEMS)
            if message.type == "schema":
                self.spend("schema bytes", message.metadata.size, MAX_SCHEMA_BYTES)
            else:
                self.spend("table bytes", message.body.size, MAX_TABLE_BYTES)
        table = pa.ipc.open_stream(stream).read_all()
        self.spend("items", table.num_columns, MAX_ITEMS)
        _check_types(table.schema)
        _check_pandas_metadata(table.schema)
        table.validate(full=True)  # offsets, UTF-8, dictionary indices: to_pandas trusts them all
        frame = table.to_pandas()
        if kind == "frame":
            return frame
        if list(frame.columns) != ["values"]:
            raise NotPlainData("a Series that is not one column")
        name = self.value(series_name, depth + 1)
        if type(name) in (list, dict):  # a dict would rename the index instead
            raise NotPlainData("a Series named by a list or a dict")
        return frame["values"].rename(name)


# Arrow IPC messages, read by hand: see _message_items.

_SCHEMA, _DICTIONARY_BATCH, _RECORD_BATCH = 1, 2, 3  # Message.header_type


def _read(kind: str, buffer: memoryview, at: int) -> int:
    """The little-endian number of struct format ``kind`` at ``at``."""
    if at < 0:
        raise NotPlainData("a malformed Arrow message")
    return struct.unpack_from("<" + kind, buffer, at)[0]


def _field(buffer: memoryview, table: int, index: int) -> int | None:
    """Where field ``index`` of the flatbuffer table at ``table`` is, or None when it is absent.

    A table starts with the signed distance back to its vtable: two uint16 sizes, then each field's
    uint16 offset in the table, 0 (or past the vtable's end) when the field is absent."""
    vtable = table - _read("i", buffer, table)
    slot = 4 + 2 * index
    offset = _read("H", buffer, vtable + slot) if slot < _read("H", buffer, vtable) else 0
    return table + offset if offset else None


def _scalar(kind: str, buffer: memoryview, table: int, index: int) -> int:
    """A number field; those read here all default to 0."""
    at = _field(buffer, table, index)
    return 0 if at is None else _read(kind, buffer, at)


def _target(buffer: memoryview, table: int, index: int) -> int | None:
    """Where the table or vector that field ``index`` refers to (by a uint32 distance on) is, or None."""
    at = _field(buffer, table, index)
    return None if at is None else at + _read("I", buffer, at)


def _message_items(metadata: memoryview) -> int:
    """The items one Arrow IPC message holds: 1, and for a batch its rows and, for each of its
    arrays (nested ones too, which rows times columns would miss), 1 and its length. Refuses what
    ``dumps`` never writes: compressed batches, dictionary deltas, big-endian data, other messages.

    Hand-written because pyarrow says neither whether a batch's body is compressed nor how large
    it is before it decompresses it (36 KB of zstd made 2.8 GB): these few fields of the message's
    flatbuffer, which pyarrow verified when it read the message, say so. Indices are those of the
    fields in Arrow's format/Message.fbs and Schema.fbs; layout: flatbuffers.dev/internals."""
    message = _read("I", metadata, 0)  # the root table
    kind, header = _scalar("B", metadata, message, 1), _target(metadata, message, 2)
    if header is None or _field(metadata, message, 4) is not None:  # custom_metadata: how Arrow 0.17 compressed
        raise NotPlainData("an Arrow message dumps never writes")
    if kind == _SCHEMA:
        if _scalar("h", metadata, header, 0) != 0:  # endianness: pyarrow would swap the bytes unvalidated
            raise NotPlainData("a big-endian Arrow table")
        return 1
    if kind == _DICTIONARY_BATCH and not _scalar("B", metadata, header, 2):  # isDelta: no, dumps never appends
        batch = _target(metadata, header, 1)  # data
    elif kind == _RECORD_BATCH:
        batch = header
    else:
        raise NotPlainData("an Arrow message dumps never writes")
    if batch is None or _field(metadata, batch, 3) is not None:  # compression
        raise NotPlainData("a compressed Arrow batch")
    rows, nodes = _scalar("q", metadata, batch, 0), _target(metadata, batch, 1)
    count = 0 if nodes is None else _read("I", metadata, nodes)
    if count > MAX_ITEMS:
        raise NotPlainData(f"more than {MAX_ITEMS:,} Arrow arrays")
    vector = metadata[nodes + 4:nodes + 4 + 16 * count] if count else b""
    if len(vector) != 16 * count:
        raise NotPlainData("a malformed Arrow message")
    lengths = [length for length, _null_count in struct.iter_unpack("<qq", vector)]  # FieldNode structs
    if rows < 0 or min(lengths, default=0) < 0:
        raise NotPlainData("a malformed Arrow message")
    return 1 + rows + count + sum(lengths)


_EXPANDING = ("string_view", "binary_view", "list_view", "large_list_view", "run_end_encoded")


def _check_types(schema: pa.Schema) -> None:
    """Refuse the Arrow types from which to_pandas makes far more than the stream holds: views (many
    rows over the same bytes), run-end encoding, and dictionaries inside other types (decoded row by
    row, where a top-level one stays a Categorical)."""
    import pyarrow as pa

    def check(type_: pa.DataType, top: bool) -> None:
        if any(getattr(pa.types, f"is_{name}")(type_) for name in _EXPANDING):
            raise NotPlainData(f"an Arrow {type_} column")
        if pa.types.is_dictionary(type_) and not top:
            raise NotPlainData("an Arrow dictionary inside another type")
        if isinstance(type_, pa.BaseExtensionType):
            check(type_.storage_type, False)
        elif pa.types.is_dictionary(type_):
            check(type_.value_type, False)
        for i in range(type_.num_fields):
            check(type_.field(i).type, False)

    for field in schema:
        check(field.type, True)


# A dtype as pyarrow's pandas metadata names one (int64, str, datetime64[ns, UTC], period[M], Int64),
# never a string or void dtype of a given size ("U2000000000"), to_pandas casting the column labels to it.
_LABEL_DTYPE = re.compile(r"([a-z]+(-[a-z]+)*|U?Int|Float)(8|16|32|64|128)?(\[[\w/:+, -]*\])?")
_CODES = ("int8", "int16", "int32", "int64")  # a Categorical's codes: what pandas metadata says of one


def _check_pandas_metadata(schema: pa.Schema) -> None:
    """Refuse pandas metadata from which to_pandas builds far more than the stream holds: column
    labels cast to a huge dtype, or long ones parsed as dates or Python literals; a dictionary
    column read as another dtype (decoded row by row) rather than a Categorical."""
    import pyarrow as pa

    metadata = schema.pandas_metadata or {"columns": []}
    columns = metadata["columns"]
    names = [*schema.names, *(column["name"] for column in columns)]
    if not all(name is None or type(name) is str and len(name) <= MAX_TEXT for name in names):
        raise NotPlainData(f"a column name that is not a string of at most {MAX_TEXT} characters")
    for labels in metadata.get("column_indexes", []):
        for dtype in (labels.get("pandas_type"), labels.get("numpy_type")):
            if not (dtype is None or type(dtype) is str and _LABEL_DTYPE.fullmatch(dtype)):
                raise NotPlainData("column labels of a dtype pandas never names")
    dictionaries = {field.name for field in schema if pa.types.is_dictionary(field.type)}
    for column in columns:
        if column.get("field_name", column["name"]) in dictionaries and column.get("numpy_type") not in _CODES:
            raise NotPlainData("a dictionary column that is not a Categorical")
