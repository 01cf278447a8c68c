# Wrong: sequential substitution (UV first, then CR, then spend per buyer) instead of LMDI.
def lmdi_contributions(daily, base, target):
    month = daily["date"].dt.strftime("%Y-%m")
    m0 = daily[month == base].groupby("source")[["uv", "buyers", "gmv"]].sum() / pd.Period(base).days_in_month
    m1 = daily[month == target].groupby("source")[["uv", "buyers", "gmv"]].sum().reindex(m0.index)
    m1 = m1 / pd.Period(target).days_in_month
    u0, c0, a0 = m0["uv"], m0["buyers"] / m0["uv"], m0["gmv"] / m0["buyers"]
    u1, c1, a1 = m1["uv"], m1["buyers"] / m1["uv"], m1["gmv"] / m1["buyers"]
    return pd.DataFrame({"uv": (u1 - u0) * c0 * a0, "cr": u1 * (c1 - c0) * a0, "aov": u1 * c1 * (a1 - a0)})
