# nbgrader configuration of the course: run nbgrader commands from this folder.
# The edition released by `nbgrader generate_assignment` is $ECOMCOURSE_LANG (zh by default).
from pathlib import Path

from ecomcourse.nbgrader_course import configure

c = get_config()  # noqa: F821
configure(c, Path(__file__).resolve().parent.parent)
