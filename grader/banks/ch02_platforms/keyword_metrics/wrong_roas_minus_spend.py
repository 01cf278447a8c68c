# Wrong: "ROI" as (GMV − spend) / spend instead of ROAS = GMV / spend.
def keyword_metrics(keywords):
    k = keywords.set_index("keyword_id")
    return pd.DataFrame({"ctr": k["clicks"] / k["impressions"], "cpc": k["spend"] / k["clicks"],
                         "cvr": k["orders"] / k["clicks"], "roas": (k["gmv"] - k["spend"]) / k["spend"]})
