# Correct, written differently: a dict of account sets per device.
def flag_brushing(risk_orders, min_accounts=3, max_age_days=30):
    accounts = {}
    for device, buyer in zip(risk_orders["device_id"], risk_orders["buyer_id"]):
        accounts.setdefault(device, set()).add(buyer)
    crowded = risk_orders["device_id"].map(lambda d: len(accounts[d]) >= min_accounts)
    young = risk_orders["account_age_days"].le(max_age_days)
    return (crowded & young).astype(bool).rename("flagged")
