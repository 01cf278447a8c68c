# Correct, written differently: a plain dictionary of last payment days.
def dormant_customers(orders, snapshot, days=180):
    end = pd.Timestamp(snapshot).date()
    last = {}
    for customer, paid_at, status in zip(orders["customer_id"], orders["paid_at"], orders["status"]):
        if status == "paid" and paid_at.date() <= end:
            last[customer] = max(last.get(customer, paid_at.date()), paid_at.date())
    return sorted(c for c, d in last.items() if (end - d).days > days)
