# Wrong: cuts the raw values (ties collapse bins) instead of first-method ranks.
def rfm_scores(orders, snapshot):
    end = pd.Timestamp(snapshot)
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"].dt.normalize() <= end)]
    rfm = paid.groupby("customer_id").agg(last=("paid_at", "max"), frequency=("order_id", "count"),
                                          monetary=("amount", "sum")).sort_index()
    rfm["recency_days"] = (end - rfm.pop("last").dt.normalize()).dt.days
    rfm["R"] = 6 - (pd.qcut(rfm["recency_days"], 5, labels=False, duplicates="drop") + 1)
    rfm["F"] = pd.qcut(rfm["frequency"], 5, labels=False, duplicates="drop") + 1
    rfm["M"] = pd.qcut(rfm["monetary"], 5, labels=False, duplicates="drop") + 1
    return rfm
