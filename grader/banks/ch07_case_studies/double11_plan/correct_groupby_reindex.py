# Correct, written differently: per-SKU series reindexed over the calendar, a loop over the plan rows.
import math
from statistics import NormalDist


def double11_plan(demand, plan, event_start="2025-11-01", event_days=11, service_level=0.95):
    days = pd.date_range(demand["date"].min(), demand["date"].max())
    before = len(pd.date_range(days[-1] + pd.Timedelta(days=1), pd.Timestamp(event_start) - pd.Timedelta(days=1)))
    z = NormalDist().inv_cdf(service_level)
    rows = []
    for r in plan.itertuples(index=False):
        units = demand[demand["sku_id"] == r.sku_id].groupby("date")["units"].sum().reindex(days, fill_value=0)
        mean, sd = units.mean(), units.std()
        safety = z * sd * math.sqrt(r.lead_time_days)
        target = mean * before + mean * r.double11_uplift * event_days + safety
        qty = max(0, math.ceil(target - r.on_hand - r.on_order))
        rows.append({"sku_id": r.sku_id, "mean_daily": mean, "sd_daily": sd, "safety_stock": safety,
                     "target_stock": target, "order_qty": int(qty), "order_cost": qty * r.unit_cost})
    out = pd.DataFrame(rows).set_index("sku_id")
    out["order_qty"] = out["order_qty"].astype(int)
    return out
