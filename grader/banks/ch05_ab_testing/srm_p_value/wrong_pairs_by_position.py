# Wrong: pairs counts and planned shares by position, not by group name.
import numpy as np
from scipy import stats


def srm_p_value(counts, planned):
    observed = counts.to_numpy(dtype=float)
    expected = observed.sum() * np.array(list(planned.values()))
    return float(stats.chisquare(observed, expected).pvalue)
