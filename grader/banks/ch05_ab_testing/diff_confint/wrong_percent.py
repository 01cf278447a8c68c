# Wrong: reports the interval in percentage points.
import math
from scipy.stats import norm


def diff_confint(conv_control, n_control, conv_treatment, n_treatment, alpha=0.05):
    pc, pt = conv_control / n_control, conv_treatment / n_treatment
    se = math.sqrt(pc * (1 - pc) / n_control + pt * (1 - pt) / n_treatment)
    z = norm.ppf(1 - alpha / 2)
    return 100 * (pt - pc - z * se), 100 * (pt - pc + z * se)
