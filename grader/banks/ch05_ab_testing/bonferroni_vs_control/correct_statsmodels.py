# Correct: statsmodels for both the tests and the correction.
import pandas as pd
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest


def bonferroni_vs_control(users, alpha=0.05):
    counts = users.groupby("variant")["converted"].agg(["sum", "count"])
    c = counts.loc["control"]
    names = sorted(n for n in counts.index if n != "control")
    p = [proportions_ztest([counts.loc[n, "sum"], c["sum"]], [counts.loc[n, "count"], c["count"]])[1] for n in names]
    reject, adjusted, _, _ = multipletests(p, alpha=alpha, method="bonferroni")
    cr = [counts.loc[n, "sum"] / counts.loc[n, "count"] for n in names]
    return pd.DataFrame({"cr": cr, "lift": [x / (c["sum"] / c["count"]) - 1 for x in cr], "p_value": p,
                         "p_adjusted": adjusted, "significant": reject}, index=pd.Index(names, name="variant"))
