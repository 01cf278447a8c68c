# Wrong: subtracts theta * X without centring X, which shifts the mean.
def cuped_adjust(users):
    x, y = users["pre_revenue"], users["revenue"]
    return y - x.cov(y) / x.var() * x
