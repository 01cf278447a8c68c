# Correct, written differently: turn a CPM price into its effective CPC first, then CPA = CPC ÷ CVR.
def cost_per_acquisition(bid_type, price, ctr, cvr):
    cost_per_click = price if bid_type == "cpc" else price / 1000 / ctr
    return float(cost_per_click / cvr)
