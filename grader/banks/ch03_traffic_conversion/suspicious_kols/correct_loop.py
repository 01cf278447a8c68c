# Correct, written differently: numpy median and a loop over rows.
def suspicious_kols(kol, factor=3.0, min_view_rate=0.01):
    rates = ((kol["likes"] + kol["comments"] + kol["shares"]) / kol["views"]).to_numpy()
    limit = factor * np.median(rates)
    flagged = []
    for kol_id, rate, views, followers, posts in zip(kol["kol_id"], rates, kol["views"], kol["followers"], kol["posts"]):
        if rate > limit or views / followers / posts < min_view_rate:
            flagged.append(kol_id)
    return sorted(flagged)
