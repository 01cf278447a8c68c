# Correct, written differently: assign the columns, replace inf by NaN, sort with NaN last.
def kol_scorecard(kol):
    card = kol.assign(
        cost_per_order=(kol["fee"] / kol["orders"]).replace(np.inf, np.nan),
        roas=kol["gmv"] / kol["fee"],
        engagement_rate=kol[["likes", "comments", "shares"]].sum(axis=1) / kol["views"],
        cost_per_1k_followers=kol["fee"] / (kol["followers"] / 1000),
    ).set_index("kol_id")
    cols = ["cost_per_order", "roas", "engagement_rate", "cost_per_1k_followers"]
    return card[cols].sort_values("cost_per_order")
