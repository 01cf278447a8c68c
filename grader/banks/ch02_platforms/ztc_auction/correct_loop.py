# Correct, written differently: a plain loop over the advertisers sorted by score.
def ztc_auction(bids, reserve=0.05):
    rows = sorted(bids.to_dict("records"), key=lambda r: r["bid"] * r["quality_score"], reverse=True)
    out = []
    for i, r in enumerate(rows):
        score = r["bid"] * r["quality_score"]
        if i + 1 < len(rows):
            nxt = rows[i + 1]
            price = nxt["bid"] * nxt["quality_score"] / r["quality_score"] + 0.01
        else:
            price = reserve
        out.append({"advertiser": r["advertiser"], "rank_score": score, "rank": i + 1,
                    "actual_cpc": min(price, r["bid"])})
    return pd.DataFrame(out).set_index("advertiser")
