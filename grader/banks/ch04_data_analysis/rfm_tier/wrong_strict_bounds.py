# Wrong: strict inequalities at the tier boundaries.
def rfm_tier(scores):
    total = scores["R"] + scores["F"] + scores["M"]
    tier = np.select([scores["R"] == 1, total > 12, total > 8], ["dormant", "high", "mid"], default="low")
    return pd.Series(tier, index=scores.index)
