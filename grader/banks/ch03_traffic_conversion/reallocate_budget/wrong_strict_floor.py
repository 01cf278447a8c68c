# Wrong: cuts channels at the floor too (ROAS must be strictly above it to stay).
def reallocate_budget(kpis, budget, floor_roas):
    weight = (kpis["spend"] * kpis["roas"]).where(kpis["roas"] > floor_roas, 0.0)
    return (budget * weight / weight.sum()).rename("new_spend")
