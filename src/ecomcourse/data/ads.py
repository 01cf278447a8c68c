"""Daily ad delivery by channel: impressions, clicks, spend and platform-attributed results.

Each channel has a cost model (CPC, CPM or commission), a click-through and a conversion rate;
the true ROAS (CVR × value / CPC) of the channels spans well above 3 down to below break-even (1 / 0.45 ≈ 2.2).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import calendar

# channel: (share of budget, CPC yuan, CTR, CVR per click, value per order yuan);
# ROAS = CVR × value / CPC
CHANNELS = {
    "ztc_search": (0.30, 1.6, 0.032, 0.021, 290.0),        # ROAS ~3.8
    "super_recommend": (0.18, 0.9, 0.011, 0.011, 260.0),   # ~3.2
    "display_cpm": (0.12, 2.4, 0.006, 0.0142, 270.0),      # ~1.6, below break-even
    "taobaoke": (0.08, 1.2, 0.020, 0.022, 230.0),          # ~4.2
    "qianchuan": (0.16, 1.3, 0.018, 0.013, 250.0),         # ~2.5
    "pdd_search": (0.08, 0.6, 0.026, 0.026, 120.0),        # ~5.2
    "jd_kuaiche": (0.08, 1.8, 0.030, 0.020, 300.0),        # ~3.3
}
DAILY_BUDGET = 2150.0


def make_ad_campaigns(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    dates = calendar.days()
    weights = calendar.day_weights(dates)
    frames = []
    for channel, (share, cpc, ctr, cvr, value) in CHANNELS.items():
        n = len(dates)
        spend = DAILY_BUDGET * scale * share * weights * rng.lognormal(0, 0.12, n)
        impressions = np.round(spend / (cpc * ctr) * rng.lognormal(0, 0.05, n)).astype(int)
        clicks = rng.binomial(impressions, ctr)
        orders = rng.binomial(clicks, cvr)
        gmv = orders * value * rng.lognormal(0, 0.10, n)
        frames.append(pd.DataFrame({
            "date": dates, "channel": channel, "impressions": impressions, "clicks": clicks,
            "spend": np.round(spend, 2), "attributed_orders": orders,
            "attributed_gmv": np.round(gmv, 2)}))
    return pd.concat(frames, ignore_index=True).sort_values(["date", "channel"]).reset_index(drop=True)
