# Correct, written differently: assign the columns, replace inf by NaN, sort with NaN last;
# the shortlist with Series.ge / Series.le (NaN compares False).
def kol_scorecard(kol, min_match=0.7, max_cpo=250.0):
    card = kol.assign(
        cost_per_order=(kol["fee"] / kol["orders"]).replace(np.inf, np.nan),
        roas=kol["gmv"] / kol["fee"],
        engagement_rate=kol[["likes", "comments", "shares"]].sum(axis=1) / kol["views"],
        cost_per_1k_followers=kol["fee"] / (kol["followers"] / 1000),
    ).set_index("kol_id")
    card["shortlist"] = card["audience_match"].ge(min_match) & card["cost_per_order"].le(max_cpo)
    cols = ["cost_per_order", "roas", "engagement_rate", "cost_per_1k_followers", "shortlist"]
    return card[cols].sort_values("cost_per_order")
