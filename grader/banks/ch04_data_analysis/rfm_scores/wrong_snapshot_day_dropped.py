# Wrong: compares paid_at (a timestamp) with the snapshot's midnight, so payments made on the snapshot day are left out.
def rfm_scores(orders, snapshot):
    end = pd.Timestamp(snapshot)
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"] <= end)]
    rfm = paid.groupby("customer_id").agg(last=("paid_at", "max"), frequency=("order_id", "count"),
                                          monetary=("amount", "sum")).sort_index()
    rfm["recency_days"] = (end - rfm.pop("last").dt.normalize()).dt.days
    labels = [1, 2, 3, 4, 5]
    rfm["R"] = pd.qcut(rfm["recency_days"].rank(method="first", ascending=False), 5, labels=labels).astype(int)
    rfm["F"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=labels).astype(int)
    rfm["M"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=labels).astype(int)
    return rfm[["recency_days", "frequency", "monetary", "R", "F", "M"]]
