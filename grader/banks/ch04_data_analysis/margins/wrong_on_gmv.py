# Wrong: divides by GMV (before refunds) and costs every paid order, refunded ones included.
def margins(orders, order_items, products, operating_costs, ads):
    paid = orders[orders["status"] == "paid"]
    gmv = paid["amount"].sum()
    items = order_items[order_items["order_id"].isin(paid["order_id"])].merge(products, on="product_id")
    cogs = (items["quantity"] * items["unit_cost"]).sum()
    net_profit = gmv - cogs - ads["spend"].sum() - operating_costs["amount"].sum()
    return {"gross_margin": (gmv - cogs) / gmv, "net_margin": net_profit / gmv}
