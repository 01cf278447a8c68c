# Wrong: counts orders instead of converting users.
def arm_summary(users):
    s = users.groupby("group").agg(users=("user_id", "size"), converters=("orders", "sum"), revenue=("revenue", "sum"))
    s["cr"] = s["converters"] / s["users"]
    s["revenue_per_user"] = s["revenue"] / s["users"]
    return s[["users", "converters", "cr", "revenue_per_user"]]
