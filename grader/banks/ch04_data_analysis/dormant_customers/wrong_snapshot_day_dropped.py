# Wrong: compares paid_at (a timestamp) with the snapshot's midnight, so a payment made on the snapshot day is ignored.
def dormant_customers(orders, snapshot, days=180):
    end = pd.Timestamp(snapshot)
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"] <= end)]
    last = paid.groupby("customer_id")["paid_at"].max().dt.normalize()
    return sorted(last[(end - last).dt.days > days].index)
