# Correct, written differently: index by month, pick the first and last labels.
def income_growth(monthly):
    m = monthly.set_index("month").sort_index()
    first, last = m.index[0], m.index[-1]
    start = m.loc[first, "farmer_income_yuan"] / m.loc[first, "households"]
    end = m.loc[last, "farmer_income_yuan"] / m.loc[last, "households"]
    return float((end - start) / start)
