# Wrong: divides the covariance by the variance of Y instead of X.
def cuped_adjust(users):
    x, y = users["pre_revenue"], users["revenue"]
    return y - x.cov(y) / y.var() * (x - x.mean())
