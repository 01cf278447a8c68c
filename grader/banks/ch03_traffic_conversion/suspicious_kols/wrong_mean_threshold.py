# Wrong: compares with the mean engagement, which the fake accounts themselves pull up.
def suspicious_kols(kol, factor=3.0, min_view_rate=0.01):
    engagement = (kol["likes"] + kol["comments"] + kol["shares"]) / kol["views"]
    bought = kol["views"] / (kol["followers"] * kol["posts"]) < min_view_rate
    return sorted(kol.loc[(engagement > factor * engagement.mean()) | bought, "kol_id"])
