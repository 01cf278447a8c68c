# Wrong: chi2_contingency with its default Yates correction.
import math
from scipy.stats import chi2_contingency


def conversion_ztest(conv_control, n_control, conv_treatment, n_treatment):
    table = [[conv_treatment, n_treatment - conv_treatment], [conv_control, n_control - conv_control]]
    chi2, p, _, _ = chi2_contingency(table)
    sign = 1 if conv_treatment / n_treatment > conv_control / n_control else -1
    return sign * math.sqrt(chi2), p
