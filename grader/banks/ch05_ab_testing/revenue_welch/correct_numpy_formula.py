# Correct: Welch's statistic and degrees of freedom by hand.
import numpy as np
from scipy.stats import t as t_dist


def revenue_welch(users):
    a = users.loc[users["group"] == "treatment", "revenue"].to_numpy()
    b = users.loc[users["group"] == "control", "revenue"].to_numpy()
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    stat = (a.mean() - b.mean()) / np.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    return float(stat), float(2 * t_dist.sf(abs(stat), df))
