# Wrong: recency scored like the others, so the most recent buyers get R = 1.
def rfm_scores(orders, snapshot):
    end = pd.Timestamp(snapshot)
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"].dt.normalize() <= end)]
    rfm = paid.groupby("customer_id").agg(last=("paid_at", "max"), frequency=("order_id", "count"),
                                          monetary=("amount", "sum")).sort_index()
    rfm["recency_days"] = (end - rfm.pop("last").dt.normalize()).dt.days
    for col, name in [("recency_days", "R"), ("frequency", "F"), ("monetary", "M")]:
        rfm[name] = pd.qcut(rfm[col].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    return rfm
