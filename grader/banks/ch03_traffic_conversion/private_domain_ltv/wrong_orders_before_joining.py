# Wrong: counts all the members' paid orders up to `days` after joining, including those before they joined.
def private_domain_ltv(members, orders, days=180):
    paid = orders[orders["status"] == "paid"].merge(members[["customer_id", "joined_date"]], on="customer_id")
    age = (paid["paid_at"].dt.normalize() - paid["joined_date"]).dt.days
    window = paid[age < days]
    gmv = window.groupby(window["joined_date"].dt.strftime("%Y-%m"))["amount"].sum()
    size = members["joined_date"].dt.strftime("%Y-%m").value_counts()
    ltv = (gmv.reindex(size.index, fill_value=0.0) / size).sort_index()
    ltv.index.name = "cohort"
    return ltv
