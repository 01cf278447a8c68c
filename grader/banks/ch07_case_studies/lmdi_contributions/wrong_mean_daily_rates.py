# Wrong: conversion and spend per buyer are averages of the daily rates, not month totals.
def lmdi_contributions(daily, base, target):
    d = daily.assign(month=daily["date"].dt.strftime("%Y-%m"), cr=daily["buyers"] / daily["uv"],
                     aov=daily["gmv"] / daily["buyers"])
    m0 = d[d["month"] == base].groupby("source").agg(uv=("uv", "sum"), cr=("cr", "mean"), aov=("aov", "mean"), gmv=("gmv", "sum"))
    m1 = d[d["month"] == target].groupby("source").agg(uv=("uv", "sum"), cr=("cr", "mean"), aov=("aov", "mean"), gmv=("gmv", "sum"))
    m1 = m1.reindex(m0.index)
    w = ((m1["gmv"] - m0["gmv"]) / (np.log(m1["gmv"]) - np.log(m0["gmv"]))).fillna(m0["gmv"])
    return np.log(m1[["uv", "cr", "aov"]] / m0[["uv", "cr", "aov"]]).mul(w, axis=0)
