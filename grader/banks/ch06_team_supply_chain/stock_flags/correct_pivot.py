# Correct, written differently: a week × product pivot and a rolling window.
import numpy as np
import pandas as pd


def stock_flags(inventory, week, lookback=8, low_weeks=2.0, high_weeks=12.0):
    sold = inventory.pivot(index="week", columns="product_id", values="units_sold").sort_index()
    stock = inventory.pivot(index="week", columns="product_id", values="on_hand_units")
    when = pd.Timestamp(week)
    avg = sold.loc[:when].tail(lookback).mean()
    on_hand = stock.loc[when]
    cover = pd.Series(np.where(on_hand == 0, 0.0, np.where(avg == 0, np.inf, on_hand / avg.replace(0, 1))),
                      index=on_hand.index)
    flag = pd.Series("ok", index=on_hand.index)
    flag[cover > high_weeks] = "overstock"
    flag[cover < low_weeks] = "low"
    flag[on_hand == 0] = "out"
    out = pd.DataFrame({"avg_weekly_sales": avg, "on_hand_units": on_hand, "weeks_of_cover": cover, "flag": flag})
    out.index.name = "product_id"
    return out
