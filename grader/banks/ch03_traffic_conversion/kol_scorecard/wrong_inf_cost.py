# Wrong: divides by zero orders and leaves inf instead of NaN.
def kol_scorecard(kol, min_match=0.7, max_cpo=250.0):
    table = kol.set_index("kol_id")
    card = pd.DataFrame({
        "cost_per_order": table["fee"] / table["orders"],
        "roas": table["gmv"] / table["fee"],
        "engagement_rate": (table["likes"] + table["comments"] + table["shares"]) / table["views"],
        "cost_per_1k_followers": 1000 * table["fee"] / table["followers"],
    })
    card["shortlist"] = (table["audience_match"] >= min_match) & (card["cost_per_order"] <= max_cpo)
    return card.sort_values("cost_per_order")
