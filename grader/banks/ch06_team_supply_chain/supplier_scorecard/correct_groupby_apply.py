# Correct, written differently: per-supplier sums first, then category minima with a merge.
import pandas as pd


def supplier_scorecard(purchase_orders, suppliers, products, weights=None):
    w = {"quality": 0.35, "delivery": 0.25, "price": 0.25, "service": 0.15} if weights is None else weights
    cost = products.set_index("product_id")["unit_cost"]
    po = purchase_orders.copy()
    po["late"] = (po["received_date"] > po["promised_date"]).astype(int)
    po["std"] = po["product_id"].map(cost) * po["units_received"]
    po["pay"] = po["unit_price"] * po["units_received"]
    s = po.groupby("supplier_id")[["units_received", "units_defective", "late", "std", "pay"]].sum()
    s["n"] = po.groupby("supplier_id").size()
    s = s.merge(suppliers, left_index=True, right_on="supplier_id").set_index("supplier_id")
    s["quality_rate"] = (s["units_received"] - s["units_defective"]) / s["units_received"]
    s["on_time_rate"] = 1 - s["late"] / s["n"]
    s["price_index"] = s["pay"] / s["std"]
    cheapest = s.groupby("category")["price_index"].min().rename("cheapest")
    s = s.join(cheapest, on="category")
    s["price_score"] = s["cheapest"] / s["price_index"]
    s["service_rate"] = s["service_score"] / 5.0
    s["score"] = s[["quality_rate", "on_time_rate", "price_score", "service_rate"]].mul(
        [w["quality"], w["delivery"], w["price"], w["service"]]).sum(axis=1)
    s["rank"] = s.groupby("category")["score"].rank(method="min", ascending=False).astype(int)
    cols = ["category", "quality_rate", "on_time_rate", "price_index", "price_score", "service_rate", "score", "rank"]
    return s.sort_values(["category", "rank"])[cols]
