# Wrong: counts paid orders as buyers (a customer who pays three times counts three times).
def orders_overview(orders):
    paid = orders[orders["status"] == "paid"]
    return {"orders": len(orders), "paid_orders": len(paid), "paid_share": len(paid) / len(orders),
            "buyers": paid["customer_id"].count(), "gmv": paid["amount"].sum()}
