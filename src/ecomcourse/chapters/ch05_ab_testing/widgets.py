"""Chapter 5's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import math

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML
from scipy import stats

from ...i18n import t
from ...notebook import demonstration, show_in
from ...plotting import percent_formatter


def _power(n_per_arm: np.ndarray, p_control: float, p_treatment: float, alpha: float) -> np.ndarray:
    spread = np.sqrt((p_control * (1 - p_control) + p_treatment * (1 - p_treatment)) / n_per_arm)
    return stats.norm.cdf(abs(p_treatment - p_control) / spread - stats.norm.ppf(1 - alpha / 2))


@demonstration
def power_explorer(daily_users: int = 6_000) -> widgets.VBox:
    """Users per arm for a baseline rate, a relative lift to detect, alpha and power; the power curve."""
    style = {"description_width": "150px"}
    baseline = widgets.FloatSlider(value=0.035, min=0.005, max=0.2, step=0.005, readout_format=".1%",
                                   description=t("ch05.widget.baseline"), style=style, continuous_update=False)
    lift = widgets.FloatSlider(value=0.14, min=0.02, max=0.5, step=0.01, readout_format=".0%",
                               description=t("ch05.widget.lift"), style=style, continuous_update=False)
    alpha = widgets.Dropdown(options=[0.01, 0.05, 0.10], value=0.05, description="α", style=style)
    power = widgets.FloatSlider(value=0.8, min=0.5, max=0.95, step=0.05, description=t("ch05.widget.power"),
                                style=style, continuous_update=False)
    traffic = widgets.IntSlider(value=daily_users, min=500, max=50_000, step=500,
                                description=t("ch05.widget.daily_users"), style=style, continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        p1, p2 = baseline.value, baseline.value * (1 + lift.value)
        z = stats.norm.ppf(1 - alpha.value / 2) + stats.norm.ppf(power.value)
        n = math.ceil(z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2)
        days = math.ceil(2 * n / traffic.value)
        grid = np.linspace(max(n / 20, 10), 2.5 * n, 200)
        fig, ax = plt.subplots(figsize=(7.5, 3.2))
        ax.plot(grid, _power(grid, p1, p2, alpha.value), color="#1c7ed6")
        ax.axhline(power.value, color="grey", ls=":")
        ax.axvline(n, color="#d9480f", ls="--")
        ax.yaxis.set_major_formatter(percent_formatter())
        ax.set(xlabel=t("ch05.axis.users_per_arm"), ylabel=t("ch05.axis.power"), ylim=(0, 1.02),
               title=t("ch05.title.power_curve"))
        show_in(out, HTML(t("ch05.widget.plan", n=f"{n:,}", total=f"{2 * n:,}", days=days, p1=p1, p2=p2)), fig)

    for control in (baseline, lift, alpha, power, traffic):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([widgets.VBox([baseline, lift, alpha]), widgets.VBox([power, traffic])]),
                         out])


def simulate_peeking(looks: int, experiments: int, users_per_look: int, rate: float = 0.035,
                     alpha: float = 0.05, seed: int = 5) -> pd.Series:
    """Share of simulated A/A tests already "significant" at some look, after each look (pooled z)."""
    rng = np.random.default_rng(seed)
    shape = (experiments, looks)
    conv_a = rng.binomial(users_per_look, rate, shape).cumsum(axis=1)
    conv_b = rng.binomial(users_per_look, rate, shape).cumsum(axis=1)
    n = users_per_look * np.arange(1, looks + 1)
    pooled = (conv_a + conv_b) / (2 * n)
    se = np.sqrt(pooled * (1 - pooled) * 2 / n)
    z = np.divide(conv_b / n - conv_a / n, se, out=np.zeros(shape), where=se > 0)
    significant = 2 * stats.norm.sf(np.abs(z)) < alpha
    return pd.Series(np.logical_or.accumulate(significant, axis=1).mean(axis=0), index=np.arange(1, looks + 1))


@demonstration
def peeking_simulator() -> widgets.VBox:
    """How often an A/A test looks like a winner if you check it after every batch of users."""
    style = {"description_width": "150px"}
    looks = widgets.IntSlider(value=14, min=1, max=60, description=t("ch05.widget.looks"), style=style,
                              continuous_update=False)
    users = widgets.IntSlider(value=500, min=100, max=5_000, step=100, description=t("ch05.widget.users_per_look"),
                              style=style, continuous_update=False)
    runs = widgets.IntSlider(value=1_000, min=200, max=5_000, step=200, description=t("ch05.widget.experiments"),
                             style=style, continuous_update=False)
    out = widgets.Output()

    def render(_change: object = None) -> None:
        rates = simulate_peeking(looks.value, runs.value, users.value)
        fig, ax = plt.subplots(figsize=(7.5, 3.2))
        ax.plot(rates.index, rates.to_numpy(), marker="o", ms=3, color="#d9480f", label=t("ch05.legend.any_look"))
        ax.axhline(0.05, color="grey", ls=":", label=t("ch05.legend.nominal"))
        ax.yaxis.set_major_formatter(percent_formatter())
        ax.set(xlabel=t("ch05.axis.looks"), ylabel=t("ch05.axis.false_positive"), ylim=(0, None),
               title=t("ch05.title.peeking"))
        ax.legend()
        show_in(out, HTML(t("ch05.widget.peeking_result", looks=looks.value, rate=rates.iloc[-1])), fig)

    for control in (looks, users, runs):
        control.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([looks, users, runs]), out])
