# Wrong: significant when p_adjusted <= alpha, so a value exactly on alpha counts.
import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportions_ztest


def bonferroni_vs_control(users, alpha=0.05):
    counts = users.groupby("variant")["converted"].agg(["sum", "count"])
    c = counts.loc["control"]
    names = sorted(n for n in counts.index if n != "control")
    rows = {}
    for n in names:
        p = proportions_ztest([counts.loc[n, "sum"], c["sum"]], [counts.loc[n, "count"], c["count"]])[1]
        cr = counts.loc[n, "sum"] / counts.loc[n, "count"]
        p_adj = float(np.minimum(1.0, p * len(names)))
        rows[n] = {"cr": cr, "lift": cr / (c["sum"] / c["count"]) - 1, "p_value": p, "p_adjusted": p_adj,
                   "significant": p_adj <= alpha}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("variant")
