# Wrong: stops at the first month in which any single channel reaches the threshold.
def first_month_reaching(monthly, threshold=10_000_000.0):
    hits = monthly[monthly["gmv"] >= threshold].sort_values("month")
    return str(hits["month"].iloc[0]) if len(hits) else None
