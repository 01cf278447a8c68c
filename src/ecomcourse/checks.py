"""Answer checks used by the notebooks' test cells, with messages in the notebook's language.

Types are checked before values, so an object that claims to equal anything is rejected.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

import numpy as np
import pandas as pd

from .i18n import t

REL_TOL = 1e-6


def _type_name(value: object) -> str:
    return type(value).__name__


def expect_type(value: object, expected: type | tuple[type, ...], name: str) -> None:
    if not isinstance(value, expected) or isinstance(value, bool):
        names = expected.__name__ if isinstance(expected, type) else " / ".join(e.__name__ for e in expected)
        raise AssertionError(t("check.type", name=name, expected=names, got=_type_name(value)))


def expect_number(value: object, name: str) -> float:
    expect_type(value, (int, float, np.integer, np.floating), name)
    if math.isnan(float(value)):
        raise AssertionError(t("check.nan", name=name))
    return float(value)


def expect_fraction(value: object, name: str) -> float:
    """A rate in [0, 1]; values in (1, 100] get the "looks like a percentage" message."""
    number = expect_number(value, name)
    if 1 < number <= 100:
        raise AssertionError(t("check.percent", name=name, value=number))
    if not 0 <= number <= 1:
        raise AssertionError(t("check.fraction", name=name, value=number))
    return number


def expect_fractions(values: pd.Series, name: str) -> None:
    clean = values.dropna()
    if len(clean) and clean.max() > 1 and clean.max() <= 100:
        raise AssertionError(t("check.percent", name=name, value=float(clean.max())))
    if len(clean) and (clean.min() < 0 or clean.max() > 1):
        raise AssertionError(t("check.fraction", name=name, value=f"[{clean.min():.4g}, {clean.max():.4g}]"))


def expect_frame(value: object, name: str, columns: Iterable[str], index: str | None = None) -> pd.DataFrame:
    expect_type(value, pd.DataFrame, name)
    expected = list(columns)
    missing = [c for c in expected if c not in value.columns]
    if missing:
        raise AssertionError(t("check.columns", name=name, missing=missing, expected=expected))
    if index is not None and value.index.name != index:
        raise AssertionError(t("check.index", name=name, expected=index, got=value.index.name))
    return value


def expect_series(value: object, name: str, index: str | None = None) -> pd.Series:
    expect_type(value, pd.Series, name)
    if index is not None and value.index.name != index:
        raise AssertionError(t("check.index", name=name, expected=index, got=value.index.name))
    return value


def expect_length(value: pd.DataFrame | pd.Series | list, expected: int, name: str) -> None:
    if len(value) != expected:
        raise AssertionError(t("check.length", name=name, expected=expected, got=len(value)))


def expect_close(value: object, expected: float, name: str, hint: str = "", rel_tol: float = REL_TOL,
                 abs_tol: float = 1e-9) -> None:
    number = expect_number(value, name)
    if not math.isclose(number, expected, rel_tol=rel_tol, abs_tol=abs_tol):
        raise AssertionError(t("check.value", name=name, hint=hint))


def expect_frame_close(value: pd.DataFrame, expected: pd.DataFrame, name: str, hint: str = "",
                       rel_tol: float = REL_TOL) -> None:
    """Same index and columns as ``expected`` (order of rows ignored), values within ``rel_tol``."""
    got = value.loc[:, list(expected.columns)]
    if set(got.index) != set(expected.index) or len(got.index) != len(expected.index):
        raise AssertionError(t("check.value", name=name, hint=hint))
    got = got.loc[expected.index].astype(float)
    if not np.allclose(got.to_numpy(), expected.astype(float).to_numpy(), rtol=rel_tol, atol=1e-9,
                       equal_nan=True):
        raise AssertionError(t("check.value", name=name, hint=hint))


def expect_unchanged(before: pd.DataFrame, after: pd.DataFrame) -> None:
    if not before.equals(after):
        raise AssertionError(t("check.mutated"))


def toy_shop() -> dict[str, pd.DataFrame]:
    """A hand-made three-day shop whose KPIs can be worked out on paper (used by visible tests).

    C1 pays twice on 16 June and again on 18 June; C2 leaves an unpaid order, then pays on
    17 June and is refunded; C3 pays once from the live room.
    """
    ts = pd.to_datetime
    orders = pd.DataFrame({
        "order_id": ["O1", "O2", "O3", "O4", "O5", "O6"],
        "customer_id": ["C1", "C1", "C2", "C2", "C3", "C1"],
        "created_at": ts(["2025-06-16 10:00", "2025-06-16 15:00", "2025-06-16 20:00",
                          "2025-06-17 09:00", "2025-06-17 21:00", "2025-06-18 11:00"]),
        "paid_at": ts(["2025-06-16 10:01", "2025-06-16 15:02", None,
                       "2025-06-17 09:05", "2025-06-17 21:01", "2025-06-18 11:03"]),
        "status": ["paid", "paid", "unpaid", "paid", "paid", "paid"],
        "platform": ["taobao", "taobao", "tmall", "tmall", "douyin", "taobao"],
        "channel": ["natural_search", "natural_search", "paid_ads", "paid_ads", "live_room",
                    "natural_search"],
        "device": ["mobile", "mobile", "pc", "pc", "mobile", "mobile"],
        "items_amount": [110.0, 50.0, 80.0, 220.0, 120.0, 60.0],
        "discount": [10.0, 0.0, 0.0, 20.0, 0.0, 0.0],
        "amount": [100.0, 50.0, 80.0, 200.0, 120.0, 60.0],
        "refund_amount": [0.0, 0.0, 0.0, 200.0, 0.0, 0.0],
    })
    traffic = pd.DataFrame({
        "date": ts(["2025-06-16"] * 3 + ["2025-06-17"] * 3 + ["2025-06-18"] * 3),
        "source": ["natural_search", "paid_ads", "live_room"] * 3,
        "device": ["mobile"] * 9,
        "uv": [30, 10, 10, 20, 20, 10, 15, 5, 5],
        "pv": [90, 20, 40, 60, 50, 30, 45, 10, 15],
    })
    return {"orders": orders, "traffic_daily": traffic}


def toy_experiment() -> pd.DataFrame:
    """Six users of a hand-made A/B test (used by chapter 5's visible tests).

    Control: one buyer of ¥100 in one order. Treatment: two buyers, ¥300 in two orders and ¥50 in one.
    """
    return pd.DataFrame({
        "user_id": ["U1", "U2", "U3", "U4", "U5", "U6"],
        "group": ["control"] * 3 + ["treatment"] * 3,
        "converted": [1, 0, 0, 1, 1, 0],
        "orders": [1, 0, 0, 2, 1, 0],
        "revenue": [100.0, 0.0, 0.0, 300.0, 50.0, 0.0],
        "pre_revenue": [80.0, 0.0, 20.0, 200.0, 60.0, 0.0],
    })


@cache
def _fresh(chapter: str, seed: int) -> dict[str, pd.DataFrame]:
    from .data import generate

    return generate(seed=seed, scale=0.05, only=[chapter])


def fresh_tables(chapter: str, seed: int) -> dict[str, pd.DataFrame]:
    """A small, differently seeded shop and ``chapter``'s own tables, for its hidden tests (copies:
    answers may not share state). Made once per process and seed. The seed lives only in the
    hidden tests, which the engine runs in its own process, never in the student's kernel."""
    return {name: df.copy() for name, df in _fresh(chapter, seed).items()}
