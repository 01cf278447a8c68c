# Wrong: counts orders in month k instead of distinct returning customers.
def cohort_retention(orders):
    paid = orders[orders["status"] == "paid"]
    month = paid["paid_at"].dt.to_period("M")
    first = month.groupby(paid["customer_id"]).transform("min")
    k = (month - first).apply(lambda offset: offset.n)
    counts = pd.crosstab(first.astype(str), k)
    size = paid.assign(first=first.astype(str)).groupby("first")["customer_id"].nunique()
    rate = counts.div(size, axis=0)
    last = (month.max() - month.min()).n
    rate = rate.reindex(columns=range(last + 1))
    horizon = {c: (month.max() - pd.Period(c, "M")).n for c in rate.index}
    for c, h in horizon.items():
        rate.loc[c, rate.columns > h] = np.nan
        rate.loc[c, (rate.columns <= h) & rate.loc[c].isna()] = 0.0
    rate.index.name = "cohort"
    return rate
