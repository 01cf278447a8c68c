# Correct, written differently: the library calls chapter 5 names as the oracles.
from scipy.stats import chisquare
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest


def experiment_verdict(users, alpha=0.05):
    n = users["arm"].value_counts()
    x = users.groupby("arm")["converted"].sum()
    srm_p = chisquare([n["control"], n["treatment"]]).pvalue
    _, p_value = proportions_ztest([x["treatment"], x["control"]], [n["treatment"], n["control"]])
    low, high = confint_proportions_2indep(x["treatment"], n["treatment"], x["control"], n["control"],
                                           method="wald", compare="diff", alpha=alpha)
    better = x["treatment"] / n["treatment"] > x["control"] / n["control"]
    return {"srm_p": float(srm_p), "p_value": float(p_value), "ci_low": float(low), "ci_high": float(high),
            "ship": bool(srm_p >= 0.001 and p_value < alpha and better)}
