"""The shop's calendar: two years of days with growth, weekends and the 618 / Double 11 peaks."""

from __future__ import annotations

import numpy as np
import pandas as pd

START = pd.Timestamp("2024-01-01")
END = pd.Timestamp("2025-12-31")
SNAPSHOT = END  # the "today" of the course: RFM, dormancy and cohorts are measured here

# (month, day, multiplier): ramps are interpolated between these anchor days, each year
PROMO_ANCHORS = [
    (1, 1, 1.0), (1, 20, 1.0), (2, 5, 0.65), (2, 20, 0.95), (3, 8, 1.25), (3, 12, 1.0),
    (5, 20, 1.05), (5, 31, 1.7), (6, 1, 2.3), (6, 3, 1.5), (6, 15, 1.9), (6, 18, 3.6),
    (6, 19, 1.0), (6, 30, 0.9), (9, 1, 1.0), (10, 20, 1.3), (10, 24, 2.0), (10, 31, 2.6),
    (11, 1, 2.8), (11, 3, 1.6), (11, 10, 2.4), (11, 11, 5.0), (11, 12, 0.85), (11, 25, 0.9),
    (12, 10, 1.1), (12, 12, 1.6), (12, 13, 1.0), (12, 31, 1.0),
]
YEARLY_GROWTH = 0.22


def days() -> pd.DatetimeIndex:
    return pd.date_range(START, END, freq="D")


def promo_multiplier(dates: pd.DatetimeIndex) -> np.ndarray:
    """Seasonal multiplier per day: pre-sale build-up and peaks at 618 and Double 11."""
    out = np.empty(len(dates))
    for year in sorted(set(dates.year)):
        in_year = dates.year == year
        anchors = pd.to_datetime([f"{year}-{m:02d}-{d:02d}" for m, d, _ in PROMO_ANCHORS])
        values = np.array([v for *_, v in PROMO_ANCHORS])
        out[in_year] = np.interp(dates[in_year].asi8, anchors.asi8, values)
    return out


def is_promo_day(dates: pd.DatetimeIndex) -> np.ndarray:
    return promo_multiplier(dates) >= 1.8


def day_weights(dates: pd.DatetimeIndex, growth: bool = True) -> np.ndarray:
    """Relative activity per day: promotions × weekend lift × (optionally) yearly growth."""
    weekend = np.where(dates.day_of_week >= 5, 1.08, 1.0)
    years = (dates - START).days.to_numpy() / 365.25
    trend = (1 + YEARLY_GROWTH) ** years if growth else 1.0
    return promo_multiplier(dates) * weekend * trend
