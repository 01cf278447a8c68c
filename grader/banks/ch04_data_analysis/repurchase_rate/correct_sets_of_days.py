# Correct, written differently: distinct (customer, day) pairs, then customers with two or more.
def repurchase_rate(orders, start, end):
    paid = orders.query("status == 'paid'")
    days = paid.assign(day=paid["paid_at"].dt.date)
    days = days[(days["day"] >= pd.Timestamp(start).date()) & (days["day"] <= pd.Timestamp(end).date())]
    per_customer = days.drop_duplicates(["customer_id", "day"])["customer_id"].value_counts()
    return float((per_customer > 1).sum() / len(per_customer))
