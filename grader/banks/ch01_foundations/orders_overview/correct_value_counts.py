# Correct, written differently: value_counts for the statuses, drop_duplicates for the buyers.
def orders_overview(orders):
    counts = orders["status"].value_counts()
    n_paid = int(counts.get("paid", 0))
    paid = orders.loc[orders["status"].eq("paid"), ["customer_id", "amount"]]
    return {"orders": int(orders.shape[0]), "paid_orders": n_paid, "paid_share": n_paid / orders.shape[0],
            "buyers": len(paid.drop_duplicates("customer_id")), "gmv": paid["amount"].sum().item()}
