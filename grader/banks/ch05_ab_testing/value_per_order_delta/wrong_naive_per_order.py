# Wrong: treats every order as an independent sample (standard error too small).
import numpy as np
import pandas as pd
from scipy.stats import norm


def value_per_order_delta(users):
    out = {}
    for g in ("control", "treatment"):
        part = users[(users["group"] == g) & (users["orders"] > 0)]
        values = np.repeat((part["revenue"] / part["orders"]).to_numpy(), part["orders"].to_numpy())
        out[g] = (part["revenue"].sum() / part["orders"].sum(), values.var(ddof=1) / len(values))
    diff = out["treatment"][0] - out["control"][0]
    se = np.sqrt(out["treatment"][1] + out["control"][1])
    return pd.Series([out["control"][0], out["treatment"][0], diff, se, 2 * norm.sf(abs(diff) / se)],
                     index=["control", "treatment", "diff", "se", "p_value"])
