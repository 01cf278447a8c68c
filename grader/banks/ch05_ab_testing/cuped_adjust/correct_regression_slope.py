# Correct: theta as the least-squares slope of revenue on pre-period revenue.
import numpy as np


def cuped_adjust(users):
    x = users["pre_revenue"].to_numpy()
    y = users["revenue"].to_numpy()
    theta = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    return users["revenue"] - theta * (users["pre_revenue"] - x.mean())
