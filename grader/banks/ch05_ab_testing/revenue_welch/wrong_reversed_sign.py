# Wrong: control minus treatment.
from scipy import stats


def revenue_welch(users):
    r = stats.ttest_ind(users.loc[users["group"] == "control", "revenue"],
                        users.loc[users["group"] == "treatment", "revenue"], equal_var=False)
    return float(r.statistic), float(r.pvalue)
