"""Each chapter's test hints (``STRINGS``) and dataset labels (``LABELS``), one module per chapter."""

from __future__ import annotations

from . import ch01, ch02, ch03, ch04, ch05, ch06, ch07

CHAPTERS = (ch01, ch02, ch03, ch04, ch05, ch06, ch07)

STRINGS: dict[str, dict[str, str]] = {k: v for m in CHAPTERS for k, v in m.STRINGS.items()}
LABELS: dict[str, dict[str, str]] = {k: v for m in CHAPTERS for k, v in getattr(m, "LABELS", {}).items()}
