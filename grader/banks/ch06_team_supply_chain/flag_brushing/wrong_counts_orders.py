# Wrong: counts orders per device instead of distinct buyer accounts.
def flag_brushing(risk_orders, min_accounts=3, max_age_days=30):
    orders = risk_orders.groupby("device_id")["order_id"].transform("size")
    return ((orders >= min_accounts) & (risk_orders["account_age_days"] <= max_age_days)).rename("flagged")
