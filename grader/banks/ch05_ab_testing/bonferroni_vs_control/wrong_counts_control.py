# Wrong: multiplies by the number of groups (control included) instead of comparisons.
import pandas as pd
from statsmodels.stats.proportion import proportions_ztest


def bonferroni_vs_control(users, alpha=0.05):
    counts = users.groupby("variant")["converted"].agg(["sum", "count"])
    c = counts.loc["control"]
    rows = {}
    for n in sorted(n for n in counts.index if n != "control"):
        p = proportions_ztest([counts.loc[n, "sum"], c["sum"]], [counts.loc[n, "count"], c["count"]])[1]
        cr = counts.loc[n, "sum"] / counts.loc[n, "count"]
        adj = min(1.0, p * len(counts))
        rows[n] = {"cr": cr, "lift": cr / (c["sum"] / c["count"]) - 1, "p_value": p, "p_adjusted": adj, "significant": adj < alpha}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("variant")
