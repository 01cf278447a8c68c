# Wrong: a contingency test of observed against expected counts instead of goodness of fit.
import numpy as np
from scipy import stats


def srm_p_value(counts, planned):
    groups = list(planned)
    observed = counts[groups].to_numpy()
    expected = observed.sum() * np.array([planned[g] for g in groups])
    return float(stats.chi2_contingency(np.vstack([observed, expected]))[1])
