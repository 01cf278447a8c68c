# Wrong: one-sided p-value, P(Z > z), instead of two-sided.
def ctr_ztest(test):
    from scipy.stats import norm
    totals = test.groupby("variant")[["impressions", "clicks"]].sum()
    n_a, n_b = totals.loc["A", "impressions"], totals.loc["B", "impressions"]
    p_a, p_b = totals.loc["A", "clicks"] / n_a, totals.loc["B", "clicks"] / n_b
    pooled = totals["clicks"].sum() / totals["impressions"].sum()
    z = (p_b - p_a) / np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    return {"ctr_a": float(p_a), "ctr_b": float(p_b), "lift": float((p_b - p_a) / p_a),
            "z": float(z), "p_value": float(norm.sf(z))}
