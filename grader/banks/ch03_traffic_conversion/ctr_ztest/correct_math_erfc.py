# Correct, written differently: plain Python sums and math.erfc for the two-sided p-value.
def ctr_ztest(test):
    import math
    n = {v: float(test.loc[test["variant"] == v, "impressions"].sum()) for v in ("A", "B")}
    c = {v: float(test.loc[test["variant"] == v, "clicks"].sum()) for v in ("A", "B")}
    pa, pb = c["A"] / n["A"], c["B"] / n["B"]
    p = (c["A"] + c["B"]) / (n["A"] + n["B"])
    z = (pb - pa) / math.sqrt(p * (1 - p) * (1 / n["A"] + 1 / n["B"]))
    return {"ctr_a": pa, "ctr_b": pb, "lift": pb / pa - 1, "z": z, "p_value": math.erfc(abs(z) / math.sqrt(2))}
