# Wrong: divides the group's paid amount by its registered customers, buyers or not.
def profile_pivot(customers, orders):
    paid = orders[orders["status"] == "paid"].merge(customers, on="customer_id")
    gmv = paid.groupby(["age_band", "city_tier"])["amount"].sum()
    registered = customers.groupby(["age_band", "city_tier"])["customer_id"].nunique()
    return (gmv / registered).unstack("city_tier").sort_index().sort_index(axis=1)
