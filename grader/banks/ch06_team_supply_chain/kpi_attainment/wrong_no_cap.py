# Wrong: no cap, so one big overshoot hides a missed target.
import numpy as np


def kpi_attainment(team_kpis, month, cap=1.2):
    sheet = team_kpis[team_kpis["month"] == month]
    ratio = np.where(sheet["direction"] == "lower", sheet["target"] / sheet["actual"], sheet["actual"] / sheet["target"])
    out = sheet.assign(points=ratio * sheet["weight"]).groupby("employee_id").agg(
        role=("role", "first"), score=("points", "sum"))
    return out.sort_values("score", ascending=False)
