# Correct: the chi-square statistic by hand, p from the chi2 distribution.
from scipy.stats import chi2


def srm_p_value(counts, planned):
    total = sum(counts[g] for g in planned)
    stat = sum((counts[g] - total * share) ** 2 / (total * share) for g, share in planned.items())
    return float(chi2.sf(stat, len(planned) - 1))
