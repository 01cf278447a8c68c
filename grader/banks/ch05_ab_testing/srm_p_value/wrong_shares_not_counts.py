# Wrong: passes shares instead of counts, so the test sees almost no evidence.
from scipy import stats


def srm_p_value(counts, planned):
    groups = list(planned)
    observed = counts[groups] / counts[groups].sum()
    return float(stats.chisquare(observed.to_numpy(), [planned[g] for g in groups]).pvalue)
