# Wrong: alerts when the change is exactly at the threshold (>= instead of strictly more).
def kpi_alerts(report, owners, threshold=0.10):
    table = report.join(owners.set_index("kpi"))
    table["change"] = (table["current"] - table["previous"]) / table["previous"]
    worse = table["change"].where(table["direction"] == "lower", -table["change"])
    return table.loc[worse >= threshold, ["role", "change"]]
