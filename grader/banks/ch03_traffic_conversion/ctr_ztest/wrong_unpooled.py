# Wrong: unpooled standard error (each group's own variance) instead of the pooled one.
def ctr_ztest(test):
    from scipy.stats import norm
    totals = test.groupby("variant")[["impressions", "clicks"]].sum()
    n_a, n_b = totals.loc["A", "impressions"], totals.loc["B", "impressions"]
    p_a, p_b = totals.loc["A", "clicks"] / n_a, totals.loc["B", "clicks"] / n_b
    se = np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
    z = (p_b - p_a) / se
    return {"ctr_a": float(p_a), "ctr_b": float(p_b), "lift": float((p_b - p_a) / p_a),
            "z": float(z), "p_value": float(2 * norm.sf(abs(z)))}
