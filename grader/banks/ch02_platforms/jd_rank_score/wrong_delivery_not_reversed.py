# Wrong: rewards longer delivery times (forgets that lower is better).
def jd_rank_score(items, weights):
    x = items.set_index("item_id")
    raw = pd.DataFrame({"sales": np.log1p(x["sales_30d"]), "reviews": x["good_review_rate"],
                        "service": x["service_score"], "delivery": x["delivery_hours"]})
    scaled = (raw - raw.min()) / (raw.max() - raw.min())
    return (scaled * pd.Series(weights)).sum(axis=1).rename("score").sort_values(ascending=False)
