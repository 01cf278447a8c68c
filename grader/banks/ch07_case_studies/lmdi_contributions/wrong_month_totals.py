# Wrong: compares the months' totals, so September's missing 31st day counts as a loss of visitors.
def lmdi_contributions(daily, base, target):
    month = daily["date"].dt.strftime("%Y-%m")
    m0 = daily[month == base].groupby("source")[["uv", "buyers", "gmv"]].sum()
    m1 = daily[month == target].groupby("source")[["uv", "buyers", "gmv"]].sum().reindex(m0.index)
    f0 = pd.DataFrame({"uv": m0["uv"], "cr": m0["buyers"] / m0["uv"], "aov": m0["gmv"] / m0["buyers"]})
    f1 = pd.DataFrame({"uv": m1["uv"], "cr": m1["buyers"] / m1["uv"], "aov": m1["gmv"] / m1["buyers"]})
    g0, g1 = m0["gmv"], m1["gmv"]
    weight = ((g1 - g0) / (np.log(g1) - np.log(g0))).where(g1 != g0, g0)
    return np.log(f1 / f0).mul(weight, axis=0)
