# Wrong: uses page views as visitors and dates orders by created_at, unpaid ones included.
def device_kpis(orders, traffic, day):
    day = pd.Timestamp(day)
    uv = traffic[traffic["date"] == day].groupby("device")[["pv"]].sum().rename(columns={"pv": "uv"})
    placed = orders[orders["created_at"].dt.normalize() == day]
    sales = placed.groupby("device").agg(buyers=("customer_id", "nunique"), gmv=("amount", "sum"))
    kpis = uv.join(sales).fillna({"buyers": 0, "gmv": 0.0})
    kpis["cr"] = kpis["buyers"] / kpis["uv"]
    kpis["aov"] = (kpis["gmv"] / kpis["buyers"]).where(kpis["buyers"] > 0, 0.0)
    return kpis
