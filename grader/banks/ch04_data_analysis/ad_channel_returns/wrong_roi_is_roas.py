# Wrong: takes the platform's "ROI" label literally, so ROI = ROAS.
def break_even_roas(gross_margin):
    return 1.0 / gross_margin


def ad_channel_returns(ads, gross_margin):
    table = ads.groupby("channel")[["spend", "attributed_gmv"]].sum()
    table["roas"] = table["attributed_gmv"] / table["spend"]
    table["roi"] = table["roas"]
    return table
