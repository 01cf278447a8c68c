# Wrong: cohorts by the first order placed (unpaid included), by created_at.
def cohort_retention(orders):
    month = orders["created_at"].dt.to_period("M")
    act = pd.DataFrame({"customer_id": orders["customer_id"], "month": month}).drop_duplicates()
    first = act.groupby("customer_id")["month"].transform("min")
    act["cohort"] = first.astype(str)
    act["k"] = (act["month"] - first).apply(lambda offset: offset.n)
    counts = act.pivot_table(index="cohort", columns="k", values="customer_id", aggfunc="nunique")
    last = (month.max() - month.min()).n
    counts = counts.reindex(columns=range(last + 1))
    rate = counts.div(counts[0], axis=0)
    for c in rate.index:
        h = (month.max() - pd.Period(c, "M")).n
        rate.loc[c, rate.columns > h] = np.nan
        rate.loc[c, (rate.columns <= h) & rate.loc[c].isna()] = 0.0
    rate.index.name = "cohort"
    return rate
