# Wrong: scores the total before recency, so a lapsed big spender (R = 1) is called mid value.
def rfm_tier(scores):
    total = scores["R"] + scores["F"] + scores["M"]
    tier = np.select([total >= 12, total >= 8, scores["R"] == 1], ["high", "mid", "dormant"], default="low")
    return pd.Series(tier, index=scores.index)
