# Wrong: CAGR as the simple average growth (total growth divided by the years), ignoring compounding.
def market_growth(market):
    yearly = market.groupby("year")[["gmv"]].sum()
    yearly["yoy"] = yearly["gmv"] / yearly["gmv"].shift(1) - 1
    return yearly


def cagr(first_value, last_value, years):
    return (last_value / first_value - 1) / years
