# Wrong: weighs the log changes by the base month's GMV per day instead of the log mean.
def lmdi_contributions(daily, base, target):
    month = daily["date"].dt.strftime("%Y-%m")
    m0 = daily[month == base].groupby("source")[["uv", "buyers", "gmv"]].sum() / pd.Period(base).days_in_month
    m1 = daily[month == target].groupby("source")[["uv", "buyers", "gmv"]].sum().reindex(m0.index)
    m1 = m1 / pd.Period(target).days_in_month
    f0 = pd.DataFrame({"uv": m0["uv"], "cr": m0["buyers"] / m0["uv"], "aov": m0["gmv"] / m0["buyers"]})
    f1 = pd.DataFrame({"uv": m1["uv"], "cr": m1["buyers"] / m1["uv"], "aov": m1["gmv"] / m1["buyers"]})
    return np.log(f1 / f0).mul(m0["gmv"], axis=0)
