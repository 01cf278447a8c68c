# Wrong: treats every fall as bad, forgetting that for costs and response times a rise is what hurts.
def kpi_alerts(report, owners, threshold=0.10):
    table = report.join(owners.set_index("kpi"))
    table["change"] = (table["current"] - table["previous"]) / table["previous"]
    return table.loc[table["change"] < -threshold, ["role", "change"]]
