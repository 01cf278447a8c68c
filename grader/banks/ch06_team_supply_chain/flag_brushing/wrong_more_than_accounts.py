# Wrong: needs more than min_accounts accounts on the device (> instead of >=).
def flag_brushing(risk_orders, min_accounts=3, max_age_days=30):
    accounts = risk_orders.groupby("device_id")["buyer_id"].transform("nunique")
    return ((accounts > min_accounts) & (risk_orders["account_age_days"] <= max_age_days)).rename("flagged")
