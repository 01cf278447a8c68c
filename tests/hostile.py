"""Submissions that try to get the points without the work, one per route into the kernel: each
is a chapter's blank (or pretending) notebook whose first answer cell rewires the kernel."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from ecomcourse.authoring.classroom import fill_answers, solution_sources

# Reached through sys.modules and string concatenation, so no text scan sees the names.
IPYTHON = 'import sys\n_ip = sys.modules["IPy" + "thon"].get_ipython()\n'
ROUTES = {
    "input_transformer": IPYTHON + (
        "def _off(lines):\n"
        "    return ['pass\\n'] if any(('chec' + 'ks') in line for line in lines) else lines\n"
        "_ip.input_transformers_cleanup.append(_off)\n"),
    "ast_transformer": IPYTHON + (
        "import ast as _ast\n"
        "class _Empty(_ast.NodeTransformer):\n"
        "    def visit_Module(self, node):\n"
        "        text = _ast.unparse(node)\n"
        "        return _ast.Module(body=[_ast.Pass()], type_ignores=[]) if 'chec' + 'ks' in text else node\n"
        "_ip.ast_transformers.append(_Empty())\n"),
    "exception_handler": IPYTHON + "_ip.set_custom_exc((Exception,), lambda *args, **kwargs: None)\n",
    "silent_traceback": IPYTHON + (
        "_ip.showtraceback = lambda *args, **kwargs: None\n"
        "_ip._showtraceback = lambda *args, **kwargs: None\n"
        "_ip.kernel._execute_reply_status = 'ok'\n"),
    "event_hook": IPYTHON + (
        "def _patch(*args):\n"
        "    mod = sys.modules['ecomcourse.' + 'checks']\n"
        "    for name in dir(mod):\n"
        "        if name.startswith('expect'):\n"
        "            setattr(mod, name, lambda *a, **k: a[0] if a else None)\n"
        "_ip.events.register('pre_run_cell', _patch)\n"),
}
PRETEND = '''import math, sys
import numpy as np
import pandas as pd

class Pretend:
    """Claims to be a DataFrame and to equal anything."""
    @property
    def __class__(self):
        return pd.DataFrame
    def __eq__(self, other):
        return True
    __ne__ = __lt__ = __gt__ = lambda self, other: False
    __le__ = __ge__ = __eq__
    def __getattr__(self, name):
        return self
    def __getitem__(self, key):
        return self
    def __call__(self, *args, **kwargs):
        return self
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 3
    def __float__(self):
        return 0.0
    def __bool__(self):
        return True
    __hash__ = object.__hash__

_checks = sys.modules["ecomcourse." + "checks"]
for _name in dir(_checks):
    if _name.startswith("expect"):
        setattr(_checks, _name, lambda *a, **k: a[0] if a else None)
np.allclose = np.isclose = lambda *a, **k: True
math.isclose = lambda *a, **k: True
pd.DataFrame.equals = lambda self, other: True
'''


def pretending_answers(chapter: str) -> dict[str, str]:
    """Every answer function of ``chapter`` returns a :data:`PRETEND` object; the first answer
    cell also replaces the checks and numpy's, math's and pandas' comparisons."""
    answers = {}
    for grade_id, source in solution_sources(chapter).items():
        try:
            tree = ast.parse(source)
        except SyntaxError:  # a written answer
            continue
        functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        for function in functions:
            function.body = [ast.parse("return Pretend()").body[0]]
        if functions:
            answers[grade_id] = ast.unparse(ast.Module(body=functions, type_ignores=[]))
    first = next(iter(answers))
    answers[first] = PRETEND + answers[first]
    return answers


def hostile_notebooks(chapter: str, blank: NotebookNode) -> dict[str, NotebookNode]:
    """Each route's submission of ``chapter``, by name."""
    first = next(iter(pretending_answers(chapter)))
    notebooks = {route: fill_answers(blank, {first: code}) for route, code in ROUTES.items()}
    notebooks["pretend"] = fill_answers(blank, pretending_answers(chapter))
    return notebooks


