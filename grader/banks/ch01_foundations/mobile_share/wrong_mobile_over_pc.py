# Wrong: divides mobile GMV by PC GMV instead of by the total.
def mobile_share(market):
    by = market.pivot_table(index="year", columns="device", values="gmv", aggfunc="sum")
    return (by["mobile"] / by["pc"]).rename("mobile_share")
