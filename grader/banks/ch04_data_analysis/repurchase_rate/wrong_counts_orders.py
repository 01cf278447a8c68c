# Wrong: two orders on the same day count as a repurchase.
def repurchase_rate(orders, start, end):
    paid = orders[orders["status"] == "paid"]
    day = paid["paid_at"].dt.normalize()
    period = paid[(day >= start) & (day <= end)]
    n_orders = period.groupby("customer_id")["order_id"].count()
    return float((n_orders >= 2).mean())
