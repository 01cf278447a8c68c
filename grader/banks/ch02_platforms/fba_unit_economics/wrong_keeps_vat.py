# Wrong: counts the VAT-inclusive price as revenue.
def fba_unit_economics(skus, fx):
    s = skus.set_index("sku_id")
    rate = s["currency"].map(fx)
    out = pd.DataFrame({"revenue_cny": s["sale_price"] * rate,
                        "fees_cny": (s["fba_fee"] + s["referral_rate"] * s["sale_price"]) * rate,
                        "landed_cost_cny": s["unit_cost_cny"] * (1 + s["duty_rate"]) + s["first_leg_cny"]})
    out["unit_margin_cny"] = out["revenue_cny"] - out["fees_cny"] - out["landed_cost_cny"]
    out["margin_rate"] = out["unit_margin_cny"] / out["revenue_cny"]
    return out
