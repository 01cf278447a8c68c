# Wrong: groups by channel only, so per-click and per-mille buying are mixed together.
def delivery_kpis(delivery):
    kpis = delivery.groupby("channel")[["impressions", "clicks", "spend", "orders", "gmv"]].sum()
    kpis["ctr"] = kpis["clicks"] / kpis["impressions"]
    kpis["cpc"] = kpis["spend"] / kpis["clicks"]
    kpis["cpm"] = 1000 * kpis["spend"] / kpis["impressions"]
    kpis["cvr"] = kpis["orders"] / kpis["clicks"]
    kpis["cpa"] = kpis["spend"] / kpis["orders"]
    kpis["roas"] = kpis["gmv"] / kpis["spend"]
    return kpis
