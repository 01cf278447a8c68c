# Correct, written differently: a cost lookup and a category × week pivot of stock value.
def inventory_turnover(inventory, products, start, end):
    cost = products.set_index("product_id")["unit_cost"]
    cat = products.set_index("product_id")["category"]
    inv = inventory.query("@start <= week <= @end").copy()
    inv["category"] = inv["product_id"].map(cat)
    inv["value"] = inv["on_hand_units"] * inv["product_id"].map(cost)
    inv["cost_sold"] = inv["units_sold"] * inv["product_id"].map(cost)
    stock = inv.pivot_table(index="week", columns="category", values="value", aggfunc="sum")
    out = inv.groupby("category")[["cost_sold"]].sum().rename(columns={"cost_sold": "cogs"})
    out["avg_inventory"] = stock.mean()
    out["turnover"] = out["cogs"] / out["avg_inventory"]
    out["days_of_inventory"] = len(stock) * 7 / out["turnover"]
    return out
