# Correct, written differently: named aggregation, then ratios with DataFrame.eval.
def delivery_kpis(delivery):
    totals = delivery.groupby(["channel", "bid_type"]).agg(
        impressions=("impressions", "sum"), clicks=("clicks", "sum"), spend=("spend", "sum"),
        orders=("orders", "sum"), gmv=("gmv", "sum"))
    return totals.eval("ctr = clicks / impressions\ncpc = spend / clicks\ncpm = spend / impressions * 1000\n"
                       "cvr = orders / clicks\ncpa = spend / orders\nroas = gmv / spend")
