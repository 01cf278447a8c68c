# Wrong: Student's t-test with equal variances.
from scipy import stats


def revenue_welch(users):
    r = stats.ttest_ind(users.loc[users["group"] == "treatment", "revenue"],
                        users.loc[users["group"] == "control", "revenue"])
    return float(r.statistic), float(r.pvalue)
