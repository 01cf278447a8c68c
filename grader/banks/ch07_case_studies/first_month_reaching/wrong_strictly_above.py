# Wrong: "reaching" read as strictly above the threshold.
def first_month_reaching(monthly, threshold=10_000_000.0):
    totals = monthly.groupby("month")["gmv"].sum()
    above = totals[totals > threshold]
    return str(above.index.min()) if len(above) else None
