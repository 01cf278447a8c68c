"""Each chapter's test hints (``STRINGS``) and dataset labels (``LABELS``), one module per chapter."""

from __future__ import annotations

from . import ch02, ch04

CHAPTERS = (ch02, ch04)

STRINGS: dict[str, dict[str, str]] = {k: v for m in CHAPTERS for k, v in m.STRINGS.items()}
LABELS: dict[str, dict[str, str]] = {k: v for m in CHAPTERS for k, v in getattr(m, "LABELS", {}).items()}
