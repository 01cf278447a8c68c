# Wrong: returns a percentage instead of a fraction.
def repurchase_rate(orders, start, end):
    paid = orders[orders["status"] == "paid"]
    day = paid["paid_at"].dt.normalize()
    period = paid[(day >= start) & (day <= end)].assign(day=day)
    n_days = period.groupby("customer_id")["day"].nunique()
    return float((n_days >= 2).mean() * 100)
