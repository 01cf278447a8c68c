# Wrong: a delivery on the promised day counts as late (strict <), and defects are divided by units ordered.
import pandas as pd


def supplier_scorecard(purchase_orders, suppliers, products, weights=None):
    w = weights or {"quality": 0.35, "delivery": 0.25, "price": 0.25, "service": 0.15}
    po = purchase_orders.merge(products[["product_id", "unit_cost"]], on="product_id")
    po["on_time"] = po["received_date"] < po["promised_date"]
    po["paid"] = po["unit_price"] * po["units_received"]
    po["standard"] = po["unit_cost"] * po["units_received"]
    g = po.groupby("supplier_id")
    card = pd.DataFrame({"quality_rate": 1 - g["units_defective"].sum() / g["units_ordered"].sum(),
                         "on_time_rate": g["on_time"].mean(),
                         "price_index": g["paid"].sum() / g["standard"].sum()})
    card = card.join(suppliers.set_index("supplier_id")[["category", "service_score"]])
    card["price_score"] = card.groupby("category")["price_index"].transform("min") / card["price_index"]
    card["service_rate"] = card["service_score"] / 5
    card["score"] = (w["quality"] * card["quality_rate"] + w["delivery"] * card["on_time_rate"]
                     + w["price"] * card["price_score"] + w["service"] * card["service_rate"])
    card["rank"] = card.groupby("category")["score"].rank(ascending=False, method="min").astype(int)
    return card.sort_values(["category", "rank"])
