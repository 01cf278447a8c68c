# Correct: statsmodels, treatment first so that z is treatment minus control.
from statsmodels.stats.proportion import proportions_ztest


def conversion_ztest(conv_control, n_control, conv_treatment, n_treatment):
    z, p = proportions_ztest([conv_treatment, conv_control], [n_treatment, n_control])
    return float(z), float(p)
