# Wrong: good rate = on-time rate × (1 − damage rate), as if lateness and damage were unrelated.
def carrier_table(shipments):
    s = shipments.assign(on_time=shipments["delivered_days"] <= shipments["promised_days"])
    t = s.groupby("carrier").agg(parcels=("cost", "size"), cost_per_parcel=("cost", "mean"),
                                 on_time_rate=("on_time", "mean"), damage_rate=("damaged", "mean"))
    t["good_rate"] = t["on_time_rate"] * (1 - t["damage_rate"])
    t["cost_per_good_delivery"] = t["cost_per_parcel"] / t["good_rate"]
    return t.sort_values("cost_per_good_delivery")
