# Wrong: compares buyers only.
from scipy import stats


def revenue_welch(users):
    buyers = users[users["revenue"] > 0]
    r = stats.ttest_ind(buyers.loc[buyers["group"] == "treatment", "revenue"],
                        buyers.loc[buyers["group"] == "control", "revenue"], equal_var=False)
    return float(r.statistic), float(r.pvalue)
