# Wrong: estimates theta and the mean separately in each group.
import pandas as pd


def cuped_adjust(users):
    parts = []
    for _, part in users.groupby("group"):
        x, y = part["pre_revenue"], part["revenue"]
        parts.append(y - x.cov(y) / x.var() * (x - x.mean()))
    return pd.concat(parts).loc[users.index]
