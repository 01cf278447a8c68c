# Wrong: divides by the treatment's rate.
def relative_lift(users):
    cr = users.groupby("group")["converted"].mean()
    return (cr["treatment"] - cr["control"]) / cr["treatment"]
