# Wrong: unpaid orders counted as spending.
def profile_pivot(customers, orders):
    df = orders.merge(customers, on="customer_id")
    cells = df.groupby(["age_band", "city_tier"]).agg(gmv=("amount", "sum"), buyers=("customer_id", "nunique"))
    return (cells["gmv"] / cells["buyers"]).unstack("city_tier").sort_index().sort_index(axis=1)
