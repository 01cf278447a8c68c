# Wrong: counts significant rows instead of tests.
import numpy as np
from scipy.stats import norm


def peeking_rates(aa, alpha=0.05):
    p = (aa["conversions_a"] + aa["conversions_b"]) / (aa["users_a"] + aa["users_b"])
    se = np.sqrt(p * (1 - p) * (1 / aa["users_a"] + 1 / aa["users_b"]))
    z = (aa["conversions_b"] / aa["users_b"] - aa["conversions_a"] / aa["users_a"]) / se
    sig = 2 * norm.sf(np.abs(z)) < alpha
    final = sig[aa["day"] == aa["day"].max()].mean()
    return float(sig.mean()), float(final)
