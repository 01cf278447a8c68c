# Wrong: counts only buyers with more than two paying days as repeat buyers.
def repeat_buyers(buyers):
    repeat = buyers["paid_days"] > 2
    return {"repurchase_rate": float(repeat.mean()),
            "repeat_gmv_share": float(buyers.loc[repeat, "gmv"].sum() / buyers["gmv"].sum())}
