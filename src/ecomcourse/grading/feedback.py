"""Feedback for one student in the language of their edition: every test's result and message,
never the hidden test code (nbgrader's own feedback copies it, nbgrader issue #917)."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from ..i18n import language, t

STYLE = ("body{font-family:'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;max-width:60em;"
         "margin:2em auto}td,th{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}"
         ".ok{color:#2b8a3e}.bad{color:#c92a2a}td:nth-child(2),td:nth-child(3){white-space:nowrap}")


FEEDBACK_PERMISSIONS = 0o644  # nbgrader's GenerateFeedback.permissions: the student reads the released copy
UNGRADED = ("invalid", "missing", "timeout", "memory", "kernel_died", "error")  # engine statuses a student can fix
EXPLAINED = (*UNGRADED, "tampered")  # statuses whose page says in a sentence what happened


def write_feedback(path: Path, lang: str, student: str, assignment: str, rows: list[dict], note: str) -> None:
    with language(lang):
        html = _page(lang, student, assignment, path.stem, rows, note)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    os.chmod(path, FEEDBACK_PERMISSIONS)


def notice_page(langs: list[str], student: str, assignment: str, status: str, **fields: object) -> str:
    """A page for a submission that was not graded, saying why in each of ``langs`` (both when
    the student's edition cannot be read from the submission)."""
    parts = []
    for lang in langs:
        with language(lang):
            title = t("feedback.title", assignment=assignment, student=student)
            reason = t("feedback.status." + status, **fields)
            parts.append(f"<section lang={lang}><h1>{escape(title)}</h1><p class=bad>{escape(reason)}</p></section>")
    return (f"<!doctype html><html lang={langs[0]}><meta charset=utf-8><title>{escape(assignment)}</title>"
            f"<style>{STYLE}</style>{''.join(parts)}</html>")


def _page(lang: str, student: str, assignment: str, notebook: str, rows: list[dict], note: str) -> str:
    max_score = sum(r["max_score"] for r in rows)
    pending = sum(r["max_score"] for r in rows if r["grading"] == "pending")
    penalty = rows[0].get("late_penalty", 0.0) if rows else 0.0
    score = max(0.0, sum(r["score"] for r in rows) - penalty)  # as nbgrader exports the total
    lines = [f"<tr><td>{escape(r['grade_id'] or '—')}</td><td>{r['score']:g} / {r['max_score']:g}</td>"
             f"<td{_result(r)}</td><td>{escape(r['message'])}</td></tr>" for r in rows]
    return (f"<!doctype html><html lang={lang}><meta charset=utf-8><title>{escape(assignment)}</title>"
            f"<style>{STYLE}</style><h1>{escape(t('feedback.title', assignment=assignment, student=student))}</h1>"
            f"<p><b>{t('feedback.total', score=score, max_score=max_score)}</b>"
            + (f" {t('feedback.total_pending', points=pending)}" if pending else "") + "</p>"
            + (f"<p class=bad>{escape(t('feedback.late', timestamp=rows[0]['timestamp'], penalty=penalty))}</p>"
               if penalty else "")
            + (f"<p class=bad>{escape(t('feedback.status.' + rows[0]['status'], notebook=notebook))}</p>"
               if rows and rows[0].get("status") in EXPLAINED else "")
            + (f"<p>{escape(note)}</p>" if note else "")
            + f"<table><tr><th>{t('feedback.exercise')}</th><th>{t('feedback.points')}</th>"
            f"<th>{t('feedback.result')}</th><th>{t('feedback.message')}</th></tr>{''.join(lines)}</table>"
            f"<p><small>{t('feedback.hidden')}</small></p></html>")


def _result(row: dict) -> str:
    """The attributes and text of the result cell (after ``<td``)."""
    if row["grading"] == "pending":
        return f">{t('feedback.pending')}"
    if row["grading"] in ("manual", "blank"):
        return f">{t('feedback.' + ('by_hand' if row['grading'] == 'manual' else 'blank'))}"
    if row["score"] >= row["max_score"] and row["grade_id"]:
        return f" class=ok>{t('feedback.passed')}"
    return f" class=bad>{t('feedback.failed')}"
