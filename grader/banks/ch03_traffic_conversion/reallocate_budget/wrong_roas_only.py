# Wrong: shares the budget in proportion to ROAS alone, ignoring how much each channel spends.
def reallocate_budget(kpis, budget, floor_roas):
    weight = kpis["roas"].where(kpis["roas"] >= floor_roas, 0.0)
    return (budget * weight / weight.sum()).rename("new_spend")
