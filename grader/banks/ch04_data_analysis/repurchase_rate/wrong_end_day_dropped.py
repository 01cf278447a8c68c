# Wrong: compares paid_at (a timestamp) with the end date's midnight, so the last day of the period is left out.
def repurchase_rate(orders, start, end):
    paid = orders[orders["status"] == "paid"]
    in_period = paid[(paid["paid_at"] >= pd.Timestamp(start)) & (paid["paid_at"] <= pd.Timestamp(end))]
    days_per_buyer = in_period.groupby("customer_id")["paid_at"].agg(lambda s: s.dt.normalize().nunique())
    return float((days_per_buyer >= 2).mean())
