# Wrong: one-sided p-value.
import math
from scipy.stats import norm


def conversion_ztest(conv_control, n_control, conv_treatment, n_treatment):
    p = (conv_control + conv_treatment) / (n_control + n_treatment)
    se = math.sqrt(p * (1 - p) * (1 / n_control + 1 / n_treatment))
    z = (conv_treatment / n_treatment - conv_control / n_control) / se
    return z, norm.sf(z)
