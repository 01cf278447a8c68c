# Wrong: divides revenue by buyers instead of all users.
def arm_summary(users):
    s = users.groupby("group").agg(users=("user_id", "size"), converters=("converted", "sum"), revenue=("revenue", "sum"))
    s["cr"] = s["converters"] / s["users"]
    s["revenue_per_user"] = s["revenue"] / s["converters"]
    return s[["users", "converters", "cr", "revenue_per_user"]]
