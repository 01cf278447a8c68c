# Wrong: unpooled standard error in the test.
import math
from scipy.stats import norm


def conversion_ztest(conv_control, n_control, conv_treatment, n_treatment):
    pc, pt = conv_control / n_control, conv_treatment / n_treatment
    se = math.sqrt(pc * (1 - pc) / n_control + pt * (1 - pt) / n_treatment)
    z = (pt - pc) / se
    return z, 2 * norm.sf(abs(z))
