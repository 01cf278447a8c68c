# Wrong: counts every order, unpaid ones included, dated by created_at.
def promotion_uplift(orders, calendar):
    day = orders["created_at"].dt.normalize()
    out = []
    for _, e in calendar.iterrows():
        ev = orders.loc[day.between(e["start"], e["end"]), "amount"].sum() / ((e["end"] - e["start"]).days + 1)
        bl = orders.loc[day.between(e["baseline_start"], e["baseline_end"]), "amount"].sum() / (
            (e["baseline_end"] - e["baseline_start"]).days + 1)
        out.append({"event_id": e["event_id"], "event_daily_gmv": ev, "baseline_daily_gmv": bl, "uplift": ev / bl - 1})
    return pd.DataFrame(out).set_index("event_id")
