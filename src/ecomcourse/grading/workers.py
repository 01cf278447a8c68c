"""Where notebooks execute: a local pool of worker processes, kept warm across batches, or a
Dask cluster. A worker that dies or overruns costs only the submission it was running."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, as_completed

from . import cgroups
from .execute import Execution, Job, execute
from .limits import Limits, die_with_parent
from .sandbox import sweep_workdirs
from .settings import GradingEngine
from .trusted import EXIT_STUCK

WORKER_GRACE = 60  # seconds a worker may take beyond the notebook's limit (kernel start, checks, clean-up)


def worker_settings(engine: GradingEngine) -> tuple[int, str, tuple[str, str, str]]:
    """The arguments of :class:`Workers` the course's engine settings ask for."""
    return (engine.workers or os.cpu_count() or 1, engine.scheduler,
            (engine.tls_ca_file, engine.tls_cert, engine.tls_key))


def warm_worker() -> None:
    """A local worker's start: it dies with the engine, and imports what every job needs once."""
    die_with_parent()
    import pandas  # noqa: F401 - the trusted checks' own pandas, and the checks themselves

    from .. import checks  # noqa: F401


class Workers:
    """``count`` local worker processes, or the Dask cluster at ``scheduler`` (over TLS with
    ``tls``: the CA file, this client's certificate and key); open until closed."""

    def __init__(self, count: int, scheduler: str = "", tls: tuple[str, str, str] = ("", "", "")) -> None:
        self.settings = (count, scheduler, tls)
        self.scheduler = scheduler
        if scheduler:
            from distributed import Client
            from distributed.security import Security

            security = Security(tls_ca_file=tls[0], tls_client_cert=tls[1], tls_client_key=tls[2],
                                require_encryption=True) if any(tls) else None
            self._client = Client(scheduler, security=security)
        else:
            from pebble import ProcessPool

            self._pool = ProcessPool(max_workers=count, context=multiprocessing.get_context("spawn"),
                                     initializer=warm_worker)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, job: Job) -> Future:
        if self.scheduler:
            return self._client.submit(execute, job, pure=False, retries=0)
        return self._pool.schedule(execute, (job,), timeout=job.limits.notebook_timeout + WORKER_GRACE)

    def completed(self, futures: Iterable[Future]) -> Iterator[Future]:
        if self.scheduler:
            from distributed import as_completed as dask_completed

            return iter(dask_completed(futures))
        return as_completed(futures)

    def warm(self) -> None:
        """Start the local workers now, not at the first job."""
        if not self.scheduler:
            self._pool.schedule(os.getpid).result()

    def sweep(self) -> None:
        """Remove what workers that died mid-job left: their control groups and job folders."""
        if not self.scheduler:
            cgroups.sweep()
            sweep_workdirs()

    def close(self) -> None:
        if self.scheduler:
            self._client.close()
            return
        self._pool.stop()  # a worker still running is abandoned with its sandbox
        self._pool.join()
        self.sweep()


def result(future: Future, job: Job) -> Execution:
    """What the worker returned, or, when it did not finish, why: that costs this submission only."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a lost worker is this submission's outcome
        outcome, message = _lost(error, job.limits)
        return Execution(job.student_id, job.assignment_id, job.notebook_id, None, outcome, message)


def _lost(error: Exception, limits: Limits) -> tuple[str, str]:
    if isinstance(error, TimeoutError):
        return "timeout", (f"grading this notebook took longer than {limits.notebook_timeout + WORKER_GRACE} s; "
                           "its grading process was stopped")
    code = getattr(error, "exitcode", None)
    if code == EXIT_STUCK:
        return "timeout", "checking an answer took longer than the time limit; its grading process was stopped"
    if code is not None:
        why = f"signal {-code}" if code < 0 else f"exit code {code}"
        return "error", f"the process grading this notebook died ({why}); the rest of the class was graded"
    return "error", f"the process grading this notebook failed ({type(error).__name__}: {str(error)[:200]})"
