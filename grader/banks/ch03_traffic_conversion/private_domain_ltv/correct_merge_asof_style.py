# Correct, written differently: cohort labels via to_period, window with Timedelta, groupby on both sides.
def private_domain_ltv(members, orders, days=180):
    m = members.assign(cohort=members["joined_date"].dt.to_period("M").astype(str))
    paid = orders.loc[orders["status"] == "paid", ["customer_id", "paid_at", "amount"]].merge(m, on="customer_id")
    day = paid["paid_at"].dt.normalize()
    inside = (day >= paid["joined_date"]) & (day < paid["joined_date"] + pd.Timedelta(days=days))
    gmv = paid[inside].groupby("cohort")["amount"].sum()
    size = m.groupby("cohort")["member_id"].count()
    return gmv.reindex(size.index).fillna(0.0).div(size).rename_axis("cohort")
