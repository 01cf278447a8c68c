# Correct, written differently: GMV of the kept rows in a dict, shares computed in a loop.
def reallocate_budget(kpis, budget, floor_roas):
    kept = {key: s * r for key, s, r in zip(kpis.index, kpis["spend"], kpis["roas"]) if r >= floor_roas}
    total = sum(kept.values())
    return pd.Series({key: budget * kept.get(key, 0.0) / total for key in kpis.index}, name="new_spend")
