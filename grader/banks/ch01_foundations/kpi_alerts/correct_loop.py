# Correct, written differently: a loop over the report with a dictionary of owners.
def kpi_alerts(report, owners, threshold=0.10):
    info = owners.set_index("kpi")[["role", "direction"]].to_dict("index")
    rows = []
    for kpi, previous, current in zip(report.index, report["previous"], report["current"]):
        change = current / previous - 1
        bad = -change if info[kpi]["direction"] == "higher" else change
        if bad > threshold:
            rows.append({"kpi": kpi, "role": info[kpi]["role"], "change": change})
    return pd.DataFrame(rows, columns=["kpi", "role", "change"]).set_index("kpi")
