# Wrong: on time only when strictly early, and the table is sorted by the sticker price per parcel.
def carrier_table(shipments):
    s = shipments.assign(on_time=shipments["delivered_days"] < shipments["promised_days"])
    t = s.groupby("carrier").agg(parcels=("cost", "size"), cost_per_parcel=("cost", "mean"),
                                 on_time_rate=("on_time", "mean"), damage_rate=("damaged", "mean"))
    t["good_rate"] = (s["on_time"] & (s["damaged"] == 0)).groupby(s["carrier"]).mean()
    t["cost_per_good_delivery"] = t["cost_per_parcel"] / t["good_rate"]
    return t.sort_values("cost_per_parcel")
