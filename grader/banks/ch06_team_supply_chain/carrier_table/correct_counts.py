# Correct, written differently: counts and sums in one pass with pivot-style aggregation.
import pandas as pd


def carrier_table(shipments):
    df = shipments.copy()
    df["on_time"] = (df["delivered_days"] <= df["promised_days"]).astype(int)
    df["good"] = df["on_time"] * (1 - df["damaged"])
    agg = df.groupby("carrier").agg(parcels=("order_id", "count"), cost=("cost", "sum"), on_time=("on_time", "sum"),
                                    damaged=("damaged", "sum"), good=("good", "sum"))
    return pd.DataFrame({
        "parcels": agg["parcels"], "cost_per_parcel": agg["cost"] / agg["parcels"],
        "on_time_rate": agg["on_time"] / agg["parcels"], "damage_rate": agg["damaged"] / agg["parcels"],
        "good_rate": agg["good"] / agg["parcels"], "cost_per_good_delivery": agg["cost"] / agg["good"],
    }).sort_values("cost_per_good_delivery")
