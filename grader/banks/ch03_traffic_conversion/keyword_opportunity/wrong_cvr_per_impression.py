# Wrong: conversion divided by impressions instead of clicks.
def keyword_opportunity(keywords):
    table = keywords.set_index("keyword_id")
    out = pd.DataFrame({"ctr": table["clicks"] / table["impressions"],
                        "cvr": table["orders"] / table["impressions"]})
    out["opportunity"] = table["monthly_searches"] / table["online_products"] * out["cvr"]
    return out.sort_values("opportunity", ascending=False)
