# Wrong: computes the revenue guardrail but ships on conversion alone.
def experiment_verdict(users, alpha=0.05, margin=0.05):
    arms = users.groupby("arm")["converted"].agg(["sum", "count"])
    x_c, n_c = arms.loc["control", "sum"], arms.loc["control", "count"]
    x_t, n_t = arms.loc["treatment", "sum"], arms.loc["treatment", "count"]
    srm_p = stats.chisquare([n_c, n_t]).pvalue
    p_c, p_t = x_c / n_c, x_t / n_t
    pooled = (x_c + x_t) / (n_c + n_t)
    p_value = 2 * stats.norm.sf(abs(p_t - p_c) / np.sqrt(pooled * (1 - pooled) * (1 / n_c + 1 / n_t)))
    half = stats.norm.ppf(1 - alpha / 2) * np.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    rev_c = users.loc[users["arm"] == "control", "revenue"]
    rev_t = users.loc[users["arm"] == "treatment", "revenue"]
    rpu_low, rpu_high = stats.ttest_ind(rev_t, rev_c, equal_var=False).confidence_interval(0.95)
    guardrail_ok = bool(rpu_low > -margin * rev_c.mean())
    return {"srm_p": float(srm_p), "p_value": float(p_value), "ci_low": float(p_t - p_c - half),
            "ci_high": float(p_t - p_c + half), "rpu_diff": float(rev_t.mean() - rev_c.mean()),
            "rpu_low": float(rpu_low), "rpu_high": float(rpu_high), "guardrail_ok": guardrail_ok,
            "ship": bool(srm_p >= 0.001 and p_value < alpha and p_t > p_c)}
