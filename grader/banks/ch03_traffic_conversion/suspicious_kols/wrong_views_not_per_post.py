# Wrong: view rate on total views, not per post, so accounts with many posts slip through.
def suspicious_kols(kol, factor=3.0, min_view_rate=0.01):
    engagement = (kol["likes"] + kol["comments"] + kol["shares"]) / kol["views"]
    bought = kol["views"] / kol["followers"] < min_view_rate
    return sorted(kol.loc[(engagement > factor * engagement.median()) | bought, "kol_id"])
