# Wrong: scales raw sales without the log, so one best-seller squashes the rest.
def jd_rank_score(items, weights):
    x = items.set_index("item_id")
    raw = pd.DataFrame({"sales": x["sales_30d"].astype(float), "reviews": x["good_review_rate"],
                        "service": x["service_score"], "delivery": -x["delivery_hours"]})
    scaled = (raw - raw.min()) / (raw.max() - raw.min())
    return (scaled * pd.Series(weights)).sum(axis=1).rename("score").sort_values(ascending=False)
