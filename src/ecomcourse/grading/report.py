"""The instructor report: an HTML page with figures, a wide per-exercise CSV, nbgrader's export."""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..excel_csv import write_csv  # noqa: E402
from ..i18n import language, t  # noqa: E402
from ..plotting import percent_formatter, setup_plotting  # noqa: E402
from .feedback import STYLE  # noqa: E402


def _png(fig: plt.Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=110)
    plt.close(fig)
    return f"<img src='data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}'>"


def warm() -> None:
    """Load the report's fonts and renderer (about a second the first time): run beside a batch's
    notebooks, the report at its end does not wait for them. Not beside another figure."""
    setup_plotting()
    fig, ax = plt.subplots(figsize=(1, 1))
    ax.set_title("评分 grading")
    _png(fig)


KEYS = ["student_id", "assignment_id"]


def wide_table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per student and assignment, one column per exercise, then the points scored by the
    tests, the points given by hand, how many answers still await a grade by hand, the late
    penalty, and the total as nbgrader exports it."""
    graded = rows[rows["grade_id"] != ""]
    wide = graded.pivot_table(index=KEYS, columns="grade_id", values="score", aggfunc="sum")
    by_hand = rows["grading"] != "auto"
    groups = [rows[k] for k in KEYS]
    totals = pd.DataFrame({
        "auto_total": rows["score"].where(~by_hand, 0.0),
        "manual_total": rows["score"].where(by_hand, 0.0),
        "pending": (rows["grading"] == "pending").astype(int)}).groupby(groups).sum()
    totals["late_penalty"] = rows.groupby(groups)["late_penalty"].first()
    totals["total"] = (totals["auto_total"] + totals["manual_total"] - totals["late_penalty"]).clip(lower=0)
    return wide.join(totals, how="outer").fillna(0).reset_index()


def _with_defaults(rows: pd.DataFrame) -> pd.DataFrame:
    """Columns a CSV written by an older engine lacks."""
    rows = rows.fillna({"grade_id": "", "message": ""})
    defaults = {"grading": "auto", "timestamp": "", "late_penalty": 0.0}
    return rows.assign(**{name: value for name, value in defaults.items() if name not in rows})


def write_report(rows: pd.DataFrame, html_path: Path, wide_path: Path, sandbox: str, lang: str) -> None:
    """The report in ``lang`` (the instructor's language) and the wide CSV."""
    rows = _with_defaults(rows)
    wide = wide_table(rows)
    write_csv(wide, wide_path)
    with language(lang):
        html_path.write_text(_page(rows, wide, sandbox, lang), encoding="utf-8")


def _page(rows: pd.DataFrame, wide: pd.DataFrame, sandbox: str, lang: str) -> str:
    setup_plotting()
    per_student = wide.set_index(KEYS)[["total"]].rename(columns={"total": "score"}).join(
        rows.groupby(KEYS)["max_score"].sum())
    graded = rows[(rows["grade_id"] != "") & (rows["grading"] != "pending")]
    pending = rows[rows["grading"] == "pending"]
    pass_rate = (graded["score"] >= graded["max_score"]).groupby(graded["grade_id"]).mean().sort_values()

    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.hist(per_student["score"], bins=min(20, max(5, len(per_student) // 2)), color="#1c7ed6")
    ax.set(title=t("report.distribution"), xlabel=t("report.score"), ylabel=t("report.students"))
    distribution = _png(fig)
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(pass_rate) + 1))
    ax.barh(pass_rate.index, pass_rate, color="#2b8a3e")
    ax.xaxis.set_major_formatter(percent_formatter())
    ax.set(title=t("report.pass_rate"), xlim=(0, 1))
    rates = _png(fig)

    failed = graded[(graded["grading"] == "auto") & (graded["score"] < graded["max_score"]) & (graded["message"] != "")]
    top = (failed.assign(message=failed["message"].str.slice(0, 160))
           .groupby(["grade_id", "message"]).size().rename("n").reset_index()
           .sort_values(["grade_id", "n"], ascending=[True, False]).groupby("grade_id").head(3))
    messages = "".join(f"<tr><td>{escape(r.grade_id)}</td><td>{r.n}</td><td>{escape(r.message)}</td></tr>"
                       for r in top.itertuples())
    # each submission's shortest message: its note, whole (a test's failure comes before it in the others)
    by_length = rows[rows["status"] != "graded"].sort_values("message", key=lambda m: m.astype(str).str.len(),
                                                             kind="stable")
    attention = by_length.drop_duplicates(KEYS).sort_index()
    flagged = "".join(f"<tr><td>{escape(r.student_id)}</td><td>{escape(r.assignment_id)}</td>"
                      f"<td>{escape(r.status)}</td><td>{escape(str(r.message))}</td></tr>"
                      for r in attention.itertuples())
    late = rows[rows["late_penalty"] > 0].drop_duplicates(KEYS)
    late_rows = "".join(f"<tr><td>{escape(r.student_id)}</td><td>{escape(r.assignment_id)}</td>"
                        f"<td>{escape(str(r.timestamp))}</td><td>−{r.late_penalty:g}</td></tr>"
                        for r in late.itertuples())
    late_head = "".join(f"<th>{name}</th>" for name in t("report.late_columns").split("|"))
    return (f"<!doctype html><html lang={lang}><meta charset=utf-8><title>report</title><style>{STYLE}</style>"
            f"<h1>{escape(t('report.title', assignments=', '.join(sorted(rows['assignment_id'].unique()))))}</h1>"
            f"<p>{escape(t('report.summary', students=len(per_student), mean=per_student['score'].mean(), max_score=per_student['max_score'].max(), sandbox=sandbox))}</p>"  # noqa: E501
            + (f"<p><b>{escape(t('report.pending', answers=len(pending), grade_ids=', '.join(sorted(pending['grade_id'].unique()))))}</b></p>" if len(pending) else "")  # noqa: E501
            + f"{distribution}{rates}<h2>{t('report.messages')}</h2><table><tr><th>grade id</th>"
            f"<th>{t('report.count')}</th><th>message</th></tr>{messages or '<tr><td>' + t('report.none')}</table>"
            f"<h2>{t('report.attention')}</h2><table>{flagged or '<tr><td>' + t('report.none')}</table>"
            + (f"<h2>{t('report.late')}</h2><table><tr>{late_head}</tr>{late_rows}</table>" if late_rows else "")
            + "</html>")
