# Wrong: the absolute difference, not the relative lift.
def relative_lift(users):
    cr = users.groupby("group")["converted"].mean()
    return cr["treatment"] - cr["control"]
