"""Chapter 4's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML

from ...i18n import label, t
from ...notebook import demonstration, show_in
from ...plotting import yuan_formatter


def _paid_by_day(orders: pd.DataFrame) -> pd.DataFrame:
    paid = orders[orders["status"] == "paid"]
    return paid.assign(date=paid["paid_at"].dt.normalize())


def _kpi_rows(paid: pd.DataFrame, uv: int | None) -> list[tuple[str, str]]:
    buyers = paid["customer_id"].nunique()
    gmv = paid["amount"].sum()
    days_per_buyer = paid.groupby("customer_id")["date"].nunique()
    rows = [(t("kpi.gmv"), f"¥{gmv:,.0f}"), (t("ch04.kpi.buyers"), f"{buyers:,}"),
            (t("ch04.kpi.orders"), f"{len(paid):,}"),
            (t("kpi.aov"), f"¥{gmv / buyers:,.1f}" if buyers else "–"),
            (t("ch04.kpi.order_value"), f"¥{gmv / len(paid):,.1f}" if len(paid) else "–"),
            (t("ch04.kpi.repurchase"), f"{(days_per_buyer >= 2).mean():.1%}" if buyers else "–")]
    if uv is not None:
        buyer_days = paid.groupby("date")["customer_id"].nunique().sum()
        rows[1:1] = [(t("kpi.uv"), f"{uv:,}"), (t("kpi.cr"), f"{buyer_days / uv:.2%}" if uv else "–")]
    return rows


@demonstration
def kpi_dashboard(orders: pd.DataFrame, traffic: pd.DataFrame) -> widgets.VBox:
    """KPI cards and daily GMV for a date range and platform (UV and CR only for all platforms,
    since traffic is not split by platform)."""
    paid = _paid_by_day(orders)
    weeks = pd.date_range(paid["date"].min(), paid["date"].max(), freq="7D")
    dates = widgets.SelectionRangeSlider(
        options=[(d.strftime("%Y-%m-%d"), d) for d in weeks], index=(len(weeks) - 9, len(weeks) - 1),
        description=t("ch04.widget.dates"), layout=widgets.Layout(width="560px"), continuous_update=False)
    platforms = [(t("widget.all"), "all")] + [(label(p), p) for p in sorted(paid["platform"].unique())]
    platform = widgets.Dropdown(options=platforms, value="all", description=t("ch04.widget.platform"))
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
        note = f"<small>{t('ch04.kpi.note_uv')}</small>" if uv is not None else ""
        fig, ax = plt.subplots(figsize=(9, 3))
        chosen.groupby("date")["amount"].sum().plot(ax=ax, color="#d9480f")
        ax.yaxis.set_major_formatter(yuan_formatter())
        ax.set(title=t("ch04.title.dashboard", start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"),
               xlabel=t("axis.date"), ylabel=t("axis.gmv"))
        show_in(out, HTML(f"<table><tr>{cells}</tr></table>{note}"), fig)

    dates.observe(render, names="value")
    platform.observe(render, names="value")
    render()
    return widgets.VBox([widgets.HBox([platform, dates]), out])
