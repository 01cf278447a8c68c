# Wrong: divides by the members who bought again, not by every member of the cohort.
def private_domain_ltv(members, orders, days=180):
    paid = orders[orders["status"] == "paid"].merge(members[["customer_id", "joined_date"]], on="customer_id")
    age = (paid["paid_at"].dt.normalize() - paid["joined_date"]).dt.days
    window = paid[(age >= 0) & (age < days)]
    cohort = window["joined_date"].dt.strftime("%Y-%m")
    ltv = window.groupby(cohort)["amount"].sum() / window.groupby(cohort)["customer_id"].nunique()
    all_cohorts = sorted(members["joined_date"].dt.strftime("%Y-%m").unique())
    ltv = ltv.reindex(all_cohorts).fillna(0.0)
    ltv.index.name = "cohort"
    return ltv
