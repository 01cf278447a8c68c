# Correct, written differently: DataFrame.eval on the indexed table.
def keyword_metrics(keywords):
    k = keywords.set_index("keyword_id")
    return pd.DataFrame({"ctr": k.eval("clicks / impressions"), "cpc": k.eval("spend / clicks"),
                         "cvr": k.eval("orders / clicks"), "roas": k.eval("gmv / spend")})
