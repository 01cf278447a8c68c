# Wrong: counts day `days` as well, one day too many (the window is day 0 to day days − 1).
def private_domain_ltv(members, orders, days=180):
    paid = orders[orders["status"] == "paid"].merge(members[["customer_id", "joined_date"]], on="customer_id")
    age = (paid["paid_at"].dt.normalize() - paid["joined_date"]).dt.days
    window = paid[(age >= 0) & (age <= days)]
    cohort = members["joined_date"].dt.strftime("%Y-%m")
    gmv = window.groupby(window["joined_date"].dt.strftime("%Y-%m"))["amount"].sum()
    size = cohort.value_counts()
    ltv = (gmv.reindex(size.index, fill_value=0.0) / size).sort_index()
    ltv.index.name = "cohort"
    return ltv
