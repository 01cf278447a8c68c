# Wrong: returns a percentage.
def relative_lift(users):
    cr = users.groupby("group")["converted"].mean()
    return 100 * (cr["treatment"] - cr["control"]) / cr["control"]
