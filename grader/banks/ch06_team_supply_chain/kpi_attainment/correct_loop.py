# Correct, written differently: a loop over the month's rows with a dict of totals.
import pandas as pd


def kpi_attainment(team_kpis, month, cap=1.2):
    totals, roles = {}, {}
    for row in team_kpis.query("month == @month").itertuples():
        ratio = row.target / row.actual if row.direction == "lower" else row.actual / row.target
        totals[row.employee_id] = totals.get(row.employee_id, 0.0) + row.weight * min(ratio, cap)
        roles[row.employee_id] = row.role
    out = pd.DataFrame({"role": pd.Series(roles), "score": pd.Series(totals)})
    out.index.name = "employee_id"
    return out.sort_values("score", ascending=False)