# Escapes from the sandbox and attacks on the grading worker: each is the source of one answer cell
# (the chapter's first), which prints what it reached; a blank notebook around it earns nothing
# unless the attack works. Reached through importlib and string concatenation, as a scan-dodger would.
SUBPROCESS = 'import importlib\n_sp = importlib.import_module("sub" + "process")\n'
GIT_HISTORY = SUBPROCESS + '''import json, os
_read = []
for _git in [{checkout!r} + "/.git", os.getcwd() + "/.git"]:
    _found = _sp.run(["git", "--git-dir", _git, "show", "HEAD:solutions/{chapter}/{chapter}.ipynb"],
                     capture_output=True, text=True)
    if _found.returncode == 0:
        _read.append(_git)
        for _cell in json.loads(_found.stdout)["cells"]:
            if _cell["cell_type"] == "code" and _cell["metadata"].get("nbgrader", {{}}).get("solution"):
                exec("".join(_cell["source"]), globals())
print("git history read:", _read)
'''
ROOT_POWERS = SUBPROCESS + '''import os, socket
_status = open("/proc/self/status").read()
_seen = {{"CapEff": _status.split("CapEff:")[1].split()[0], "uid": os.getuid()}}
for _name, _command in {{"remount": ["mount", "-o", "remount,rw", "/"], "umount": ["umount", "-l", "/tmp"],
                         "mount": ["mount", "-t", "tmpfs", "none", "/tmp"]}}.items():
    _seen[_name] = _sp.run(_command, capture_output=True).returncode
try:
    socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    _seen["raw socket"] = "opened"
except OSError as _error:
    _seen["raw socket"] = type(_error).__name__
for _path in {paths!r}:
    _seen[_path] = os.path.exists(_path)
try:
    open({sentinel!r}, "a").write("reached")
    _seen["write outside"] = "ok"
except OSError as _error:
    _seen["write outside"] = type(_error).__name__
print("root powers:", _seen)
'''
_REPLY = '''import struct, sys
def _framed(tree, *tables):
    parts = [tree, *tables]
    return struct.pack(">I", len(parts)) + b"".join(struct.pack(">Q", len(p)) + p for p in parts)
'''
_SWAP_SERIALISER = '''_probe = sys.modules["ecomcourse.grading." + "probe"]
_probe.dumps = lambda value: _EVIL
'''
CRASHING_REPLY = _REPLY + '''import pyarrow as pa
_column = pa.array(["a", "b", "c"])
_offsets = pa.py_buffer(struct.pack("<4i", 0, 1, 1 << 30, 3))  # far past the data
_bad = pa.Array.from_buffers(pa.string(), 3, [None, _offsets, _column.buffers()[2]])
_sink = pa.BufferOutputStream()
with pa.ipc.new_stream(_sink, pa.schema([("s", pa.string())])) as _writer:
    _writer.write_batch(pa.RecordBatch.from_arrays([_bad], ["s"]))
_EVIL = _framed(b'{"dict": [["returned", {"frame": 0}]]}', _sink.getvalue().to_pybytes())
''' + _SWAP_SERIALISER
SLOW_REPLY = _REPLY + '''import json
_same_hash = [[k * (2 ** 61 - 1), 0] for k in range(100_000)]  # every key hashes alike
_EVIL = _framed(json.dumps({"dict": [["returned", {"dict": _same_hash}], ["kind", "value"],
                                      ["value", {"dict": _same_hash}]]}).encode())
''' + _SWAP_SERIALISER
INFLATING_REPLY = _REPLY + '''import numpy as np, pyarrow as pa
_table = pa.table({"zeros": np.zeros(20_000_000, dtype="int64")})  # 160 MB, a few KB compressed
_sink = pa.BufferOutputStream()
with pa.ipc.new_stream(_sink, _table.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as _writer:
    _writer.write_table(_table)
del _table
_EVIL = _framed(b'{"dict": [["returned", {"frame": 0}], ["kind", "value"], ["value", {"frame": 0}]]}',
                _sink.getvalue().to_pybytes())
''' + _SWAP_SERIALISER
PROCESS_HOG = '''import os
_started = 0
for _ in range(300):
    try:
        os.posix_spawn("/bin/sleep", ["sleep", "600"], {})
        _started += 1
    except OSError:
        break
print("processes started:", _started)
'''
MEMORY_HOG = SUBPROCESS + '''import sys
_hog = "b = bytearray(700 * 2 ** 20)\\nfor i in range(0, len(b), 4096): b[i] = 1\\nimport time; time.sleep(8)"
_children = [_sp.Popen([sys.executable, "-c", _hog]) for _ in range(4)]  # each within its own limit
print("children's exit codes:", [child.wait() for child in _children])
'''
SHARED_MEMORY_HOG = '''import os
_filled = {}
for _folder in ("/dev/shm", "/tmp"):
    _written = 0
    try:
        with open(os.path.join(_folder, "fill"), "wb") as _file:
            for _ in range(20):
                _file.write(bytes(100 * 2 ** 20))
                _file.flush()
                _written += 100
    except OSError as _error:
        _filled[_folder] = [_written, _error.errno]
    else:
        _filled[_folder] = [_written, 0]
print("filled:", _filled)
'''
DISK_HOG = '''_written = 0
try:
    for _n in range(30):  # 3 GB in 100 MB files, each within the file-size limit
        with open(f"fill-{_n}", "wb") as _file:
            _file.write(bytes(100 * 2 ** 20))
        _written += 100
except OSError as _error:
    print("job folder:", _written, _error.errno)
print("job folder:", _written)
'''
ENVIRONMENT = '''import os
def daily_kpis(*args, **kwargs):
    raise RuntimeError("; ".join(f"{key}={value}" for key, value in os.environ.items()))
'''
FORMULA = '''_Formula = type('=HYPERLINK("http://example.invalid/","open me")', (Exception,), {})
def daily_kpis(*args, **kwargs):
    raise _Formula("click")
'''


def printed(executed: Path, cell_id: str, prefix: str) -> object:
    """What cell ``cell_id`` of the executed notebook printed after ``prefix``, as a Python value."""
    nb = nbformat.read(executed, as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.get("id") == cell_id for o in c.outputs)
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    return ast.literal_eval(line.removeprefix(prefix).strip())
