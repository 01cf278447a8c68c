# Correct, written differently: boolean masks on the paid orders and day counts from the dates.
def promotion_uplift(orders, calendar):
    paid = orders[orders["status"] == "paid"]
    day = paid["paid_at"].dt.normalize()
    out = []
    for _, e in calendar.iterrows():
        ev = paid.loc[(day >= e["start"]) & (day <= e["end"]), "amount"].sum() / ((e["end"] - e["start"]).days + 1)
        bl = paid.loc[(day >= e["baseline_start"]) & (day <= e["baseline_end"]), "amount"].sum() / (
            (e["baseline_end"] - e["baseline_start"]).days + 1)
        out.append({"event_id": e["event_id"], "event_daily_gmv": ev, "baseline_daily_gmv": bl, "uplift": ev / bl - 1})
    return pd.DataFrame(out).set_index("event_id")
