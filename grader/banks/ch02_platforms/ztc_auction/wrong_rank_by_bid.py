# Wrong: ranks by the bid alone, ignoring the quality score.
def ztc_auction(bids, reserve=0.05):
    table = bids.set_index("advertiser").sort_values("bid", ascending=False)
    table["rank_score"] = table["bid"] * table["quality_score"]
    table["rank"] = range(1, len(table) + 1)
    nxt = table["rank_score"].shift(-1)
    table["actual_cpc"] = (nxt / table["quality_score"] + 0.01).fillna(reserve).clip(upper=table["bid"])
    return table[["rank_score", "rank", "actual_cpc"]]
