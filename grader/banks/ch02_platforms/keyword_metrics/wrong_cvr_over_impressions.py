# Wrong: conversion rate divides orders by impressions instead of clicks.
def keyword_metrics(keywords):
    k = keywords.set_index("keyword_id")
    return pd.DataFrame({"ctr": k["clicks"] / k["impressions"], "cpc": k["spend"] / k["clicks"],
                         "cvr": k["orders"] / k["impressions"], "roas": k["gmv"] / k["spend"]})
