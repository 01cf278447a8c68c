# Correct, written differently: DataFrame.query and nlargest-style sorting.
def long_tail_shortlist(keywords, min_terms=3, max_products=10_000, n=10):
    overall = keywords["orders"].sum() / keywords["clicks"].sum()
    kw = keywords[keywords["clicks"] > 0].assign(cvr=lambda d: d["orders"] / d["clicks"])
    kw = kw.query("n_terms >= @min_terms and online_products <= @max_products and cvr >= @overall")
    kw = kw.sort_values("keyword_id").sort_values("monthly_searches", ascending=False, kind="stable")
    return kw["keyword_id"].tolist()[:n]
