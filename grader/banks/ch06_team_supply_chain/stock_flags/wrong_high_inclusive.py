# Wrong: cover exactly at high_weeks counts as overstock (>= instead of >).
import numpy as np
import pandas as pd


def stock_flags(inventory, week, lookback=8, low_weeks=2.0, high_weeks=12.0):
    end = pd.Timestamp(week)
    weeks = sorted(inventory.loc[inventory["week"] <= end, "week"].unique())[-lookback:]
    avg = inventory[inventory["week"].isin(weeks)].groupby("product_id")["units_sold"].mean()
    on_hand = inventory[inventory["week"] == end].set_index("product_id")["on_hand_units"]
    out = pd.DataFrame({"avg_weekly_sales": avg.reindex(on_hand.index), "on_hand_units": on_hand})
    with np.errstate(divide="ignore", invalid="ignore"):
        cover = out["on_hand_units"] / out["avg_weekly_sales"]
    out["weeks_of_cover"] = cover.where(out["on_hand_units"] > 0, 0.0)
    out["flag"] = np.select([out["on_hand_units"] == 0, out["weeks_of_cover"] < low_weeks,
                             out["weeks_of_cover"] >= high_weeks], ["out", "low", "overstock"], "ok")
    out.index.name = "product_id"
    return out
