# Wrong: takes the first and last rows as they come, without sorting by month.
def income_growth(monthly):
    per_household = monthly["farmer_income_yuan"] / monthly["households"]
    return float(per_household.iloc[-1] / per_household.iloc[0] - 1)
