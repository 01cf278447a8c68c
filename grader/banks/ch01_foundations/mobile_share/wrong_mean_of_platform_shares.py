# Wrong: averages the platforms' own mobile shares, so a small platform weighs as much as a big one.
def mobile_share(market):
    by = market.pivot_table(index=["year", "platform"], columns="device", values="gmv", aggfunc="sum")
    per_platform = by["mobile"] / (by["mobile"] + by["pc"])
    return per_platform.groupby(level="year").mean().rename("mobile_share")
