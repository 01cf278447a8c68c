# Wrong: pays the next advertiser's bid + 0.01, as in a plain second-price auction without quality scores.
def ztc_auction(bids, reserve=0.05):
    table = bids.set_index("advertiser")
    table = table.assign(rank_score=table["bid"] * table["quality_score"]).sort_values("rank_score", ascending=False)
    table["rank"] = range(1, len(table) + 1)
    table["actual_cpc"] = (table["bid"].shift(-1) + 0.01).fillna(reserve).clip(upper=table["bid"])
    return table[["rank_score", "rank", "actual_cpc"]]
