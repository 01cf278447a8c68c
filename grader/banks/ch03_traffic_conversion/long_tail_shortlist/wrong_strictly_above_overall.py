# Wrong: "no lower than the overall CVR" read as strictly above it, and "at most max_products" as strictly below.
def long_tail_shortlist(keywords, min_terms=3, max_products=10_000, n=10):
    overall = keywords["orders"].sum() / keywords["clicks"].sum()
    cvr = keywords["orders"] / keywords["clicks"].where(keywords["clicks"] > 0)
    chosen = keywords[(keywords["n_terms"] >= min_terms) & (keywords["online_products"] < max_products)
                      & (cvr > overall)]
    chosen = chosen.sort_values(["monthly_searches", "keyword_id"], ascending=[False, True])
    return list(chosen["keyword_id"].head(n))
