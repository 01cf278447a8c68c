# Wrong: ignores the planned shares and assumes an even split.
from scipy import stats


def srm_p_value(counts, planned):
    return float(stats.chisquare(counts[list(planned)].to_numpy()).pvalue)
