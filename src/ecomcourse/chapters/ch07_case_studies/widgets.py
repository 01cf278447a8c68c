"""Chapter 7's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML

from ...i18n import label, t
from ...notebook import demonstration, show_in
from ...plotting import yuan_formatter


def _lmdi_by_source(daily: pd.DataFrame, base: str, target: str) -> pd.DataFrame:
    """Per-day averages per source (month sums ÷ days in the month) and the LMDI contributions of UV,
    CR and spend per buyer (yuan a day)."""
    month = daily["date"].dt.strftime("%Y-%m")
    totals = {m: daily[month == m].groupby("source")[["uv", "buyers", "gmv"]].sum() / pd.Period(m).days_in_month
              for m in (base, target)}
    g0, g1 = totals[base]["gmv"], totals[target]["gmv"].reindex(totals[base].index)
    factors = {}
    for name, (a, b) in {"uv": ("uv", None), "cr": ("buyers", "uv"), "aov": ("gmv", "buyers")}.items():
        x0 = totals[base][a] / (totals[base][b] if b else 1)
        x1 = (totals[target][a] / (totals[target][b] if b else 1)).reindex(x0.index)
        factors[name] = np.log(x1 / x0)
    log_mean = ((g1 - g0) / (np.log(g1) - np.log(g0))).where(~np.isclose(g1, g0), g0)
    table = pd.DataFrame({name: log_mean * change for name, change in factors.items()})
    table["g0"], table["g1"] = g0, g1
    return table


@demonstration
def gmv_waterfall(daily: pd.DataFrame, base: str, target: str) -> widgets.VBox:
    """A waterfall of the change in GMV per day from month ``base`` to ``target`` ("YYYY-MM"): one bar
    per factor (UV, CR, spend per buyer) for one traffic source or all of them (LMDI, chapter 7)."""
    table = _lmdi_by_source(daily, base, target)
    options = [(t("widget.all"), "all")] + [(label(s), s) for s in table.index]
    source = widgets.Dropdown(options=options, value="all", description=t("ch07.widget.source"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        rows = table if source.value == "all" else table.loc[[source.value]]
        g0, g1 = rows["g0"].sum(), rows["g1"].sum()
        steps = [rows[f].sum() for f in ("uv", "cr", "aov")]
        names = [t("ch07.widget.base", month=base)] + [label(f) for f in ("uv", "cr", "aov")] + \
            [t("ch07.widget.base", month=target)]
        bottoms = [0.0, g0, g0 + steps[0], g0 + steps[0] + steps[1], 0.0]
        heights = [g0, *steps, g1]
        colors = ["#868e96"] + ["#2b8a3e" if s >= 0 else "#c92a2a" for s in steps] + ["#868e96"]
        fig, ax = plt.subplots(figsize=(8, 3.6))
        ax.bar(names, heights, bottom=bottoms, color=colors)
        for i, (b, h) in enumerate(zip(bottoms, heights)):
            text = f"¥{h:,.0f}" if i in (0, 4) else f"{h:+,.0f}"
            ax.text(i, b + max(h, 0), text, ha="center", va="bottom", fontsize=9)
        levels = np.cumsum([g0, *steps])
        low, high = min(levels.min(), g1), max(levels.max(), g1)
        pad = max(high - low, abs(g0) * 0.01, 1.0)
        ax.set_ylim(max(0.0, low - pad), high + 0.3 * pad)
        ax.yaxis.set_major_formatter(yuan_formatter(compact=False))
        title_source = t("widget.all") if source.value == "all" else label(source.value)
        ax.set(title=t("ch07.widget.title", source=title_source, base=base, target=target))
        show_in(out, HTML(t("ch07.widget.summary", base=base, target=target, g0=g0, g1=g1, change=g1 - g0,
                            rate=g1 / g0 - 1 if g0 else 0.0)), fig)

    source.observe(render, names="value")
    render()
    return widgets.VBox([source, out])
