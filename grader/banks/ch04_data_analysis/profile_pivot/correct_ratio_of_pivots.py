# Correct, written differently: two pivot tables divided cell by cell.
def profile_pivot(customers, orders):
    df = orders[orders.status == "paid"].merge(customers[["customer_id", "age_band", "city_tier"]])
    gmv = df.pivot_table(index="age_band", columns="city_tier", values="amount", aggfunc="sum")
    buyers = df.pivot_table(index="age_band", columns="city_tier", values="customer_id", aggfunc="nunique")
    return (gmv / buyers).sort_index().sort_index(axis=1)
