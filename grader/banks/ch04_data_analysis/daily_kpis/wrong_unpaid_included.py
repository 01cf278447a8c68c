# Wrong: forgets to drop unpaid orders, dated by created_at.
def daily_kpis(orders, traffic):
    o = orders.assign(date=orders["created_at"].dt.normalize())
    sales = o.groupby("date").agg(buyers=("customer_id", "nunique"), gmv=("amount", "sum"))
    kpis = traffic.groupby("date")[["uv"]].sum().join(sales).fillna({"buyers": 0, "gmv": 0.0})
    kpis["cr"] = kpis["buyers"] / kpis["uv"]
    kpis["aov"] = (kpis["gmv"] / kpis["buyers"]).where(kpis["buyers"] > 0, 0.0)
    return kpis
