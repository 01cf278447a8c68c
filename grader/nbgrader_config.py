# nbgrader configuration of the course: run nbgrader commands from this folder.
# The edition released by `nbgrader generate_assignment` is $ECOMCOURSE_LANG (zh by default).
# `ecomcourse grade` reads this file too: nbgrader's Autograde settings (its steps, the late
# penalty, Execute.timeout per cell, ...) apply to both; its own settings are GradingEngine's.
from pathlib import Path

from ecomcourse.nbgrader_config import configure

c = get_config()  # noqa: F821
configure(c, Path(__file__).resolve().parent.parent)

# Late submissions (set a due date with `nbgrader db assignment add <id> --duedate=...`):
# c.LateSubmissionPlugin.penalty_method = "zero"        # nbgrader's default: "none"

# The grading engine (`ecomcourse grade`); its command-line flags override these.
# c.Execute.timeout = 120                      # seconds per cell (set by configure above)
# c.GradingEngine.notebook_timeout = 600       # seconds per notebook
# c.GradingEngine.memory_mb = 2048             # memory per process, and of all a notebook's processes together
# c.GradingEngine.processes = 128              # processes and threads of one notebook
# c.GradingEngine.disk_mb = 512                # size of the kernel's private /tmp and /dev/shm
# c.GradingEngine.output_bytes = 1_000_000     # output kept per cell
# c.GradingEngine.workers = 0                  # worker processes; 0: one per core
# c.GradingEngine.scheduler = ""               # a Dask scheduler address, e.g. "tls://10.0.0.5:8786"
# c.GradingEngine.tls_ca_file = ""             # Dask over TLS: the CA of the cluster's certificates,
# c.GradingEngine.tls_cert = ""                # this client's certificate
# c.GradingEngine.tls_key = ""                 # and its key (readable by the instructor only)
# c.GradingEngine.bubblewrap = True            # False: limits only, even where bubblewrap works
# c.GradingEngine.trusted_checks = True        # False: grade by the notebook's own tests, as plain nbgrader does
# c.GradingEngine.instructor_language = "zh"   # language of the instructor report ("zh" or "en")
