# Wrong: ignores competition — the score is search volume × CVR, so head terms win.
def keyword_opportunity(keywords):
    table = keywords.set_index("keyword_id")
    cvr = (table["orders"] / table["clicks"]).fillna(0.0)
    out = pd.DataFrame({"ctr": table["clicks"] / table["impressions"], "cvr": cvr,
                        "opportunity": table["monthly_searches"] * cvr})
    return out.sort_values("opportunity", ascending=False)
