# Correct, written differently: month totals with pivot_table, per calendar day, then the formula source by source.
import calendar
import math


def lmdi_contributions(daily, base, target):
    d = daily.assign(month=daily["date"].dt.to_period("M").astype(str))
    sums = d.pivot_table(index="source", columns="month", values=["uv", "buyers", "gmv"], aggfunc="sum")
    days = {m: calendar.monthrange(int(m[:4]), int(m[5:]))[1] for m in (base, target)}
    rows = {}
    for source in sums.index:
        u0, u1 = sums.loc[source, ("uv", base)] / days[base], sums.loc[source, ("uv", target)] / days[target]
        b0, b1 = sums.loc[source, ("buyers", base)] / days[base], sums.loc[source, ("buyers", target)] / days[target]
        g0, g1 = sums.loc[source, ("gmv", base)] / days[base], sums.loc[source, ("gmv", target)] / days[target]
        w = g0 if g0 == g1 else (g1 - g0) / (math.log(g1) - math.log(g0))
        rows[source] = {"uv": w * math.log(u1 / u0), "cr": w * (math.log(b1 / u1) - math.log(b0 / u0)),
                        "aov": w * (math.log(g1 / b1) - math.log(g0 / b0))}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "source"
    return out
