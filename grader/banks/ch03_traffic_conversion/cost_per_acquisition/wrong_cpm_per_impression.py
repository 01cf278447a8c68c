# Wrong: treats CPM as a price per single impression (forgets the 1000).
def cost_per_acquisition(bid_type, price, ctr, cvr):
    if bid_type == "cpc":
        return price / cvr
    return price / (ctr * cvr)
