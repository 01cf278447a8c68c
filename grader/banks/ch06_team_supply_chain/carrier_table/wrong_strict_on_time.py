# Wrong: a parcel delivered on the promised day counts as late (< instead of <=).
def carrier_table(shipments):
    s = shipments.assign(on_time=shipments["delivered_days"] < shipments["promised_days"])
    s["good"] = s["on_time"] & (s["damaged"] == 0)
    t = s.groupby("carrier").agg(parcels=("cost", "size"), total=("cost", "sum"), on_time_rate=("on_time", "mean"),
                                 damage_rate=("damaged", "mean"), good=("good", "sum"))
    t["cost_per_parcel"] = t["total"] / t["parcels"]
    t["good_rate"] = t["good"] / t["parcels"]
    t["cost_per_good_delivery"] = t["total"] / t["good"]
    columns = ["parcels", "cost_per_parcel", "on_time_rate", "damage_rate", "good_rate", "cost_per_good_delivery"]
    return t.sort_values("cost_per_good_delivery")[columns]
