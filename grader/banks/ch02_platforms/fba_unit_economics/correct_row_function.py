# Correct, written differently: one function applied row by row.
def fba_unit_economics(skus, fx):
    def one(r):
        rate = fx[r["currency"]]
        revenue = r["sale_price"] * rate / (1 + r["vat_rate"])
        fees = r["fba_fee"] * rate + r["referral_rate"] * r["sale_price"] * rate
        landed = r["unit_cost_cny"] + r["unit_cost_cny"] * r["duty_rate"] + r["first_leg_cny"]
        margin = revenue - fees - landed
        return pd.Series({"revenue_cny": revenue, "fees_cny": fees, "landed_cost_cny": landed,
                          "unit_margin_cny": margin, "margin_rate": margin / revenue})
    return skus.set_index("sku_id").apply(one, axis=1)
