# Wrong: the "GMV share" is the repeat buyers' share of heads, not of money.
def repeat_buyers(buyers):
    repeat = buyers["paid_days"] >= 2
    return {"repurchase_rate": float(repeat.mean()), "repeat_gmv_share": float(repeat.sum() / len(buyers))}
