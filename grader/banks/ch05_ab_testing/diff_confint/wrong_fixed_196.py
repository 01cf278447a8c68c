# Wrong: always uses 1.96, whatever alpha is.
import math


def diff_confint(conv_control, n_control, conv_treatment, n_treatment, alpha=0.05):
    pc, pt = conv_control / n_control, conv_treatment / n_treatment
    se = math.sqrt(pc * (1 - pc) / n_control + pt * (1 - pt) / n_treatment)
    return pt - pc - 1.96 * se, pt - pc + 1.96 * se
