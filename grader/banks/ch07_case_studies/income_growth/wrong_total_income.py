# Wrong: growth of total farmer income, ignoring that more households joined.
def income_growth(monthly):
    rows = monthly.sort_values("month")
    return float(rows["farmer_income_yuan"].iloc[-1] / rows["farmer_income_yuan"].iloc[0] - 1)
