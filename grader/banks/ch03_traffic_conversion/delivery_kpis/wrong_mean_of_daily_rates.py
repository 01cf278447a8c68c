# Wrong: averages the daily rates instead of dividing the totals.
def delivery_kpis(delivery):
    d = delivery.assign(ctr=delivery["clicks"] / delivery["impressions"], cpc=delivery["spend"] / delivery["clicks"],
                        cpm=1000 * delivery["spend"] / delivery["impressions"], cvr=delivery["orders"] / delivery["clicks"],
                        roas=delivery["gmv"] / delivery["spend"])
    g = d.groupby(["channel", "bid_type"])
    kpis = g[["impressions", "clicks", "spend", "orders", "gmv"]].sum()
    kpis[["ctr", "cpc", "cpm", "cvr", "roas"]] = g[["ctr", "cpc", "cpm", "cvr", "roas"]].mean()
    kpis["cpa"] = kpis["spend"] / kpis["orders"]
    return kpis
