# Wrong: net profit leaves out the ad spend.
def margins(orders, order_items, products, operating_costs, ads):
    paid = orders[orders["status"] == "paid"]
    net_sales = paid["amount"].sum() - paid["refund_amount"].sum()
    kept = paid.loc[paid["refund_amount"] == 0, "order_id"]
    items = order_items[order_items["order_id"].isin(kept)].merge(products, on="product_id")
    cogs = (items["quantity"] * items["unit_cost"]).sum()
    net_profit = net_sales - cogs - operating_costs["amount"].sum()
    return {"gross_margin": (net_sales - cogs) / net_sales, "net_margin": net_profit / net_sales}
