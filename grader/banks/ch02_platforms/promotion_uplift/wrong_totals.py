# Wrong: compares window totals instead of daily averages.
def promotion_uplift(orders, calendar):
    paid = orders[orders["status"] == "paid"]
    day = paid["paid_at"].dt.normalize()
    out = []
    for _, e in calendar.iterrows():
        ev = paid.loc[day.between(e["start"], e["end"]), "amount"].sum()
        bl = paid.loc[day.between(e["baseline_start"], e["baseline_end"]), "amount"].sum()
        out.append({"event_id": e["event_id"], "event_daily_gmv": ev, "baseline_daily_gmv": bl, "uplift": ev / bl - 1})
    return pd.DataFrame(out).set_index("event_id")
