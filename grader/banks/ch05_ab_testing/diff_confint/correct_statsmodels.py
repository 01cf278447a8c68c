# Correct: statsmodels' Wald interval.
from statsmodels.stats.proportion import confint_proportions_2indep


def diff_confint(conv_control, n_control, conv_treatment, n_treatment, alpha=0.05):
    low, high = confint_proportions_2indep(conv_treatment, n_treatment, conv_control, n_control,
                                           method="wald", compare="diff", alpha=alpha)
    return float(low), float(high)
