# Correct, written differently: month numbers as integers and a crosstab.
def cohort_retention(orders):
    paid = orders[orders["status"] == "paid"]
    month = paid["paid_at"].dt.year * 12 + paid["paid_at"].dt.month - 1
    act = pd.DataFrame({"c": paid["customer_id"].to_numpy(), "m": month.to_numpy()}).drop_duplicates()
    act["first"] = act.groupby("c")["m"].transform("min")
    act["k"] = act["m"] - act["first"]
    counts = pd.crosstab(act["first"], act["k"])
    last, start = act["m"].max(), act["m"].min()
    counts = counts.reindex(columns=range(last - start + 1), fill_value=0)
    rate = counts.div(counts[0], axis=0).astype(float)
    for first in rate.index:
        rate.loc[first, rate.columns > last - first] = np.nan
    rate.index = [f"{m // 12}-{m % 12 + 1:02d}" for m in rate.index]
    rate.index.name = "cohort"
    rate.columns = list(rate.columns)
    return rate
