# Wrong: also divides the per-click price by CTR, as if clicks were paid per impression.
def cost_per_acquisition(bid_type, price, ctr, cvr):
    if bid_type == "cpc":
        return price / (ctr * cvr)
    return price / (1000 * ctr * cvr)
