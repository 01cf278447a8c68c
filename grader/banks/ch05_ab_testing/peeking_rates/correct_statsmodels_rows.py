# Correct: statsmodels on every row, then by test.
import numpy as np
from statsmodels.stats.proportion import proportions_ztest


def peeking_rates(aa, alpha=0.05):
    p = np.array([proportions_ztest([r.conversions_b, r.conversions_a], [r.users_b, r.users_a])[1]
                  for r in aa.itertuples()])
    rows = aa.assign(sig=p < alpha)
    last = rows.loc[rows.groupby("test_id")["day"].idxmax()]
    return float(rows.groupby("test_id")["sig"].max().mean()), float(last["sig"].mean())
