# Correct, written differently: one merged line table with a kept flag.
def margins(orders, order_items, products, operating_costs, ads):
    paid = orders.query("status == 'paid'")
    lines = order_items.merge(paid[["order_id", "refund_amount"]], on="order_id").merge(products, on="product_id")
    cogs = lines.loc[lines["refund_amount"] == 0].eval("quantity * unit_cost").sum()
    net_sales = (paid["amount"] - paid["refund_amount"]).sum()
    gross = net_sales - cogs
    net = gross - ads["spend"].sum() - operating_costs["amount"].sum()
    return {"gross_margin": gross / net_sales, "net_margin": net / net_sales}
