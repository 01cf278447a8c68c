"""Interactive tools for the notebooks. They only display: nothing waits for input, so
autograding never blocks on them."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from .i18n import label, t
from .plotting import yuan_formatter


def _paid_by_day(orders: pd.DataFrame) -> pd.DataFrame:
    paid = orders[orders["status"] == "paid"]
    return paid.assign(date=paid["paid_at"].dt.normalize())


def _kpi_rows(paid: pd.DataFrame, uv: int | None) -> list[tuple[str, str]]:
    buyers = paid["customer_id"].nunique()
    gmv = paid["amount"].sum()
    days_per_buyer = paid.groupby("customer_id")["date"].nunique()
    rows = [(t("kpi.gmv"), f"¥{gmv:,.0f}"), (t("kpi.buyers"), f"{buyers:,}"),
            (t("kpi.orders"), f"{len(paid):,}"),
            (t("kpi.aov"), f"¥{gmv / buyers:,.1f}" if buyers else "–"),
            (t("kpi.order_value"), f"¥{gmv / len(paid):,.1f}" if len(paid) else "–"),
            (t("kpi.repurchase"), f"{(days_per_buyer >= 2).mean():.1%}" if buyers else "–")]
    if uv is not None:
        buyer_days = paid.groupby("date")["customer_id"].nunique().sum()
        rows[1:1] = [(t("kpi.uv"), f"{uv:,}"), (t("kpi.cr"), f"{buyer_days / uv:.2%}" if uv else "–")]
    return rows


def kpi_dashboard(orders: pd.DataFrame, traffic: pd.DataFrame) -> widgets.VBox:
    """KPI cards and daily GMV for a date range and platform (UV and CR only for all platforms,
    since traffic is not split by platform)."""
    paid = _paid_by_day(orders)
    weeks = pd.date_range(paid["date"].min(), paid["date"].max(), freq="7D")
    dates = widgets.SelectionRangeSlider(
        options=[(d.strftime("%Y-%m-%d"), d) for d in weeks], index=(len(weeks) - 9, len(weeks) - 1),
        description=t("widget.dates"), layout=widgets.Layout(width="560px"), continuous_update=False)
    platforms = [(t("widget.all"), "all")] + [(label(p), p) for p in sorted(paid["platform"].unique())]
    platform = widgets.Dropdown(options=platforms, value="all", description=t("widget.platform"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        start, end = dates.value
        chosen = paid[(paid["date"] >= start) & (paid["date"] <= end)]
        uv = None
        if platform.value == "all":
            uv = int(traffic.loc[traffic["date"].between(start, end), "uv"].sum())
        else:
            chosen = chosen[chosen["platform"] == platform.value]
        cells = "".join(f"<td style='padding:4px 12px'><b>{value}</b><br><small>{name}</small></td>"
                        for name, value in _kpi_rows(chosen, uv))
        note = f"<small>{t('kpi.note_uv')}</small>" if uv is not None else ""
        with out:
            out.clear_output(wait=True)
            display(HTML(f"<table><tr>{cells}</tr></table>{note}"))
            fig, ax = plt.subplots(figsize=(9, 3))
            chosen.groupby("date")["amount"].sum().plot(ax=ax, color="#d9480f")
            ax.yaxis.set_major_formatter(yuan_formatter())
            ax.set(title=t("title.dashboard", start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"),
                   xlabel=t("axis.date"), ylabel=t("axis.gmv"))
            plt.show()

    dates.observe(render, names="value")
    platform.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([platform, dates]), out])


def gmv_explorer(uv: int, cr: float, aov: float) -> widgets.VBox:
    """Sliders for UV, conversion rate and spend per buyer around a baseline; shows the GMV they
    multiply to and how far each factor moved (chapter 1)."""
    base = uv * cr * aov
    uv_slider = widgets.IntSlider(value=int(uv), min=0, max=int(uv * 3), step=max(int(uv) // 100, 1),
                                  description=t("ch01.widget.uv"), continuous_update=False,
                                  layout=widgets.Layout(width="520px"))
    cr_slider = widgets.FloatSlider(value=cr, min=0.0, max=min(cr * 3, 1.0), step=0.0005,
                                    readout_format=".2%", description=t("ch01.widget.cr"),
                                    continuous_update=False, layout=widgets.Layout(width="520px"))
    aov_slider = widgets.FloatSlider(value=aov, min=0.0, max=aov * 3, step=1.0, readout_format=",.0f",
                                     description=t("ch01.widget.aov"), continuous_update=False,
                                     layout=widgets.Layout(width="520px"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        u, c, a = uv_slider.value, cr_slider.value, aov_slider.value
        gmv = u * c * a
        factors = [u / uv if uv else 0.0, c / cr if cr else 0.0, a / aov if aov else 0.0,
                   gmv / base if base else 0.0]
        names = [t("ch01.widget.uv"), t("ch01.widget.cr"), t("ch01.widget.aov"), t("kpi.gmv")]
        with out:
            out.clear_output(wait=True)
            display(HTML(t("ch01.widget.result", uv=u, cr=c, aov=a, gmv=gmv, base=base,
                           change=gmv / base - 1 if base else 0.0)))
            fig, ax = plt.subplots(figsize=(7, 2.8))
            colors = ["#1c7ed6", "#1c7ed6", "#1c7ed6", "#d9480f"]
            ax.barh(names[::-1], factors[::-1], color=colors[::-1])
            ax.axvline(1.0, color="grey", ls=":")
            for y, value in enumerate(factors[::-1]):
                ax.text(value, y, f" ×{value:.2f}", va="center")
            ax.set(title=t("ch01.widget.title"), xlabel=t("ch01.widget.factor"),
                   xlim=(0, max(max(factors) * 1.25, 1.5)))
            plt.show()

    for slider in (uv_slider, cr_slider, aov_slider):
        slider.observe(render, names="value")
    render()
    return widgets.VBox([uv_slider, cr_slider, aov_slider, out])
