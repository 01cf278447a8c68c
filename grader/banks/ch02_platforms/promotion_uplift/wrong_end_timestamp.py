# Wrong: compares the paid_at timestamps with the midnight of `end`, so the end day's orders drop out of the window.
def promotion_uplift(orders, calendar):
    paid = orders[orders["status"] == "paid"]
    rows = {}
    for e in calendar.itertuples():
        ev = paid.loc[(paid["paid_at"] >= e.start) & (paid["paid_at"] <= e.end), "amount"].sum()
        bl = paid.loc[(paid["paid_at"] >= e.baseline_start) & (paid["paid_at"] <= e.baseline_end), "amount"].sum()
        ev /= (e.end - e.start).days + 1
        bl /= (e.baseline_end - e.baseline_start).days + 1
        rows[e.event_id] = {"event_daily_gmv": ev, "baseline_daily_gmv": bl, "uplift": ev / bl - 1}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "event_id"
    return out
