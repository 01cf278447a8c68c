# Correct: the delta method written as the variance of a linearised per-user metric.
import numpy as np
import pandas as pd
from scipy.stats import norm


def value_per_order_delta(users):
    out = {}
    for g in ("control", "treatment"):
        part = users[users["group"] == g]
        x, y = part["orders"].to_numpy(dtype=float), part["revenue"].to_numpy()
        r = y.sum() / x.sum()
        out[g] = (r, ((y - r * x) / x.mean()).var(ddof=1) / len(x))
    diff = out["treatment"][0] - out["control"][0]
    se = np.sqrt(out["treatment"][1] + out["control"][1])
    return pd.Series([out["control"][0], out["treatment"][0], diff, se, 2 * norm.sf(abs(diff) / se)],
                     index=["control", "treatment", "diff", "se", "p_value"])
