# Wrong: caps the weighted total instead of each KPI, so one overshoot still hides a miss.
import numpy as np


def kpi_attainment(team_kpis, month, cap=1.2):
    sheet = team_kpis[team_kpis["month"] == month]
    lower = sheet["direction"] == "lower"
    ratio = np.where(lower, sheet["target"] / sheet["actual"], sheet["actual"] / sheet["target"])
    out = sheet.assign(points=ratio * sheet["weight"]).groupby("employee_id").agg(
        role=("role", "first"), score=("points", "sum"))
    out["score"] = out["score"].clip(upper=cap)
    return out.sort_values("score", ascending=False)
