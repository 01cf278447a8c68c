# Correct, written differently: statistics.NormalDist for z and a loop over the SKUs.
from statistics import NormalDist

import pandas as pd


def reorder_points(demand, lead_time_days, service_level=0.95):
    z = NormalDist().inv_cdf(service_level)
    rows = []
    for sku in demand.columns:
        x = demand[sku].astype(float)
        lead = float(lead_time_days[sku])
        mean, sd = x.mean(), x.std()
        safety = z * sd * lead ** 0.5
        rows.append({"product_id": sku, "mean_daily": mean, "sd_daily": sd, "lead_time_days": lead,
                     "safety_stock": safety, "reorder_point": mean * lead + safety})
    return pd.DataFrame(rows).set_index("product_id")
