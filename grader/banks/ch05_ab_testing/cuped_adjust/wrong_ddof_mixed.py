# Wrong: np.cov (ddof=1) divided by np.var (ddof=0), so theta is too large by n / (n - 1).
import numpy as np


def cuped_adjust(users):
    x, y = users["pre_revenue"], users["revenue"]
    theta = np.cov(x, y)[0, 1] / np.var(x)
    return y - theta * (x - x.mean())
