# Wrong: the benchmark is the mean of the keywords' CVRs, not total orders ÷ total clicks.
def long_tail_shortlist(keywords, min_terms=3, max_products=10_000, n=10):
    cvr = keywords["orders"] / keywords["clicks"].where(keywords["clicks"] > 0)
    chosen = keywords[(keywords["n_terms"] >= min_terms) & (keywords["online_products"] <= max_products)
                      & (cvr >= cvr.mean())]
    chosen = chosen.sort_values(["monthly_searches", "keyword_id"], ascending=[False, True])
    return list(chosen["keyword_id"].head(n))
