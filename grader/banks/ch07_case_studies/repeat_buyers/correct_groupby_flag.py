# Correct, written differently: group by a repeat flag and read shares of heads and of GMV.
def repeat_buyers(buyers):
    flag = buyers["paid_days"].gt(1).rename("repeat")
    heads = flag.value_counts(normalize=True)
    money = buyers.groupby(flag)["gmv"].sum() / buyers["gmv"].sum()
    return {"repurchase_rate": float(heads.get(True, 0.0)), "repeat_gmv_share": float(money.get(True, 0.0))}
