# Wrong: counts paid orders as buyers (a buyer with two orders counts twice).
def daily_kpis(orders, traffic):
    paid = orders[orders["status"] == "paid"]
    paid = paid.assign(date=paid["paid_at"].dt.normalize())
    sales = paid.groupby("date").agg(buyers=("order_id", "count"), gmv=("amount", "sum"))
    kpis = traffic.groupby("date")[["uv"]].sum().join(sales).fillna({"buyers": 0, "gmv": 0.0})
    kpis["cr"] = kpis["buyers"] / kpis["uv"]
    kpis["aov"] = (kpis["gmv"] / kpis["buyers"]).where(kpis["buyers"] > 0, 0.0)
    return kpis
