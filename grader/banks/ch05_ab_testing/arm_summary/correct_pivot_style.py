# Correct: builds the table group by group.
import pandas as pd


def arm_summary(users):
    rows = {}
    for group, part in users.groupby("group"):
        rows[group] = {"users": len(part), "converters": int((part["converted"] == 1).sum())}
        rows[group]["cr"] = rows[group]["converters"] / len(part)
        rows[group]["revenue_per_user"] = part["revenue"].sum() / len(part)
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("group").sort_index()
