# Correct, written differently: a list of dicts built row by row, then one DataFrame.
def keyword_opportunity(keywords):
    rows = []
    for row in keywords.itertuples(index=False):
        cvr = row.orders / row.clicks if row.clicks > 0 else 0.0
        rows.append({"keyword_id": row.keyword_id, "ctr": row.clicks / row.impressions, "cvr": cvr,
                     "opportunity": row.monthly_searches * cvr / row.online_products})
    return pd.DataFrame(rows).set_index("keyword_id").sort_values("opportunity", ascending=False)
