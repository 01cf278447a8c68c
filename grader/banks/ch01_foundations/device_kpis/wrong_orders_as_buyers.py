# Wrong: counts paid orders as buyers (a buyer with two orders that day counts twice).
def device_kpis(orders, traffic, day):
    day = pd.Timestamp(day)
    uv = traffic[traffic["date"] == day].groupby("device")[["uv"]].sum()
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"].dt.normalize() == day)]
    sales = paid.groupby("device").agg(buyers=("order_id", "count"), gmv=("amount", "sum"))
    kpis = uv.join(sales).fillna({"buyers": 0, "gmv": 0.0})
    kpis["cr"] = kpis["buyers"] / kpis["uv"]
    kpis["aov"] = (kpis["gmv"] / kpis["buyers"]).where(kpis["buyers"] > 0, 0.0)
    return kpis
