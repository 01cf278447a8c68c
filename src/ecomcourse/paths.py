"""Where the course's folders are, relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
GRADER = ROOT / "grader"
BANKS = GRADER / "banks"
CATALOG = GRADER / "exercises.json"
CHAPTERS = ("ch01_foundations", "ch02_platforms", "ch03_traffic_conversion", "ch04_data_analysis",
            "ch05_ab_testing", "ch06_team_supply_chain", "ch07_case_studies")


def master_notebook(chapter: str) -> Path:
    return SOLUTIONS / chapter / f"{chapter}.ipynb"


def released_notebook(chapter: str, lang: str) -> Path:
    return NOTEBOOKS / lang / chapter / f"{chapter}.ipynb"
