# Wrong: averages every week up to `week`, not just the last `lookback` weeks.
import numpy as np
import pandas as pd


def stock_flags(inventory, week, lookback=8, low_weeks=2.0, high_weeks=12.0):
    end = pd.Timestamp(week)
    recent = inventory[inventory["week"] <= end]
    avg = recent.groupby("product_id")["units_sold"].mean()
    on_hand = inventory[inventory["week"] == end].set_index("product_id")["on_hand_units"]
    out = pd.DataFrame({"avg_weekly_sales": avg.reindex(on_hand.index).fillna(0), "on_hand_units": on_hand})
    cover = (out["on_hand_units"] / out["avg_weekly_sales"]).replace(np.nan, 0.0)
    out["weeks_of_cover"] = cover.where(out["on_hand_units"] > 0, 0.0)
    out["flag"] = np.select([out["on_hand_units"] == 0, out["weeks_of_cover"] < low_weeks,
                             out["weeks_of_cover"] > high_weeks], ["out", "low", "overstock"], "ok")
    out.index.name = "product_id"
    return out
