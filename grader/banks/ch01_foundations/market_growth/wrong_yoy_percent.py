# Wrong: gives YoY growth in percent (20.0 instead of 0.2).
def market_growth(market):
    yearly = market.groupby("year")[["gmv"]].sum()
    yearly["yoy"] = (yearly["gmv"] / yearly["gmv"].shift(1) - 1) * 100
    return yearly


def cagr(first_value, last_value, years):
    return (last_value / first_value) ** (1 / years) - 1
