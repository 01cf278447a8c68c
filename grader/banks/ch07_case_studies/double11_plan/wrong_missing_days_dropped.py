# Wrong: averages only the days that have a row, so days without sales are left out.
def double11_plan(demand, plan, event_days=11, service_level=0.95):
    skus = plan.set_index("sku_id")
    stats_ = demand.groupby("sku_id")["units"].agg(mean_daily="mean", sd_daily="std").reindex(skus.index)
    lead = skus["lead_time_days"]
    stats_["safety_stock"] = stats.norm.ppf(service_level) * stats_["sd_daily"] * np.sqrt(lead)
    stats_["target_stock"] = stats_["mean_daily"] * (lead + skus["double11_uplift"] * event_days) + stats_["safety_stock"]
    short = stats_["target_stock"] - skus["on_hand"] - skus["on_order"]
    stats_["order_qty"] = np.ceil(short.clip(lower=0)).astype(int)
    stats_["order_cost"] = stats_["order_qty"] * skus["unit_cost"]
    return stats_
