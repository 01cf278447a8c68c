# Wrong: conversion and spend per buyer are averages of the daily rates, not month totals.
def lmdi_contributions(daily, base, target):
    d = daily.assign(month=daily["date"].dt.strftime("%Y-%m"), cr=daily["buyers"] / daily["uv"],
                     aov=daily["gmv"] / daily["buyers"])
    agg = dict(uv=("uv", "sum"), cr=("cr", "mean"), aov=("aov", "mean"), gmv=("gmv", "sum"))
    m0 = d[d["month"] == base].groupby("source").agg(**agg)
    m1 = d[d["month"] == target].groupby("source").agg(**agg).reindex(m0.index)
    for m, name in ((m0, base), (m1, target)):
        m[["uv", "gmv"]] = m[["uv", "gmv"]] / pd.Period(name).days_in_month
    w = ((m1["gmv"] - m0["gmv"]) / (np.log(m1["gmv"]) - np.log(m0["gmv"]))).fillna(m0["gmv"])
    return np.log(m1[["uv", "cr", "aov"]] / m0[["uv", "cr", "aov"]]).mul(w, axis=0)
