# Wrong: pooled standard error in the interval.
import math
from scipy.stats import norm


def diff_confint(conv_control, n_control, conv_treatment, n_treatment, alpha=0.05):
    p = (conv_control + conv_treatment) / (n_control + n_treatment)
    se = math.sqrt(p * (1 - p) * (1 / n_control + 1 / n_treatment))
    d = conv_treatment / n_treatment - conv_control / n_control
    z = norm.ppf(1 - alpha / 2)
    return d - z * se, d + z * se
