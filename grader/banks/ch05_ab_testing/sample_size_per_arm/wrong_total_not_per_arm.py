# Wrong: returns the total for both groups.
import math
from scipy import stats


def sample_size_per_arm(p_control, p_treatment, alpha=0.05, power=0.8):
    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    var = p_control * (1 - p_control) + p_treatment * (1 - p_treatment)
    return 2 * math.ceil(z**2 * var / (p_treatment - p_control) ** 2)
