# Wrong: returns the growth as a percentage (200) instead of a fraction (2.0).
def income_growth(monthly):
    rows = monthly.sort_values("month")
    per_household = rows["farmer_income_yuan"] / rows["households"]
    return float((per_household.iloc[-1] / per_household.iloc[0] - 1) * 100)
