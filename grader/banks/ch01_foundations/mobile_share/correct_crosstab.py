# Correct, written differently: a crosstab of money by year and device, normalised by row.
def mobile_share(market):
    table = pd.crosstab(market["year"], market["device"], values=market["gmv"], aggfunc="sum", normalize="index")
    out = table["mobile"]
    out.name = "mobile_share"
    return out
