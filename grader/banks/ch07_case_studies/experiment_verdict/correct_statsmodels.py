# Correct, written differently: the library calls chapter 5 names as the oracles, statsmodels for Welch's interval.
from scipy.stats import chisquare
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def experiment_verdict(users, alpha=0.05, margin=0.05):
    n = users["arm"].value_counts()
    x = users.groupby("arm")["converted"].sum()
    srm_p = chisquare([n["control"], n["treatment"]]).pvalue
    _, p_value = proportions_ztest([x["treatment"], x["control"]], [n["treatment"], n["control"]])
    low, high = confint_proportions_2indep(x["treatment"], n["treatment"], x["control"], n["control"],
                                           method="wald", compare="diff", alpha=alpha)
    rev_t = users.loc[users["arm"] == "treatment", "revenue"].to_numpy()
    rev_c = users.loc[users["arm"] == "control", "revenue"].to_numpy()
    rpu_low, rpu_high = CompareMeans(DescrStatsW(rev_t), DescrStatsW(rev_c)).tconfint_diff(alpha=0.05, usevar="unequal")
    guardrail_ok = rpu_low > -margin * rev_c.mean()
    better = x["treatment"] / n["treatment"] > x["control"] / n["control"]
    return {"srm_p": float(srm_p), "p_value": float(p_value), "ci_low": float(low), "ci_high": float(high),
            "rpu_diff": float(rev_t.mean() - rev_c.mean()), "rpu_low": float(rpu_low), "rpu_high": float(rpu_high),
            "guardrail_ok": bool(guardrail_ok),
            "ship": bool(srm_p >= 0.001 and p_value < alpha and better and guardrail_ok)}
