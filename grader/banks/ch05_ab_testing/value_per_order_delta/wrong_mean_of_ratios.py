# Wrong: averages each buyer's value per order instead of total revenue over total orders.
import numpy as np
import pandas as pd
from scipy import stats


def value_per_order_delta(users):
    buyers = users[users["orders"] > 0].assign(vpo=lambda d: d["revenue"] / d["orders"])
    a = buyers.loc[buyers["group"] == "treatment", "vpo"]
    b = buyers.loc[buyers["group"] == "control", "vpo"]
    se = np.sqrt(a.var() / len(a) + b.var() / len(b))
    diff = a.mean() - b.mean()
    return pd.Series([b.mean(), a.mean(), diff, se, 2 * stats.norm.sf(abs(diff) / se)],
                     index=["control", "treatment", "diff", "se", "p_value"])
