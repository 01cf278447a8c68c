# Correct, written differently: ROI derived from ROAS, ROI = ROAS × margin − 1.
def break_even_roas(gross_margin):
    return float(1 / gross_margin)


def ad_channel_returns(ads, gross_margin):
    totals = ads.pivot_table(index="channel", values=["spend", "attributed_gmv"], aggfunc="sum")
    totals["roas"] = totals.attributed_gmv / totals.spend
    totals["roi"] = totals.roas * gross_margin - 1
    return totals
