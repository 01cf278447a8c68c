# Correct, written differently: a dictionary of monthly totals, then a loop over the sorted months.
def first_month_reaching(monthly, threshold=10_000_000.0):
    totals = {}
    for month, gmv in zip(monthly["month"], monthly["gmv"]):
        totals[month] = totals.get(month, 0.0) + gmv
    for month in sorted(totals):
        if totals[month] >= threshold:
            return month
    return None
