# Wrong: uses z(1 - alpha), a one-sided test.
import math
from scipy import stats


def sample_size_per_arm(p_control, p_treatment, alpha=0.05, power=0.8):
    z = stats.norm.ppf(1 - alpha) + stats.norm.ppf(power)
    var = p_control * (1 - p_control) + p_treatment * (1 - p_treatment)
    return math.ceil(z**2 * var / (p_treatment - p_control) ** 2)
