# Wrong: actual / target for every KPI, so a slower response time counts as "over-achieving".
import numpy as np


def kpi_attainment(team_kpis, month, cap=1.2):
    sheet = team_kpis[team_kpis["month"] == month]
    points = np.minimum(sheet["actual"] / sheet["target"], cap) * sheet["weight"]
    out = sheet.assign(points=points).groupby("employee_id").agg(role=("role", "first"), score=("points", "sum"))
    return out.sort_values("score", ascending=False)
