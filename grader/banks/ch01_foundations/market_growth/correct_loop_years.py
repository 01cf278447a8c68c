# Correct, written differently: a loop over sorted years, and CAGR through logarithms.
import math


def market_growth(market):
    totals = market.groupby("year")["gmv"].sum()
    rows = []
    previous = None
    for year in sorted(totals.index):
        value = totals[year]
        rows.append({"year": year, "gmv": value, "yoy": value / previous - 1 if previous else np.nan})
        previous = value
    return pd.DataFrame(rows).set_index("year")


def cagr(first_value, last_value, years):
    return math.exp(math.log(last_value / first_value) / years) - 1
