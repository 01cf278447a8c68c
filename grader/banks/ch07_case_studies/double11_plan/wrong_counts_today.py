# Wrong: counts the last day of the data again among the normal days before the event (one day too many).
def double11_plan(demand, plan, event_start="2025-11-01", event_days=11, service_level=0.95):
    skus = plan.set_index("sku_id")
    days = pd.date_range(demand["date"].min(), demand["date"].max())
    daily = demand.pivot_table(index="date", columns="sku_id", values="units", aggfunc="sum").reindex(
        index=days, columns=skus.index).fillna(0)
    table = pd.DataFrame({"mean_daily": daily.mean(), "sd_daily": daily.std()})
    before = (pd.Timestamp(event_start) - days[-1]).days
    lead = skus["lead_time_days"]
    table["safety_stock"] = stats.norm.ppf(service_level) * table["sd_daily"] * np.sqrt(lead)
    table["target_stock"] = (table["mean_daily"] * (before + skus["double11_uplift"] * event_days)
                             + table["safety_stock"])
    short = table["target_stock"] - skus["on_hand"] - skus["on_order"]
    table["order_qty"] = np.ceil(short.clip(lower=0)).astype(int)
    table["order_cost"] = table["order_qty"] * skus["unit_cost"]
    return table.rename_axis("sku_id")
