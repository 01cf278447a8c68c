# Wrong: "greater than factor × the median" read as "at least", so an account exactly on the line is flagged.
def suspicious_kols(kol, factor=3.0, min_view_rate=0.01):
    engagement = (kol["likes"] + kol["comments"] + kol["shares"]) / kol["views"]
    inflated = engagement >= factor * engagement.median()
    bought = kol["views"] / (kol["followers"] * kol["posts"]) < min_view_rate
    return sorted(kol.loc[inflated | bought, "kol_id"])
