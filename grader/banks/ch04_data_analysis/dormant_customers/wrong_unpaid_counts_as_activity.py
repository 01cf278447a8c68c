# Wrong: an unpaid order counts as recent activity.
def dormant_customers(orders, snapshot, days=180):
    end = pd.Timestamp(snapshot)
    seen = orders[orders["created_at"].dt.normalize() <= end]
    last = seen.groupby("customer_id")["created_at"].max().dt.normalize()
    return sorted(last[(end - last).dt.days > days].index)
