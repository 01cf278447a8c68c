# Wrong: a two-sided z (1.96 at 95%) as for a confidence interval.
import numpy as np
import pandas as pd
from scipy.stats import norm


def reorder_points(demand, lead_time_days, service_level=0.95):
    z = norm.ppf(1 - (1 - service_level) / 2)
    t = pd.DataFrame({"mean_daily": demand.mean(), "sd_daily": demand.std()})
    t["lead_time_days"] = lead_time_days.reindex(t.index).astype(float)
    t["safety_stock"] = z * t["sd_daily"] * np.sqrt(t["lead_time_days"])
    t["reorder_point"] = t["mean_daily"] * t["lead_time_days"] + t["safety_stock"]
    t.index.name = "product_id"
    return t
