"""Peak memory of a process tree, sampled while a benchmark runs."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psutil


class PeakMemory:
    """The highest memory, in MB, of a process tree sampled while open: the process ``root()``
    gives (this one by default) and every process below it. ``peak_mb`` adds up resident sizes
    (a library every process maps counts once per process); ``peak_pss_mb`` adds up proportional
    set sizes (a shared page counts once in all), the tree's real share of the machine."""

    def __init__(self, root: Callable[[], psutil.Process | None] | None = None, every: float = 0.2) -> None:
        self.root, self.every, self._stop = root, every, threading.Event()
        self.peak_mb = self.peak_pss_mb = 0.0

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        import psutil  # the hub's extra, which `make venv` installs

        while not self._stop.wait(self.every):
            root = self.root() if self.root else psutil.Process()
            if root is None:
                continue
            rss = pss = 0
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    memory = process.memory_full_info()
                    rss, pss = rss + memory.rss, pss + getattr(memory, "pss", memory.rss)
            self.peak_mb, self.peak_pss_mb = max(self.peak_mb, rss / 2**20), max(self.peak_pss_mb, pss / 2**20)
