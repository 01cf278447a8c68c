# Wrong: mean order amount (value per order, 笔单价) instead of spend per buyer (客单价).
def profile_pivot(customers, orders):
    df = orders[orders["status"] == "paid"].merge(customers, on="customer_id")
    return df.pivot_table(index="age_band", columns="city_tier", values="amount", aggfunc="mean")
