# Wrong: counts a look as significant when p <= alpha instead of p < alpha.
import numpy as np
from scipy.stats import norm


def peeking_rates(aa, alpha=0.05):
    p = (aa["conversions_a"] + aa["conversions_b"]) / (aa["users_a"] + aa["users_b"])
    se = np.sqrt(p * (1 - p) * (1 / aa["users_a"] + 1 / aa["users_b"]))
    z = (aa["conversions_b"] / aa["users_b"] - aa["conversions_a"] / aa["users_a"]) / se
    rows = aa.assign(sig=2 * norm.sf(np.abs(z)) <= alpha)
    last = rows.sort_values("day").groupby("test_id")["sig"].last()
    return float(rows.groupby("test_id")["sig"].any().mean()), float(last.mean())
