"""The grading engine's own settings, configured in ``grader/nbgrader_config.py`` like nbgrader's.

The time limit per cell is nbgrader's ``Execute.timeout``; everything else the engine adds is a
trait of :class:`GradingEngine`. Command-line flags become a config that is merged last.
"""

from __future__ import annotations

from traitlets import Bool, Enum, Integer, Unicode
from traitlets.config import Config, Configurable

from ..i18n import LANGUAGES


class GradingEngine(Configurable):
    """Limits and resources of ``ecomcourse grade``, beyond nbgrader's own Autograde settings."""

    notebook_timeout = Integer(600, help="Seconds one notebook may run in all").tag(config=True)
    memory_mb = Integer(2048, help="Memory of one notebook, in MB: of each process, and of all its processes "
                        "together with what they write to memory-backed folders where control groups work"
                        ).tag(config=True)
    processes = Integer(128, help="Processes and threads one notebook may run at once").tag(config=True)
    disk_mb = Integer(512, help="Size of the kernel's private /tmp and of its /dev/shm, in MB").tag(config=True)
    output_bytes = Integer(1_000_000, help="Output kept per cell; the rest is cut").tag(config=True)
    workers = Integer(0, help="Worker processes; 0 means one per core").tag(config=True)
    scheduler = Unicode("", help="Dask scheduler address; empty means local worker processes").tag(config=True)
    tls_ca_file = Unicode("", help="Dask over TLS (a tls:// scheduler): the CA that signed the cluster's "
                          "certificates").tag(config=True)
    tls_cert = Unicode("", help="Dask over TLS: this client's certificate, signed by tls_ca_file").tag(config=True)
    tls_key = Unicode("", help="Dask over TLS: this client's private key (readable by the instructor only)"
                      ).tag(config=True)
    bubblewrap = Bool(True, help="Use bubblewrap where it works; False means limits only").tag(config=True)
    trusted_checks = Bool(True, help="Decide each test's verdict in the engine's process, on plain data from "
                          "the kernel (a tampered kernel cannot fake a pass); False grades by the notebook's "
                          "own tests, as plain nbgrader does").tag(config=True)
    instructor_language = Enum(LANGUAGES, "zh", help="Language of the instructor report").tag(config=True)


def overrides(cell_timeout: int | None = None, notebook_timeout: int | None = None, memory_mb: int | None = None,
              output_bytes: int | None = None, workers: int | None = None, scheduler: str | None = None,
              bubblewrap: bool | None = None, trusted_checks: bool | None = None) -> Config:
    """A config holding only the settings given (command-line flags, tests), to merge over the course's."""
    config = Config()
    if cell_timeout is not None:
        config.Execute.timeout = cell_timeout
    engine = {"notebook_timeout": notebook_timeout, "memory_mb": memory_mb, "output_bytes": output_bytes,
              "workers": workers, "scheduler": scheduler, "bubblewrap": bubblewrap, "trusted_checks": trusted_checks}
    for name, value in engine.items():
        if value is not None:
            config.GradingEngine[name] = value
    return config
