# Wrong: "at least N days" instead of "more than N days".
def dormant_customers(orders, snapshot, days=180):
    end = pd.Timestamp(snapshot)
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"].dt.normalize() <= end)]
    last = paid.groupby("customer_id")["paid_at"].max().dt.normalize()
    return sorted(last[(end - last).dt.days >= days].index)
