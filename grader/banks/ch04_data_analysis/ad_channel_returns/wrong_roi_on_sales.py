# Wrong: ROI on sales, (GMV − spend) / spend, ignoring the cost of the goods; break-even 1.
def break_even_roas(gross_margin):
    return 1.0


def ad_channel_returns(ads, gross_margin):
    table = ads.groupby("channel")[["spend", "attributed_gmv"]].sum()
    table["roas"] = table["attributed_gmv"] / table["spend"]
    table["roi"] = (table["attributed_gmv"] - table["spend"]) / table["spend"]
    return table
