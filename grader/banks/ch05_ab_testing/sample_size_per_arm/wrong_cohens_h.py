# Wrong for this course: Cohen's h effect size with statsmodels gives a few percent more.
import math
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize


def sample_size_per_arm(p_control, p_treatment, alpha=0.05, power=0.8):
    h = proportion_effectsize(p_treatment, p_control)
    return math.ceil(NormalIndPower().solve_power(abs(h), alpha=alpha, power=power))
