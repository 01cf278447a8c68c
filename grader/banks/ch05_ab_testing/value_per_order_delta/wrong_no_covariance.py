# Wrong: drops the covariance term of the delta method.
import numpy as np
import pandas as pd
from scipy.stats import norm


def value_per_order_delta(users):
    out = {}
    for g in ("control", "treatment"):
        part = users[users["group"] == g]
        x, y = part["orders"].astype(float), part["revenue"]
        r = y.mean() / x.mean()
        out[g] = (r, (y.var() + r**2 * x.var()) / (len(part) * x.mean() ** 2))
    diff = out["treatment"][0] - out["control"][0]
    se = np.sqrt(out["treatment"][1] + out["control"][1])
    return pd.Series([out["control"][0], out["treatment"][0], diff, se, 2 * norm.sf(abs(diff) / se)],
                     index=["control", "treatment", "diff", "se", "p_value"])
